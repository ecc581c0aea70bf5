import { withDeadline } from '../../platform/deadline';
import { registry } from '../../platform/metrics';
import { backoffMs, CallTimedOut, CircuitOpen, resilient, untilSuccess } from '../../platform/resilience';

/**
 * The one resilience policy (issue 17, platform/resilience.ts): cockatiel's retries, timeouts and
 * breaker as our adapters and workers use them, on real timers with small delays.
 */
const failing = (counter: { calls: number }, err: () => Error = () => new Error('down')) => async () => {
  counter.calls++;
  throw err();
};
/** Settles after `ms`, or rejects as soon as `signal` aborts, as fetch does. */
const slow = (ms: number) => (signal: AbortSignal) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => resolve('late'), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });
const circuitValue = async (adapter: string) =>
  (await registry.getSingleMetric('vss_adapter_circuit_state')!.get()).values.find((v) => v.labels.adapter === adapter)?.value;

describe('backoff (full jitter)', () => {
  test('the n-th wait is up to base·2^(n−1), capped, scaled by the random draw', () => {
    const p = { baseMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, p, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffMs(3, p, () => 0.25)).toBe(100);
    expect(backoffMs(0, p, () => 1)).toBe(100); // no attempt yet: the first wait
  });
});

describe('retries', () => {
  test('a call that keeps failing is tried 1 + retries times, then its last error is thrown', async () => {
    const counter = { calls: 0 };
    const calls = resilient({ name: 'test-retry', timeoutMs: 1000, retry: { retries: 3, backoff: { baseMs: 5, maxMs: 20 } } });
    await expect(calls.run(failing(counter, () => new Error(`failure ${counter.calls}`)))).rejects.toThrow('failure 4');
    expect(counter.calls).toBe(4);
  });

  test('a failure the policy says is not worth a retry (a refusal) is thrown at once', async () => {
    const counter = { calls: 0 };
    const calls = resilient({ name: 'test-refusal', timeoutMs: 1000, retry: { retries: 3, backoff: { baseMs: 5, maxMs: 20 }, when: (e) => !String(e).includes('refused') } });
    await expect(calls.run(failing(counter, () => new Error('refused')))).rejects.toThrow('refused');
    expect(counter.calls).toBe(1);
  });

  test('a failure then a success answers the success after one wait', async () => {
    let calls = 0;
    const policy = resilient({ name: 'test-recover', timeoutMs: 1000, retry: { retries: 2, backoff: { baseMs: 5, maxMs: 5 } } });
    await expect(policy.run(async () => (++calls === 1 ? Promise.reject(new Error('blip')) : 'ok'))).resolves.toBe('ok');
    expect(calls).toBe(2);
  });
});

describe('timeouts', () => {
  test('an attempt past its timeout is aborted and reported as CallTimedOut naming the timeout, in about that time', async () => {
    const started = Date.now();
    const err = await resilient({ name: 'test-timeout', timeoutMs: 50 }).run(slow(2000)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallTimedOut);
    expect(err).toMatchObject({ ms: 50, message: 'no answer within 50 ms' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('within a request the deadline cuts the timeout short, and no retry starts after it', async () => {
    let attempts = 0;
    const calls = resilient({ name: 'test-deadline', timeoutMs: 5000, retry: { retries: 3, backoff: { baseMs: 1, maxMs: 1 } } });
    const started = Date.now();
    const err = await withDeadline(80, new AbortController().signal, () => calls.run((signal) => (attempts++, slow(5000)(signal)))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallTimedOut);
    expect((err as CallTimedOut).ms).toBeLessThanOrEqual(80);
    expect(attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('circuit breaker', () => {
  test('opens after N failures in a row and refuses without calling; after the pause one trial call closes it again', async () => {
    const counter = { calls: 0 };
    const calls = resilient({ name: 'test-breaker', timeoutMs: 1000, breaker: { failures: 3, halfOpenAfterMs: 100 } });
    expect(await circuitValue('test-breaker')).toBe(0);
    for (let i = 0; i < 3; i++) await expect(calls.run(failing(counter))).rejects.toThrow('down');
    expect(await circuitValue('test-breaker')).toBe(2);
    const refused = await calls.run(failing(counter)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CircuitOpen);
    expect(refused).toMatchObject({ system: 'test-breaker', message: 'test-breaker is failing; not calling it for a while (circuit open)' });
    expect(counter.calls).toBe(3);
    await new Promise((r) => setTimeout(r, 120));
    await expect(calls.run(async () => 'back')).resolves.toBe('back');
    expect(await circuitValue('test-breaker')).toBe(0);
  });

  test('a failed trial call (half-open) opens the circuit again at once', async () => {
    const counter = { calls: 0 };
    const calls = resilient({ name: 'test-reopen', timeoutMs: 1000, breaker: { failures: 2, halfOpenAfterMs: 50 } });
    for (let i = 0; i < 2; i++) await expect(calls.run(failing(counter))).rejects.toThrow('down');
    await new Promise((r) => setTimeout(r, 70));
    await expect(calls.run(failing(counter))).rejects.toThrow('down'); // the trial
    await expect(calls.run(failing(counter))).rejects.toBeInstanceOf(CircuitOpen);
    expect(counter.calls).toBe(3);
  });

  test('inside retries, an open circuit ends the retries instead of spending them', async () => {
    const counter = { calls: 0 };
    const calls = resilient({ name: 'test-retry-breaker', timeoutMs: 1000, retry: { retries: 5, backoff: { baseMs: 1, maxMs: 1 } }, breaker: { failures: 2, halfOpenAfterMs: 10_000 } });
    await expect(calls.run(failing(counter))).rejects.toBeInstanceOf(CircuitOpen);
    expect(counter.calls).toBe(2);
  });
});

describe('untilSuccess (a worker\'s rounds)', () => {
  test('runs the work again after each failure, with a wait reported for each, until it succeeds', async () => {
    const waits: number[] = [];
    const again = untilSuccess({ baseMs: 5, maxMs: 20 }, (_err, delayMs) => waits.push(delayMs));
    let calls = 0;
    await expect(again(async () => (++calls < 3 ? Promise.reject(new Error('redis down')) : calls), new AbortController().signal)).resolves.toBe(3);
    expect(waits).toHaveLength(2);
    for (const w of waits) expect(w).toBeLessThanOrEqual(20);
  });

  test('once stopped, the next failure is thrown instead of retried', async () => {
    const stop = new AbortController();
    const again = untilSuccess({ baseMs: 5, maxMs: 5 }, () => stop.abort());
    let calls = 0;
    await expect(again(async () => Promise.reject(new Error(`failure ${++calls}`)), stop.signal)).rejects.toThrow('failure 2');
  });
});
