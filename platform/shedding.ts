import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/**
 * Load shedding for one process (issue 13): a request is turned away with 503 and Retry-After,
 * before any work, when the process already has `maxInFlight` requests, when its event loop lagged
 * more than `maxEventLoopDelayMs` on average over the last half second, or when its heap is past
 * `maxHeapBytes`. Health checks never come here. Ours, not a library's: the kept one
 * (`@fastify/under-pressure`) is a Fastify plugin, and this project's HTTP front is plain Node.
 */
export interface SheddingLimits {
  maxInFlight: number;
  maxEventLoopDelayMs: number;
  maxHeapBytes: number;
}

/** Used unless SHED_MAX_IN_FLIGHT, SHED_MAX_LAG_MS or SHED_MAX_HEAP_MB say otherwise (platform/config.ts). */
export const DEFAULT_SHEDDING: SheddingLimits = {
  maxInFlight: 512,
  maxEventLoopDelayMs: 1000,
  // Three quarters of what V8 may grow to: room for the requests already running to finish.
  maxHeapBytes: Math.floor(getHeapStatistics().heap_size_limit * 0.75),
};

const SAMPLE_MS = 500;

export interface Shedder {
  /** Null when a request may start (call `leave` when it ends), else why it may not. */
  enter(): string | null;
  leave(): void;
  readonly inFlight: number;
  stop(): void;
}

export function createShedder(limits: SheddingLimits = DEFAULT_SHEDDING): Shedder {
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();
  let inFlight = 0;
  let pressure: string | null = null;
  const sample = setInterval(() => {
    const lagMs = delay.mean / 1e6;
    delay.reset();
    const heap = process.memoryUsage().heapUsed;
    pressure =
      lagMs > limits.maxEventLoopDelayMs ? `event loop lagging ${Math.round(lagMs)} ms`
      : heap > limits.maxHeapBytes ? `heap at ${Math.round(heap / 2 ** 20)} MiB`
      : null;
  }, SAMPLE_MS);
  sample.unref();

  return {
    enter() {
      if (pressure) return pressure;
      if (inFlight >= limits.maxInFlight) return `${inFlight} requests already in progress`;
      inFlight++;
      return null;
    },
    leave() {
      inFlight--;
    },
    get inFlight() {
      return inFlight;
    },
    stop() {
      clearInterval(sample);
      delay.disable();
    },
  };
}

/**
 * Whether this process's event loop was busy more than `threshold` of the last quarter second
 * (Node's event-loop utilisation): the gateway takes turns per client only then (fair-queue.ts).
 */
export function eventLoopBusy(threshold = 0.7): { busy(): boolean; stop(): void } {
  let last = performance.eventLoopUtilization();
  let busy = false;
  const sample = setInterval(() => {
    const now = performance.eventLoopUtilization();
    busy = performance.eventLoopUtilization(now, last).utilization > threshold;
    last = now;
  }, 250);
  sample.unref();
  return { busy: () => busy, stop: () => clearInterval(sample) };
}
