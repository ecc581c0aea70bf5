import { appError, ErrorCode } from '../platform/errors';

/**
 * Turns for client keys when the gateway is busy (issue 13: one caller cannot starve the others).
 * While `busy()` (its event loop is mostly occupied), at most `maxActive` requests run at once; the
 * others wait in one line per client key, and the keys take turns, so a partner with one request waiting goes next after at most one request of
 * every other waiting caller, however many the greedy one has queued. Its fair share (fair-share.ts)
 * bounds what a key may queue; a request that waits longer than `maxWaitMs` is shed with 503.
 * While the gateway is not busy nobody waits: requests that mostly wait on subgraphs (intakes) keep
 * their concurrency.
 * Ours: the kept queues (p-queue, bottleneck) order by priority or arrival, not by turns per key.
 */
export interface FairQueue {
  /** Resolves when it is `key`'s turn, with the function to call when the request ends. */
  enter(key: string): Promise<() => void>;
}

export function createFairQueue(maxActive: number, maxWaitMs: number, busy: () => boolean = () => true): FairQueue {
  let active = 0;
  const full = () => busy() && active >= maxActive;
  /** Waiting starts per key; a Map keeps the order in which keys take their turns. */
  const lines = new Map<string, (() => void)[]>();

  const dispatch = () => {
    while (!full() && lines.size) {
      const [key, line] = lines.entries().next().value as [string, (() => void)[]];
      lines.delete(key);
      const start = line.shift()!;
      if (line.length) lines.set(key, line); // to the back, behind every other waiting key
      active++;
      start();
    }
  };
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      dispatch();
    };
  };

  return {
    async enter(key) {
      if (!full() && lines.size === 0) {
        active++;
        return releaser();
      }
      await new Promise<void>((resolve, reject) => {
        const line = lines.get(key) ?? [];
        const start = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          line.splice(line.indexOf(start), 1);
          if (!line.length) lines.delete(key);
          reject(appError(ErrorCode.OVERLOADED, `the gateway is busy; retry in 1 s`, { retryAfterSeconds: 1 }));
        }, maxWaitMs);
        line.push(start);
        if (!lines.has(key)) lines.set(key, line);
      });
      return releaser();
    },
  };
}
