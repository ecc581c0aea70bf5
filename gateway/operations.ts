import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AggregatorRegistry } from 'prom-client';
import { counter, registry } from '../platform/metrics';
import { pingRedis } from '../platform/redis';
import { reusedFor } from '../platform/concurrency';
import type { AnswerSharing } from './answer-sharing';

/**
 * What the gateway shows operators (issue 16): readiness with the subgraphs' answers cached, its
 * in-flight sharing and cache counters as metrics, and one /metrics for all node:cluster workers.
 */

/** Subgraph readiness is asked at most this often, however often /readyz is called. */
const PROBE_TTL_MS = 3_000;

/**
 * Ready when the gateway's Redis answers and every subgraph says it is ready; the subgraphs'
 * /readyz answers are kept PROBE_TTL_MS, so a load balancer probing every second does not probe
 * five subgraphs each time.
 */
export function gatewayReadiness(urls: Map<string, string>, redis: Redis, workers: () => Record<string, string>) {
  const probeSubgraphs = reusedFor(PROBE_TTL_MS, async () =>
    Object.fromEntries(
      await Promise.all(
        [...urls].map(async ([name, url]) => {
          try {
            const res = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(2000) });
            return [name, res.ok ? 'ok' : `not ready (HTTP ${res.status})`] as const;
          } catch (err) {
            return [name, `unreachable: ${(err as Error).message}`] as const;
          }
        }),
      ),
    ),
  );
  return async (): Promise<Record<string, string>> => ({ redis: await pingRedis(redis), ...workers(), ...(await probeSubgraphs()) });
}

/** The sharing counters (answer-sharing.ts) as Prometheus counters, read when scraped. */
export function exportSharingCounters(sharing: AnswerSharing): void {
  const reported = { deduplicated: 0, cacheHits: 0, cacheMisses: 0, invalidations: 0 };
  const results = { deduplicated: 'shared', cacheHits: 'cache_hit', cacheMisses: 'cache_miss', invalidations: 'invalidation' } as const;
  counter({
    name: 'vss_gateway_answers_total', help: 'Subgraph answers shared with a fetch in flight, served from or missed in the public-answer cache, and cache invalidations',
    labelNames: ['result'],
    collect() {
      for (const key of Object.keys(results) as (keyof typeof results)[]) {
        this.inc({ result: results[key] }, sharing.counters[key] - reported[key]);
        reported[key] = sharing.counters[key];
      }
    },
  });
}

const ASK = 'vss:metrics';
const ANSWER = 'vss:metrics:answer';
interface MetricsMessage {
  type: string;
  id: string;
  text?: string;
  error?: string;
}

/**
 * The primary's side: answers a worker's request for the metrics of every worker, summed by
 * prom-client's AggregatorRegistry (which asks each worker for its own over IPC).
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: MetricsMessage) => {
    if (message?.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text }),
      (err: Error) => worker.send({ type: ANSWER, id: message.id, error: err.message }),
    );
  });
}

/**
 * A worker's /metrics: every worker's series, summed, as the primary gathers them (a scrape lands
 * on whichever worker the connection went to). A lone process answers its own registry.
 */
export function clusterMetrics(): () => Promise<string> {
  if (!cluster.isWorker) return () => registry.metrics();
  // Constructing it makes this worker answer the primary's requests for its own series.
  new AggregatorRegistry();
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => done({ type: ANSWER, id, error: 'the gateway primary did not answer within 5 s' }), 5_000);
      const done = (message: MetricsMessage) => {
        if (message?.type !== ANSWER || message.id !== id) return;
        clearTimeout(timer);
        process.off('message', done);
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.text ?? '');
      };
      process.on('message', done);
      process.send!({ type: ASK, id });
    });
}
