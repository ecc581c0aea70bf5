import { isDuplicateKey } from '../../../platform/mongo';
import { currentTraceparent } from '../../../platform/tracing';
import { blockOf, GapFreeSequence, highestId } from '../../../platform/sequence';
import type { ProcedureModel, ProcedureRecord } from '../models/procedure';
import { searchTextOf } from '../models/procedure';
import type { ProcedureChangeModel, ProcedureChangeRecord } from '../models/procedure-change';

export interface ProcedureModels {
  Procedure: ProcedureModel;
  ProcedureChange: ProcedureChangeModel;
}

export type NewChange = Omit<ProcedureChangeRecord, '_id' | 'block' | 'published'>;

/** Appends publication changes under gap-free global numbers, so the feed can never skip one. */
export class ChangeLog {
  private readonly numbers: GapFreeSequence;

  constructor(private readonly models: ProcedureModels) {
    this.numbers = new GapFreeSequence(() => highestId(models.ProcedureChange));
  }

  /** The stored change (with the request's trace context), or null when the procedure's revision was taken by a concurrent change. */
  append(change: NewChange): Promise<ProcedureChangeRecord | null> {
    const { ProcedureChange } = this.models;
    return this.numbers.claim<ProcedureChangeRecord | null>(
      async (n) => (await ProcedureChange.create({ traceparent: currentTraceparent(), ...change, _id: n, block: blockOf(n), published: false })).toObject(),
      async () => ((await ProcedureChange.exists({ code: change.code, revision: change.revision })) ? { value: null } : undefined),
    );
  }
}

/**
 * Brings the procedure up to `change`; applying one twice, or an older one, changes nothing.
 * FerretDB pushes only the `code` equality of the filter into SQL (an index lookup, one row);
 * the `$lt` is checked on that row.
 */
export async function project(models: ProcedureModels, c: ProcedureChangeRecord): Promise<void> {
  const set: Partial<ProcedureRecord> = {
    ...c.content,
    searchText: searchTextOf({ code: c.code, ...c.content }),
    status: c.status,
    version: c.version,
    revision: c.revision,
    source: c.source,
    ...(c.kind === 'WITHDRAWN'
      ? { withdrawnAt: c.at, withdrawnBy: c.by, withdrawalReason: c.reason }
      : { publishedAt: c.at, publishedBy: c.by, pendingContent: null, withdrawnAt: null, withdrawnBy: null, withdrawalReason: null }),
  };
  try {
    await models.Procedure.updateOne({ code: c.code, revision: { $lt: c.revision } }, { $set: set }, { upsert: true }).exec();
  } catch (err) {
    // The upsert found a newer revision already in place and tried to insert a second copy.
    if (!isDuplicateKey(err)) throw err;
  }
}

/**
 * Applies the changes a crashed writer appended but never projected. Writers call it before
 * deciding anything, and the relay before publishing, so the log and the procedure agree.
 * Both reads go by `code` (an index lookup on FerretDB: the `$gt` and the sort then run on one
 * procedure's few changes).
 */
export async function catchUp(models: ProcedureModels, code: string): Promise<ProcedureRecord | null> {
  const current = await models.Procedure.findOne({ code }).lean().exec();
  const missing = await models.ProcedureChange.find({ code, revision: { $gt: current?.revision ?? 0 } }).sort({ revision: 1 }).lean().exec();
  if (missing.length === 0) return current;
  for (const c of missing) await project(models, c);
  return models.Procedure.findOne({ code }).lean().exec();
}
