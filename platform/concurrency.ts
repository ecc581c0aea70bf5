/**
 * Runs `work` over `items` in order, at most `limit` at a time. `work` returning false stops
 * the run: items not yet started are left alone (those in flight finish).
 */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<boolean | void>): Promise<void> {
  let next = 0;
  let stopped = false;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!stopped && next < items.length) {
      if ((await work(items[next++]!)) === false) stopped = true;
    }
  }));
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
