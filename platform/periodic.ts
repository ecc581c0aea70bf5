import type { Lease } from './lease';
import type { Logger } from './logger';
import { workerStarted } from './background';

/**
 * Runs `round` every `intervalMs` until stopped, for background work (outbox relays, syncs,
 * imports). A round that reports more work pending is followed at once, so a backlog drains
 * without waiting; a failed round (database, Redis or a partner down) is logged and tried again
 * next time. Stopping waits for the round in progress. With a `lease` (platform/lease.ts), one process
 * of several does the work.
 */
export function startPeriodic(name: string, logger: Logger, intervalMs: number, round: () => Promise<boolean>, lease?: Lease): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const status = workerStarted(name);
  const run = async (): Promise<void> => {
    try {
      // With a lease, only its holder works; the other processes stand by and take over when it lapses.
      while ((!lease || (await lease.held())) && (await round()) && !stopped);
    } catch (err) {
      status.failed();
      logger.warn(`${name} failed; retrying`, { err });
    }
    if (!stopped) timer = setTimeout(() => void (current = run()), intervalMs);
  };
  let current = run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
    status.stopped();
    await lease?.release();
  };
}
