import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../platform/logger';
import { serveClusterMetrics } from './operations';

/**
 * The gateway on every core (issue 15): the primary process forks `count` workers that share the
 * listening port (node:cluster hands connections out round-robin) and share nothing else but
 * Redis — fair shares, nonces and the cache invalidations all go through it. The primary serves
 * nothing itself; it restarts a worker that dies, and stops them all on SIGTERM/SIGINT. A worker
 * that dies before it listens stops the whole gateway with its exit code.
 */
export function runWorkers(count: number, logger: Logger): void {
  let stopping = false;
  /** Each running worker, and whether it got as far as listening. */
  const workers = new Map<Worker, boolean>();
  const fork = () => workers.set(cluster.fork(), false);

  cluster.on('listening', (worker) => workers.set(worker, true));
  cluster.on('exit', (worker, code, signal) => {
    const listened = workers.get(worker);
    workers.delete(worker);
    if (stopping) {
      if (workers.size === 0) process.exit();
      return;
    }
    if (!listened) {
      // It would only die again (a port in use, a bad key): stop with its exit code.
      logger.error('gateway worker died while starting; stopping the gateway', { pid: worker.process.pid, code, signal });
      stopping = true;
      process.exitCode = code || 1;
      for (const w of workers.keys()) w.kill('SIGTERM');
      if (workers.size === 0) process.exit();
      return;
    }
    logger.error('gateway worker died; starting another', { pid: worker.process.pid, code, signal });
    fork();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      if (workers.size === 0) process.exit(0);
      for (const w of workers.keys()) w.kill('SIGTERM');
    });
  }
  // A worker's /metrics asks the primary for every worker's series (operations.ts).
  serveClusterMetrics();
  for (let i = 0; i < count; i++) fork();
  logger.info('gateway workers started', { workers: count });
}
