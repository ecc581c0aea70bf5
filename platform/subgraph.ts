import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { loadServiceConfig, loadTogether, PROJECT_ROOT, type SubgraphName } from './config';
import { createLogger, type Logger } from './logger';
import { connectDatabase, pingDatabase } from './mongo';
import { connectRedis, pingRedis } from './redis';
import { closeServer, createAdminApp, createHttpApp, listen } from './http';
import { collectProcessMetrics, graphqlMetricsPlugin } from './metrics';
import { workerStates } from './background';
import { createInternalTokenVerifier, INTERNAL_TOKEN_HEADER, type InternalClaims } from './internal-token';
import { keyErrorToGraphQL, keyStoreOf } from './key-store';
import { ErrorCode, unauthenticated, type ErrorMapper } from './errors';
import type { RequestBase, SubgraphDeps } from './context';
import { runUpgrades, type Upgrade } from './upgrades';
import { DEADLINE_HEADER, deadlineApolloPlugin, deadlineFromHeader } from './deadline';
import { flushTraces } from './tracing';
import { enforcePolicies, guardRoute, type SubgraphRoute } from './authorization';

/** Everything that makes one subgraph: its SDL, resolvers, per-request context and background work. */
export interface SubgraphDefinition<C extends RequestBase> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  /** Codegen's `Resolvers<Context>` for this subgraph. */
  resolvers: object;
  createContext(base: RequestBase, deps: SubgraphDeps): C;
  /** Reads and checks the subgraph's own settings at start, so a bad one stops it there (throws). */
  checkConfig?(env: Record<string, string | undefined>): void;
  /** HTTP routes beside /graphql (downloads, webhooks), each with its policy (platform/authorization.ts). */
  routes?(deps: SubgraphDeps): SubgraphRoute<C>[];
  /** Changes to data stored by older versions, run once per database at start (platform/upgrades.ts). */
  upgrades?: readonly Upgrade[];
  /** Long-running work (event consumers, outbox relays); returns a function per worker that stops it. */
  startWorkers?(deps: SubgraphDeps): (() => Promise<void>)[];
  /** Registers the subgraph's own gauges (backlogs, lag), read from its stores when scraped (platform/metrics.ts). */
  metrics?(deps: SubgraphDeps): void;
  /**
   * Turns an error of a layer below (an adapter's) into the GraphQL error clients get, for
   * GraphQL answers and routes alike; undefined leaves it to the usual handling.
   */
  mapError?: ErrorMapper;
}

export function loadTypeDefs(name: SubgraphName): DocumentNode {
  return parse(readFileSync(path.join(PROJECT_ROOT, 'schema', `${name}.graphql`), 'utf8'));
}

/** Logs unexpected errors in full and hands clients only a stable code and a safe message. */
/** The subgraph's own mapping, after the key store's (a signing that cannot happen: UPSTREAM_UNAVAILABLE). */
const withKeyErrors = (mapError?: ErrorMapper): ErrorMapper => (err) => keyErrorToGraphQL(err) ?? mapError?.(err);

export function formatErrorWith(logger: Logger, mapError?: ErrorMapper) {
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const mapped = mapError?.(unwrapResolverError(error));
    const formatted = mapped ? { ...raw, message: mapped.message, extensions: mapped.extensions } : raw;
    const code = formatted.extensions?.code;
    if (code === ErrorCode.UPSTREAM_UNAVAILABLE) {
      logger.warn('upstream unavailable', { err: unwrapResolverError(error), serviceName: formatted.extensions?.serviceName });
    }
    // Our own codes and Apollo's request errors (parse, validation) are meant for the client.
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    logger.error('unexpected error', { err: unwrapResolverError(error), path: formatted.path });
    return { message: 'internal error; quote the x-request-id response header to support', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

export function buildSubgraphServer<C extends RequestBase>(
  def: SubgraphDefinition<C>,
  deps: Pick<SubgraphDeps, 'logger' | 'config'>,
  extra: Partial<ApolloServerOptions<C>> = {},
): ApolloServer<C> {
  return new ApolloServer<C>({
    // The SDL's @public, @authenticated, @requiresScopes and @policy, checked on every field.
    schema: enforcePolicies(buildSubgraphSchema({ typeDefs: def.typeDefs, resolvers: def.resolvers as GraphQLResolverMap<unknown> })),
    introspection: !deps.config.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorWith(deps.logger, withKeyErrors(def.mapError)),
    // main() below stops the process on SIGTERM/SIGINT, in order. Apollo's own handler would race
    // it: a second stop() while one runs waits on a barrier Apollo Server 5 never resolves.
    stopOnTerminationSignals: false,
    // Federated traces feed Apollo's hosted usage reporting, which this project does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), deadlineApolloPlugin<C>(), graphqlMetricsPlugin<C>((c) => c.principal.client)],
    ...extra,
  } as ApolloServerOptions<C>);
}

async function principalFrom(req: IncomingMessage, verify: (token: string) => Promise<InternalClaims>) {
  const token = req.headers[INTERNAL_TOKEN_HEADER];
  if (typeof token !== 'string' || !token) {
    throw unauthenticated('subgraphs accept requests only through the gateway (missing internal token)');
  }
  try {
    return { ...(await verify(token)), internalToken: token };
  } catch {
    throw unauthenticated('subgraphs accept requests only through the gateway (invalid internal token)');
  }
}

/** Starts one subgraph: config, database, Redis, workers, HTTP. */
export async function runSubgraph<C extends RequestBase>(
  def: SubgraphDefinition<C>,
  env: Record<string, string | undefined> = process.env,
): Promise<{ port: number; stop(): Promise<void> }> {
  const config = loadTogether(() => loadServiceConfig(def.name, env), () => def.checkConfig?.(env));
  collectProcessMetrics(def.name);
  const logger = createLogger(def.name, { level: config.logLevel });
  const verifyToken = createInternalTokenVerifier(keyStoreOf(config.keys));
  const db = await connectDatabase(config.mongoUri, config.databaseName);
  await Promise.all(Object.values(db.models).map((m) => m.init()));
  await runUpgrades(db, def.upgrades ?? [], logger);
  const redis = await connectRedis(config.redisUrl);
  const deps: SubgraphDeps = { db, redis, logger, config };

  const apollo = buildSubgraphServer(def, deps);
  await apollo.start();
  const stopWorkers = def.startWorkers?.(deps) ?? [];
  def.metrics?.(deps);
  const probes = {
    service: def.name,
    ready: async () => ({ mongo: await pingDatabase(db), redis: await pingRedis(redis), ...workerStates() }),
  };

  const server = createHttpApp<C>({
    apollo,
    logger,
    ...probes,
    metricsOnLoopback: config.metricsPort === null,
    routes: def.routes?.(deps).map(guardRoute),
    mapError: withKeyErrors(def.mapError),
    shedding: config.shedding,
    admit: async (req) => ({ deadlineMs: deadlineFromHeader(req.headers[DEADLINE_HEADER]) }),
    context: async (req, requestId) => {
      const { principal, clientKey, internalToken } = await principalFrom(req, verifyToken);
      return def.createContext({ principal, clientKey, internalToken, requestId, logger }, deps);
    },
  });
  const port = await listen(server, config.port, config.host);
  const admin = config.metricsPort === null ? undefined : createAdminApp(probes);
  const metricsPort = admin && (await listen(admin, config.metricsPort!, config.host));
  logger.info('listening', { url: `http://${config.host}:${port}/graphql`, database: config.databaseName, metricsPort });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('stopping');
      await closeServer(server);
      if (admin) await closeServer(admin);
      await Promise.all(stopWorkers.map((stopWorker) => stopWorker()));
      await apollo.stop();
      redis.disconnect();
      await db.close();
    })());
  return { port, stop };
}

/** Entry-point helper: run the subgraph until SIGTERM/SIGINT, or say why it cannot start and exit non-zero. */
export function main<C extends RequestBase>(def: SubgraphDefinition<C>): void {
  runSubgraph(def).then(
    ({ stop }) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => void stop().then(flushTraces).then(() => process.exit(0)));
      }
    },
    (err: unknown) => {
      createLogger(def.name).error('failed to start', { err });
      process.exit(1);
    },
  );
}
