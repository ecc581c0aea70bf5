/**
 * A closed-loop load: `concurrency` workers each send one request after another until the time
 * is up (or `max` requests were sent), and every latency is kept. Benchmarks need p50 and p95
 * of requests whose bodies and checks differ one by one; autocannon gives neither p95 nor a
 * per-request check, so this is ours (30 lines).
 */
export interface LoadResult {
  count: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  /** Milliseconds, sorted. */
  latencies: number[];
}

export async function runLoad(opts: { concurrency: number; seconds: number; max?: number }, request: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (performance.now() < deadline && sent < (opts.max ?? Infinity)) {
      const i = sent++;
      const t = performance.now();
      try {
        await request(i);
        latencies.push(performance.now() - t);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
    }
  }));
  return { count: latencies.length, errors, firstError, seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

export const percentile = (sorted: ArrayLike<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The middle value (the mean of the two middle ones for an even count): benchmarks report the median round. */
export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
