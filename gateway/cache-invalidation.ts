import type { Redis } from 'ioredis';
import { STREAMS } from '../platform/events';
import type { Logger } from '../platform/logger';
import type { AnswerSharing } from './answer-sharing';
import { workerStarted } from '../platform/background';

/** Which subgraph's cached answers each stream's events make stale. */
const STALE_ON: Record<string, string> = { [STREAMS.procedureChanges]: 'procedures' };
/** A blocking read returns at least this often, so stop() is prompt. */
const BLOCK_MS = 1_000;

/**
 * Drops cached public answers when their data changes: every gateway worker reads the procedure
 * change stream (publications, withdrawals, national imports) from its end and invalidates the
 * procedures subgraph's answers on each event, typically within milliseconds of the relay
 * publishing it. Not a consumer group: every worker needs every event, and nothing is replayed.
 * A lost connection may have missed events, so it invalidates again once reconnected.
 */
export function followInvalidations(redis: Redis, sharing: AnswerSharing, logger: Logger): { stop(): Promise<void> } {
  const reader = redis.duplicate();
  const streams = Object.keys(STALE_ON);
  const positions = new Map(streams.map((s) => [s, '$']));
  let stopped = false;
  const invalidateAll = () => new Set(Object.values(STALE_ON)).forEach((subgraph) => sharing.invalidate(subgraph));
  const status = workerStarted('cache invalidation');

  // Ends on its own once stopped: its read returns within BLOCK_MS or fails on the disconnect.
  void (async () => {
    while (!stopped) {
      try {
        const answer = await reader.xread('COUNT', 100, 'BLOCK', BLOCK_MS, 'STREAMS', ...streams, ...streams.map((s) => positions.get(s)!));
        for (const [stream, entries] of answer ?? []) {
          const last = entries.at(-1);
          if (!last) continue;
          positions.set(stream, last[0]);
          sharing.invalidate(STALE_ON[stream]!);
        }
      } catch (err) {
        if (stopped) break;
        status.failed();
        logger.warn('cache invalidation: stream read failed; cached public answers dropped', { err });
        invalidateAll();
        await new Promise((r) => setTimeout(r, BLOCK_MS));
      }
    }
  })().finally(() => status.stopped());

  return {
    async stop() {
      stopped = true;
      // Not awaited: a blocked XREAD is not always failed by disconnect(), and stop must not hang.
      reader.disconnect();
    },
  };
}
