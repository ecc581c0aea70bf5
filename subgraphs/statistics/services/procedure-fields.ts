import type { Redis } from 'ioredis';
import type { ProcedureChangeEvent } from '../../../platform/events';
import { isDuplicateKey } from '../../../platform/mongo';
import type { ProcedureFieldModel } from '../models/procedure-field';

/** Bumped whenever a field changes, so every statistics process knows to read the map again. */
const VERSION_KEY = 'stats:fields:version';

/**
 * Keeps each procedure's field from the procedure change stream; an older or repeated change is
 * ignored. The procedure is found, updated or inserted by `_id` (its code), always index-backed.
 */
export async function applyProcedureChange(Fields: ProcedureFieldModel, redis: Redis, e: ProcedureChangeEvent): Promise<void> {
  if (!e.field) return; // changes published before the field was carried
  const known = await Fields.findById(e.code).lean().exec();
  if (known && known.revision >= e.revision) return;
  if (known) {
    await Fields.updateOne({ _id: e.code }, { $set: { field: e.field, revision: e.revision } }).exec();
  } else {
    await Fields.create({ _id: e.code, field: e.field, revision: e.revision }).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
  }
  if (known?.field !== e.field) await redis.incr(VERSION_KEY);
}

/**
 * The procedure → field map, read again when its version in Redis moved. Read whole on purpose:
 * the table has one row per procedure of VSS's catalogue (tens to hundreds; even 5 000 rows take
 * ≈ 0.7 s through FerretDB), it is read only after a field changed, and figures queries in
 * between read nothing (test/integration/statistics-indexes.test.ts).
 */
export function fieldMap(Fields: ProcedureFieldModel, redis: Redis): () => Promise<Map<string, string>> {
  let cached: { version: string | null; map: Map<string, string> } | null = null;
  return async () => {
    const version = await redis.get(VERSION_KEY);
    if (!cached || cached.version !== version) {
      cached = { version, map: new Map((await Fields.find().lean().exec()).map((r) => [r._id, r.field])) };
    }
    return cached.map;
  };
}
