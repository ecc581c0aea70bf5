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

/**
 * The procedure aggregate's persistence: the catalogue entry and its log of publication changes,
 * and all this code knows about the database. Changes are appended under gap-free global numbers
 * (the feed can never skip one) claimed by inserting under the unique `_id`, and (code, revision)
 * is unique too, so of two concurrent changes one is refused. A filtered update is not atomic on
 * FerretDB v1, and a writer can crash between appending and applying a change, so `current`
 * applies what is missing before anyone decides on a procedure. Every read goes by `code`, an
 * index lookup on FerretDB.
 */
export class ProcedureRepository {
  private readonly numbers: GapFreeSequence;

  constructor(readonly models: ProcedureModels) {
    this.numbers = new GapFreeSequence(() => highestId(models.ProcedureChange));
  }

  find(code: string): Promise<ProcedureRecord | null> {
    return this.models.Procedure.findOne({ code }).lean().exec();
  }

  /** The procedure with every appended change applied: what a writer decides on. */
  async current(code: string): Promise<ProcedureRecord | null> {
    const now = await this.find(code);
    const missing = await this.models.ProcedureChange.find({ code, revision: { $gt: now?.revision ?? 0 } }).sort({ revision: 1 }).lean().exec();
    if (missing.length === 0) return now;
    for (const c of missing) await this.project(c);
    return this.find(code);
  }

  /** Stores a new draft; null when a procedure with its code exists (the unique index decides). */
  async insertDraft(draft: Partial<ProcedureRecord> & Pick<ProcedureRecord, 'code'>): Promise<ProcedureRecord | null> {
    try {
      return (await this.models.Procedure.create(draft)).toObject();
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  }

  /** Sets fields of the working copy (a draft's content, or the edits pending for the next version). */
  async edit(code: string, set: Partial<ProcedureRecord>): Promise<ProcedureRecord> {
    return (await this.models.Procedure.findOneAndUpdate({ code }, { $set: set }, { new: true, runValidators: true }).lean().exec())!;
  }

  /** The stored change (with the request's trace context), or null when the procedure's revision was taken by a concurrent change. */
  append(change: NewChange): Promise<ProcedureChangeRecord | null> {
    const { ProcedureChange } = this.models;
    return this.numbers.claim<ProcedureChangeRecord | null>(
      async (n) => (await ProcedureChange.create({ traceparent: currentTraceparent(), ...change, _id: n, block: blockOf(n), published: false })).toObject(),
      async () => ((await ProcedureChange.exists({ code: change.code, revision: change.revision })) ? { value: null } : undefined),
    );
  }

  /**
   * Brings the procedure up to `change`; applying one twice, or an older one, changes nothing.
   * FerretDB pushes only the `code` equality of the filter into SQL (an index lookup, one row);
   * the `$lt` is checked on that row.
   */
  async project(c: ProcedureChangeRecord): Promise<void> {
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
      await this.models.Procedure.updateOne({ code: c.code, revision: { $lt: c.revision } }, { $set: set }, { upsert: true }).exec();
    } catch (err) {
      // The upsert found a newer revision already in place and tried to insert a second copy.
      if (!isDuplicateKey(err)) throw err;
    }
  }
}
