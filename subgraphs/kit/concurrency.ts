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
