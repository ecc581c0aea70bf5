import { badInput } from '../../../platform/errors';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../../../platform/pagination';
import { readAfter } from '../../../platform/sequence';
import type { ProcedureChangeModel, ProcedureChangeRecord } from '../models/procedure-change';

/** The cursor of an entry: its number twice, as the keyset pages of earlier versions wrote it, so the portal's saved cursors still work. */
const cursorOf = (c: ProcedureChangeRecord) => encodeCursor([c._id, c._id]);

function numberIn(cursor: string): number {
  const [n, again] = decodeCursor(cursor);
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || again !== n) {
    throw badInput('`after` is not a cursor returned by this list; pass pageInfo.endCursor from the previous page', { argument: 'after' });
  }
  return n;
}

/**
 * One page of the change feed the national portal pulls (R-PRO-3): the entries after the cursor,
 * in order. Read block by block with `readAfter` (one equality on the indexed `block` per 256
 * entries): `_id > n` with a sort would read the whole log on FerretDB, which pushes neither a
 * range nor a sort into SQL. One entry more than asked says whether a next page exists.
 */
export async function changesAfter(ProcedureChange: ProcedureChangeModel, args: PageArgs): Promise<Page<ProcedureChangeRecord>> {
  const limit = pageSize(args.first);
  const entries = await readAfter(ProcedureChange, args.after ? numberIn(args.after) : 0, limit + 1);
  const edges = entries.slice(0, limit).map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: entries.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
