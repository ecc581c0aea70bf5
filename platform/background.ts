import { counter, gauge } from './metrics';

/**
 * What the process's background workers (outbox relays, event consumers, schedulers) are doing,
 * for readiness and metrics (issue 16). A worker is `running` from its start until its loop ends,
 * whether by `stop()` or by an error nobody caught; a process with a worker that is not running
 * is not ready, and `vss_background_worker_up` says which. A failed round (a partner or the
 * database down) does not stop a worker: it is counted in `vss_background_failures_total` and
 * the worker tries again, as before.
 */
const states = new Map<string, 'running' | 'stopped'>();

const up = () =>
  gauge({
    name: 'vss_background_worker_up', help: '1 while a background worker (relay, consumer, scheduler) runs, 0 once it has stopped', labelNames: ['worker'],
    collect() {
      for (const [worker, state] of states) this.set({ worker }, state === 'running' ? 1 : 0);
    },
  });
const failures = () => counter({ name: 'vss_background_failures_total', help: 'Failed rounds of background workers (retried)', labelNames: ['worker'] });

export interface WorkerHandle {
  failed(): void;
  stopped(): void;
}

/** Registers a worker as running; names are fixed per kind of worker (bounded labels). */
export function workerStarted(worker: string): WorkerHandle {
  states.set(worker, 'running');
  up();
  failures().inc({ worker }, 0);
  return {
    failed: () => failures().inc({ worker }),
    stopped: () => void states.set(worker, 'stopped'),
  };
}

/** Each registered worker's state, for /readyz. */
export function workerStates(): Record<string, string> {
  return Object.fromEntries([...states].map(([worker, state]) => [`worker:${worker}`, state === 'running' ? 'ok' : state]));
}
