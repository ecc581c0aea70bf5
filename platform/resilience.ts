import {
  BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, ExponentialBackoff, fullJitterGenerator, handleAll, handleWhen, noJitterGenerator,
  retry, timeout, TimeoutStrategy, wrap, type IPolicy,
} from 'cockatiel';
import { deadlineSignal, remainingMs } from './deadline';
import { gauge } from './metrics';

/**
 * How calls to other systems survive their failures (issue 17): timeouts, retries with exponential
 * backoff and full jitter, and circuit breakers, all from cockatiel and composed here with `wrap`,
 * so adapters and background pushes share one policy and never import cockatiel themselves.
 */

/** Waits that grow: the n-th (from 1) is a random time up to baseMs·2^(n−1), at most maxMs. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * The wait before attempt `attempt + 1`, for schedules kept as data (an outbox item's attempt
 * count in the database): cockatiel's full-jitter formula, the one the in-process retries use.
 */
export function backoffMs(attempt: number, p: BackoffPolicy, random = Math.random): number {
  const [cap] = noJitterGenerator(Math.max(0, attempt - 1), { initialDelay: p.baseMs, maxDelay: p.maxMs, exponent: 2, generator: noJitterGenerator });
  return Math.round(random() * cap);
}

const jittered = (p: BackoffPolicy) => new ExponentialBackoff({ initialDelay: p.baseMs, maxDelay: p.maxMs, generator: fullJitterGenerator });

/** An attempt that ran past its timeout, or past the deadline of the request it serves. */
export class CallTimedOut extends Error {
  constructor(readonly ms: number, options?: { cause?: unknown }) {
    super(`no answer within ${ms} ms`, options);
    this.name = 'CallTimedOut';
  }
}

/** Refused without calling: the circuit is open after repeated failures. */
export class CircuitOpen extends Error {
  constructor(readonly system: string) {
    super(`${system} is failing; not calling it for a while (circuit open)`);
    this.name = 'CircuitOpen';
  }
}

export interface CallPolicy {
  /** The system called: the circuit metric's `adapter` label. */
  name: string;
  /** Bound on each attempt; the current request's deadline (platform/deadline.ts) cuts it shorter. */
  timeoutMs: number;
  /** Further attempts after a failed one, with backoffMs() waits; `when` says which failures are worth one (timeouts always are). */
  retry?: { retries: number; backoff: BackoffPolicy; when?(err: unknown): boolean };
  /** Opens after `failures` failed calls in a row (timeouts, and what `when` accepts); one trial call after `halfOpenAfterMs`. */
  breaker?: { failures: number; halfOpenAfterMs: number; when?(err: unknown): boolean };
}

/** Runs calls to one system under its policy. */
export interface Resilient {
  /**
   * `call` must stop when `signal` aborts (fetch and soap do): it is the attempt's timeout and
   * the request's deadline. Throws what the last attempt threw, CallTimedOut, or CircuitOpen.
   */
  run<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

const STATE_VALUE: Record<CircuitState, number> = {
  [CircuitState.Closed]: 0, [CircuitState.HalfOpen]: 1, [CircuitState.Open]: 2, [CircuitState.Isolated]: 2,
};
const circuitState = () =>
  gauge({ name: 'vss_adapter_circuit_state', help: 'Circuit breaker of an adapter: 0 closed (calling), 1 half-open (one trial call), 2 open (not calling)', labelNames: ['adapter'] });

const counts = (when?: (err: unknown) => boolean) => (err: unknown) => err instanceof CallTimedOut || (!(err instanceof BrokenCircuitError) && (when?.(err) ?? true));

export function resilient(p: CallPolicy): Resilient {
  const layers: IPolicy[] = [];
  if (p.retry) layers.push(retry(handleWhen(counts(p.retry.when)), { maxAttempts: p.retry.retries, backoff: jittered(p.retry.backoff) }));
  if (p.breaker) {
    const breaker = circuitBreaker(handleWhen(counts(p.breaker.when)), { halfOpenAfter: p.breaker.halfOpenAfterMs, breaker: new ConsecutiveBreaker(p.breaker.failures) });
    const metric = circuitState();
    metric.set({ adapter: p.name }, STATE_VALUE[CircuitState.Closed]);
    breaker.onStateChange((state) => metric.set({ adapter: p.name }, STATE_VALUE[state]));
    layers.push(breaker);
  }
  // Cooperative: the call itself stops on the signal, so its own error (or CallTimedOut) comes out.
  layers.push(timeout(p.timeoutMs, TimeoutStrategy.Cooperative));
  const policy = wrap(...layers);

  return {
    async run(call) {
      try {
        return await policy.execute(async ({ signal }) => {
          const limitMs = Math.min(p.timeoutMs, remainingMs() ?? p.timeoutMs);
          try {
            return await call(signal);
          } catch (err) {
            throw signal.aborted ? new CallTimedOut(limitMs, { cause: err }) : err;
          }
        }, deadlineSignal());
      } catch (err) {
        throw err instanceof BrokenCircuitError ? new CircuitOpen(p.name) : err;
      }
    },
  };
}

/**
 * Runs `work` until it succeeds, waiting with backoff after each failure (`onRetry` hears of each),
 * or until `stop` aborts, when the failure is thrown. A later call starts its backoff afresh.
 */
export function untilSuccess(backoff: BackoffPolicy, onRetry: (err: unknown, delayMs: number) => void) {
  const policy = retry(handleAll, { maxAttempts: Infinity, backoff: jittered(backoff) });
  policy.onRetry((r) => onRetry('error' in r ? r.error : r.value, r.delay));
  return <T>(work: () => Promise<T>, stop: AbortSignal): Promise<T> => policy.execute(work, stop);
}
