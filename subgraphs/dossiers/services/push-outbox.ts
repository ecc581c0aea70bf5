import { RETRY_BLOCK } from '../models/portal-sync';

/**
 * What the dossier status pushes share (to the national portal, services/portal-sync.ts, and to
 * I-VAN partners, services/ivan-delivery.ts): outbox items read by block equality buckets, one
 * head per dossier sent at a time, and retry waits with full jitter. The attempt counts are data
 * (in each item, or a partner's outages); the wait after each comes from platform/resilience.ts,
 * so retries of many items spread out the same way an adapter's do.
 */
export { backoffMs, type BackoffPolicy as RetryPolicy } from '../../../platform/resilience';

/** Log entries taken into a push per round, head items sent per round, and sends in flight at once. */
export const PUSH_BATCH = { enqueue: 500, send: 200, concurrency: 8 } as const;

/** The fields of an outbox item that reading and ordering need. */
export interface PushItem {
  _id: string;
  globalSeq: number;
  block: number;
  dossierCode: string;
  seq: number;
  nextAttemptAt: Date;
}

/**
 * The items that may be the head of their dossier (its oldest unsent change): the retry bucket,
 * then the blocks from `lowBlock` up, until `wanted` items are read or block `newest` is. A
 * dossier's earlier items are in the retry bucket or in an earlier block, so every head is among
 * what was read. Each read is an indexed equality (`inBlock`), and the low block moves past blocks
 * that emptied, so a round costs the backlog it reads, never the history; the caller stores the
 * low block answered when it moved.
 */
export async function readBuckets<T extends PushItem>(inBlock: (block: number) => Promise<T[]>, lowBlock: number, newest: number, wanted: number): Promise<{ items: T[]; lowBlock: number }> {
  const items = await inBlock(RETRY_BLOCK);
  let low = lowBlock;
  let read = 0;
  for (let block = low; block <= newest && read < wanted; block++) {
    const found = await inBlock(block);
    // Every number of a block below the newest is enqueued: once empty, such a block stays empty.
    if (found.length === 0 && block === low && block < newest) low++;
    items.push(...found);
    read += found.length;
  }
  return { items, lowBlock: low };
}

/**
 * The head of each dossier among `pending` that is due, oldest change first, at most `limit`.
 * Later changes of a dossier whose head was refused wait with it in the retry bucket (`park`),
 * so they keep no block open.
 */
export async function dueHeads<T extends PushItem>(pending: T[], now: Date, limit: number, park: (item: T) => Promise<unknown>): Promise<T[]> {
  const headSeq = new Map<string, number>();
  for (const p of pending) headSeq.set(p.dossierCode, Math.min(headSeq.get(p.dossierCode) ?? Infinity, p.seq));
  const retrying = new Set(pending.filter((i) => i.block === RETRY_BLOCK).map((i) => i.dossierCode));
  for (const i of pending) if (i.block !== RETRY_BLOCK && retrying.has(i.dossierCode)) await park(i);
  return pending
    .filter((i) => headSeq.get(i.dossierCode) === i.seq && i.nextAttemptAt <= now)
    .sort((a, b) => a.globalSeq - b.globalSeq)
    .slice(0, limit);
}
