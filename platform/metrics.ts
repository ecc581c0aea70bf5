import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import client from 'prom-client';
import { reusedFor } from './concurrency';

/**
 * Prometheus metrics (issue 16), on prom-client's global registry so that node:cluster workers
 * can be summed by its AggregatorRegistry (gateway/workers.ts). Every process serves them at
 * `/metrics` (platform/http.ts); names and labels follow Prometheus conventions (`vss_` prefix, base
 * units, `_total` counters) and every label has a bounded set of values: no dossier codes, ids or
 * client-chosen text become labels (see `boundedName`).
 */
export const registry = client.register;

let defaultsOn = false;
/** Process metrics (CPU, memory, handles, GC) and event-loop lag, once per process. */
export function collectProcessMetrics(service: string): void {
  if (defaultsOn) return;
  defaultsOn = true;
  registry.setDefaultLabels({ service });
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
}

/** The metric of this name, created on first use: modules that share one (tests run several subgraphs in-process) get the same. */
function once<T extends client.Metric>(name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}
export const counter = <L extends string>(cfg: client.CounterConfiguration<L>) => once(cfg.name, () => new client.Counter<L>(cfg));
export const gauge = <L extends string>(cfg: client.GaugeConfiguration<L>) => once(cfg.name, () => new client.Gauge<L>(cfg));
export const histogram = <L extends string>(cfg: client.HistogramConfiguration<L>) => once(cfg.name, () => new client.Histogram<L>(cfg));

/**
 * One `read` per scrape, shared by the gauges it sets: prom-client collects the metrics of a
 * scrape side by side, so gauges filled by one read must each await the same one. A failed read
 * (its database down) leaves the last values, so the rest of /metrics is still served.
 */
export const perScrape = (read: () => Promise<unknown>): (() => Promise<void>) =>
  reusedFor(1_000, () => read().then(() => undefined, () => undefined));

/** Seconds, for request-sized work: 1 ms to 30 s (the longest deadline). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds, for single database or Redis commands. */
const COMMAND_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_NAMES = 200;
const seenNames = new Set<string>();
/**
 * A client-chosen name (a GraphQL operation name) as a label: well-formed names, up to the first
 * MAX_NAMES seen by this process; anything after is `other`, so a caller inventing names cannot
 * grow the series without bound.
 */
export function boundedName(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (seenNames.has(name)) return name;
  if (!NAME.test(name) || seenNames.size >= MAX_NAMES) return 'other';
  seenNames.add(name);
  return name;
}

/** Outcome codes are our own `extensions.code` values (a fixed set); anything else is `OTHER`. */
const CODE = /^[A-Z][A-Z_]{1,40}$/;
export const boundedCode = (code: unknown): string => (typeof code === 'string' && CODE.test(code) ? code : 'OTHER');

const httpDuration = () =>
  histogram({ name: 'vss_http_request_duration_seconds', help: 'HTTP requests by route, method and status', labelNames: ['route', 'method', 'status'], buckets: LATENCY_BUCKETS });

/** Records one HTTP request; `route` is one of the service's own (bounded) route names. */
export function observeHttp(route: string, method: string | undefined, status: number, seconds: number): void {
  httpDuration().observe({ route, method: method === 'GET' || method === 'POST' || method === 'PUT' ? method : 'OTHER', status: String(status) }, seconds);
}

/**
 * GraphQL operations by name, client type and outcome (`OK` or the first error's code), and
 * errors by code: an Apollo plugin for the gateway and every subgraph.
 */
export function graphqlMetricsPlugin<C extends BaseContext>(clientOf: (context: C) => string | undefined): ApolloServerPlugin<C> {
  const duration = histogram({
    name: 'vss_graphql_request_duration_seconds', help: 'GraphQL operations by operation name, client type and outcome code',
    labelNames: ['operation', 'client', 'outcome'], buckets: LATENCY_BUCKETS,
  });
  const errors = counter({ name: 'vss_graphql_errors_total', help: 'GraphQL errors by extensions.code', labelNames: ['code'] });
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, contextValue, errors: raised }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (body?.errors ?? raised ?? []).map((e) => boundedCode(e.extensions?.code));
          for (const code of codes) errors.inc({ code });
          duration.observe(
            { operation: boundedName(operationName), client: clientOf(contextValue) ?? 'unknown', outcome: codes[0] ?? 'OK' },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}

const dbDuration = () =>
  histogram({ name: 'vss_db_command_duration_seconds', help: 'Database commands by command name and outcome', labelNames: ['command', 'outcome'], buckets: COMMAND_BUCKETS });
const DB_COMMANDS = new Set(['find', 'insert', 'update', 'delete', 'aggregate', 'count', 'distinct', 'findAndModify', 'getMore', 'createIndexes', 'ping', 'listIndexes', 'explain']);
/** One database command, from the driver's command monitoring (platform/mongo.ts). */
export function observeDbCommand(command: string, ok: boolean, seconds: number): void {
  dbDuration().observe({ command: DB_COMMANDS.has(command) ? command : 'other', outcome: ok ? 'ok' : 'error' }, seconds);
}

const redisDuration = () =>
  histogram({ name: 'vss_redis_command_duration_seconds', help: 'Redis commands by command name and outcome', labelNames: ['command', 'outcome'], buckets: COMMAND_BUCKETS });
const REDIS_COMMAND = /^[a-z]{2,20}$/;
/** One Redis command (platform/redis.ts). Command names are Redis's own, a fixed set. */
export function observeRedisCommand(command: string, ok: boolean, seconds: number): void {
  redisDuration().observe({ command: REDIS_COMMAND.test(command) ? command : 'other', outcome: ok ? 'ok' : 'error' }, seconds);
}

/** Who may read /metrics on a service's main port without credentials: callers on this machine. */
export function isLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
