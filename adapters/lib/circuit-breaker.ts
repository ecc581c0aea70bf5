import { appError, ErrorCode } from '../../subgraphs/kit/errors';

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
    private readonly name: string,
    private readonly failureThreshold = 5,
    private readonly resetMs = 10_000,
  ) {}

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
