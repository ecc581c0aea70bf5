import { appError, ErrorCode } from '../../platform/errors';
import { gauge } from '../../platform/metrics';

const breakers = new Set<CircuitBreaker>();
const STATE_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;
const circuitState = () =>
  gauge({
    name: 'vss_adapter_circuit_state', help: 'Circuit breaker of an adapter: 0 closed (calling), 1 half-open (one trial call), 2 open (not calling)', labelNames: ['adapter'],
    collect() {
      for (const b of breakers) this.set({ adapter: b.name }, STATE_VALUE[b.state]);
    },
  });

/**
 * Stops calling a failing system for a while: after `failureThreshold` consecutive failures the
 * circuit opens and calls fail at once with UPSTREAM_UNAVAILABLE; after `resetMs` one trial call
 * is let through (half-open) and its outcome closes or reopens the circuit.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    readonly name: string,
    private readonly failureThreshold = 5,
    private readonly resetMs = 10_000,
  ) {
    breakers.add(this);
    circuitState();
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return Date.now() - this.openedAt >= this.resetMs ? 'half-open' : 'open';
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, `${this.name} is failing; not calling it for a while (circuit open)`, { serviceName: this.name });
    }
    this.trialInFlight = state === 'half-open';
    try {
      const result = await call();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (err) {
      this.failures++;
      if (state === 'half-open' || this.failures >= this.failureThreshold) this.openedAt = Date.now();
      throw err;
    } finally {
      this.trialInFlight = false;
    }
  }
}
