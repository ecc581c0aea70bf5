import type { Redis } from 'ioredis';
import type { ProcedureChangeEvent } from '../../kit/events';
import { isDuplicateKey } from '../../kit/mongo';
import type { ProcedureFieldModel } from '../models/procedure-field';

/** Bumped whenever a field changes, so every statistics process knows to read the map again. */
const VERSION_KEY = 'stats:fields:version';

/** Keeps each procedure's field from the procedure change stream; an older or repeated change is ignored. */
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

/** The procedure → field map (small), read again when its version in Redis moved. */
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
