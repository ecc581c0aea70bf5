import pLimit from 'p-limit';

/**
 * Bounded concurrency, on p-limit (3.x: the last line that ships CommonJS, so jest needs no
 * transform exception; 4+ are ES modules only and offer nothing more that is used here).
 */

/**
 * Runs `work` over `items` in order, at most `limit` at a time. `work` returning false stops
 * the run: items not yet started are left alone (those in flight finish).
 */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<boolean | void>): Promise<void> {
  const slot = pLimit(limit);
  let stopped = false;
  await Promise.all(items.map((item) => slot(async () => {
    if (!stopped && (await work(item)) === false) stopped = true;
  })));
}

/**
 * Runs tasks one after another per key, and tasks of different keys side by side. Used only to
 * avoid needless contention inside one process; correctness across processes never rests on it.
 */
export class KeyedQueue {
  private readonly queues = new Map<string, { run: pLimit.Limit; tasks: number }>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = { run: pLimit(1), tasks: 0 }));
    queue.tasks++;
    try {
      return await queue.run(task);
    } finally {
      // A key's queue lives while it has tasks, so keys seen once do not pile up.
      if (--queue.tasks === 0) this.queues.delete(key);
    }
  }
}

/**
 * `work` run at most once every `ms`: callers within that time share the same promise (a
 * readiness probe asked by every load-balancer check, a read shared by a scrape's gauges).
 */
export function reusedFor<T>(ms: number, work: () => Promise<T>): () => Promise<T> {
  let last: { at: number; result: Promise<T> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > ms) last = { at: Date.now(), result: work() };
    return last.result;
  };
}
