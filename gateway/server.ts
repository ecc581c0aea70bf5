import cluster from 'node:cluster';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import proxyaddr from 'proxy-addr';
import path from 'node:path';
import { PROJECT_ROOT, SUBGRAPHS, type SubgraphName } from '../platform/config';
import { staticApp } from '../platform/static-files';
import { closeServer, createAdminApp, createHttpApp, listen } from '../platform/http';
import { collectProcessMetrics, graphqlMetricsPlugin } from '../platform/metrics';
import { workerStates } from '../platform/background';
import { clusterMetrics, exportSharingCounters, gatewayReadiness } from './operations';
import { createInternalTokenSigner } from '../platform/internal-token';
import { keyStoreOf } from '../platform/key-store';
import { localTimestamps } from '../adapters/timestamp/local';
import { checkpointSeal } from '../adapters/timestamp/stamped';
import { createLogger } from '../platform/logger';
import { formatErrorWith } from '../platform/subgraph';
import { createAuthenticator } from './auth';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './data-source';
import { forwardRoute } from './routes';
import { jwksFiles } from './jwks';
import { SCAN_SIGNATURE_HEADER } from '../platform/documents-protocol';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../adapters/sms/port';
import { readCommittedSupergraph } from './supergraph';
import { connectRedis } from '../platform/redis';
import { eventLoopBusy } from '../platform/shedding';
import { ANONYMOUS, WS_SECURITY_SCOPE, type Principal } from '../platform/principal';
import { createCostEstimator, readCostModel } from './cost';
import { addressOf, clientKeyOf, createFairShare } from './fair-share';
import { createFairQueue } from './fair-queue';
import { queryLimitsPlugin } from './query-limits';
import { loadTrustedDocuments } from './trusted-documents';
import { SOAP_DOCUMENTS, SOAP_PATH, soapRoutes } from './ivan-soap/endpoint';
import { createAnswerSharing, type AnswerSharing } from './answer-sharing';
import { followInvalidations } from './cache-invalidation';
import { redisKeyValueCache } from './redis-cache';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../platform/errors';
import { startAudit } from './audit';
import { auditPlugin } from './audit/plugin';
import { auditedRoute } from './audit/rest';
import { traceIdOf } from './audit/touched';
import { dashboardConfigFile, devSignInRoute } from './dashboard';
import { graphiqlApps, landingPagePlugin } from './graphiql';

/** GraphQL Armor's field-suggestion blocker alone: its other limits are applied per client type (query-limits.ts). */
function suggestionBlocker() {
  const off = { enabled: false };
  return new ApolloArmor({ blockFieldSuggestion: { enabled: true }, costLimit: off, maxAliases: off, maxDepth: off, maxDirectives: off, maxTokens: off }).protect().plugins;
}

export async function startGateway(config: GatewayConfig): Promise<{ port: number; sharing: AnswerSharing; stop(): Promise<void> }> {
  // Under node:cluster each worker names itself in its log lines (gateway/workers.ts).
  const logger = createLogger('gateway', { level: config.logLevel, base: cluster.worker ? { worker: cluster.worker.id } : undefined });
  collectProcessMetrics('gateway');
  const authenticate = createAuthenticator(config);
  const keys = keyStoreOf(config.keys);
  await keys.signingKey('internal'); // refuses to start without one
  const urls = new Map<string, string>();
  const sharing = createAnswerSharing({
    dedup: config.dedup,
    cache: config.cache,
    callersOwnFailure: (err) => err instanceof GraphQLError && err.extensions.code === ErrorCode.GATEWAY_TIMEOUT,
  });
  exportSharingCounters(sharing);

  const supergraphSdl = readCommittedSupergraph();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = config.subgraphUrls[name as SubgraphName] ?? url;
      if (!resolved) throw new Error(`no URL for subgraph ${name}`);
      urls.set(name, resolved);
      return new SubgraphDataSource(name, resolved, sharing);
    },
  });
  const redis = await connectRedis(config.redisUrl);
  // The audit trail of every exchange (R-Q-2, gateway/audit/): off only outside production (no MONGODB_URI, or AUDIT_LOG=off).
  const audit = config.audit ? await startAudit(config.audit, redis, checkpointSeal(keys, localTimestamps(keys)), logger) : undefined;
  if (!audit) logger.warn('audit trail off: MONGODB_URI is not set, or AUDIT_LOG=off');
  const trusted = loadTrustedDocuments(config.trustedDocuments, config.trustedDocumentsFor, SOAP_DOCUMENTS, redisKeyValueCache(redis, 'gateway:'));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorWith(logger),
    // The first limit: the parser gives up on a document past this many tokens.
    parseOptions: { maxTokens: config.maxTokens },
    // A browser may not send a "simple" cross-site request (a form post) to the graph (README, Security).
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // gateway/index.ts stops the process on SIGTERM/SIGINT. Apollo's own handler raced it and the
    // gateway never exited: a second stop() while one runs waits on a barrier Apollo Server 5 never resolves.
    stopOnTerminationSignals: false,
    persistedQueries: { cache: trusted.cache },
    plugins: [
      ...(audit ? [auditPlugin(audit, logger)] : []),
      queryLimitsPlugin({ budgets: config.budgets, estimate: createCostEstimator(readCostModel(supergraphSdl)), trusted }),
      graphqlMetricsPlugin<GatewayContext>((c) => c.principal?.client),
      // Apollo's default landing page loads from a CDN; ours points at /graphiql (gateway/graphiql.ts).
      landingPagePlugin(config.graphiql),
      // No "Did you mean …?" in production: it would map the schema for an attacker.
      ...(config.production ? suggestionBlocker() : []),
    ],
  });
  await apollo.start();
  logger.info('supergraph loaded', { subgraphs: SUBGRAPHS, urls: Object.fromEntries(urls) });

  const invalidations = config.cache ? followInvalidations(redis, sharing, logger) : undefined;
  const internalToken = createInternalTokenSigner(keys);
  const fairShare = createFairShare(redis, config.budgets);
  const loop = eventLoopBusy();
  const turns = createFairQueue(config.maxActive, 5_000, loop.busy);
  const trust = proxyaddr.compile(config.trustedProxies);
  const allowCors = cors({ origin: config.corsOrigins, methods: ['GET', 'POST', 'PUT'], maxAge: 600 });
  /** Who each admitted request is, and its client key: worked out once, in admit(), read by context(). */
  const admitted = new WeakMap<IncomingMessage, { principal: Principal; key: string }>();

  /** Charges `principal`'s fair share under `key` and takes a turn; answers what ends both. */
  async function share(principal: Principal, key: string): Promise<() => void> {
    const release = await fairShare.admit(principal.client, key);
    try {
      const turn = await turns.enter(key);
      return () => {
        turn();
        release();
      };
    } catch (err) {
      release();
      throw err;
    }
  }
  const chargeAddress = async (req: IncomingMessage) => (await fairShare.admit('anonymous', clientKeyOf(ANONYMOUS, addressOf(req, trust))))();
  const contextOf = async (principal: Principal, key: string, requestId: string): Promise<GatewayContext> => ({
    // The logger names the request by itself (platform/logger.ts withRequestId).
    principal, requestId, logger,
    internalToken: await internalToken(principal, requestId, key),
  });
  // The SOAP endpoint's own call to identity, to check a UsernameToken (identity/routes.ts).
  const checker: Principal = { client: 'anonymous', subject: 'gateway:ws-security', scopes: [WS_SECURITY_SCOPE] };
  const soap = await soapRoutes({
    apollo, logger, urls, maxBytes: config.ivanSoapMaxBytes, publicUrl: config.publicUrl,
    gatewayToken: (requestId) => internalToken(checker, requestId),
    refused: chargeAddress,
    async admit(principal, req, requestId) {
      const key = clientKeyOf(principal, addressOf(req, trust));
      const release = await share(principal, key);
      return { context: { ...(await contextOf(principal, key, requestId)), channel: 'SOAP', traceId: traceIdOf(req.headers.traceparent) }, release };
    },
  });

  const probes = { service: 'gateway', ready: gatewayReadiness(urls, redis, workerStates), metrics: clusterMetrics() };
  const server = createHttpApp<GatewayContext>({
    ...probes,
    metricsOnLoopback: config.metricsPort === null,
    apollo,
    logger,
    shedding: config.shedding,
    preflight: async (req, res) => {
      if (!config.corsOrigins.length) return false;
      return new Promise<boolean>((resolve) => {
        allowCors(req, res, () => resolve(false));
        // A preflight (OPTIONS) is answered by cors itself.
        if (res.writableEnded) resolve(true);
      });
    },
    // The browser apps (issue 18), built by npm start / npm test / npm run build into ui/<app>/dist.
    // The dashboard's sign-in settings come before its files, which would answer any path with index.html.
    statics: [jwksFiles(keys), dashboardConfigFile(config.dashboard), staticApp('/dashboard', path.join(PROJECT_ROOT, 'ui', 'dashboard', 'dist')), ...graphiqlApps(config.graphiql)],
    admit: async (req) => {
      // A SOAP message authenticates inside its envelope: the endpoint admits it once it knows who sent it.
      if (req.method === 'POST' && req.url?.split('?')[0] === SOAP_PATH) return { deadlineMs: config.budgets.ivan.deadlineMs };
      let principal: Principal;
      try {
        principal = await authenticate(req.headers.authorization);
      } catch (err) {
        // Bad tokens count against the caller's address, so guessing them is rate limited too.
        await chargeAddress(req);
        throw err;
      }
      const key = clientKeyOf(principal, addressOf(req, trust));
      admitted.set(req, { principal, key });
      return { deadlineMs: config.budgets[principal.client].deadlineMs, release: await share(principal, key) };
    },
    routes: [
      ...Object.entries({
        '/receipts/:code.pdf': forwardRoute('GET', /^\/receipts\/[^/]+\.pdf$/, 'dossiers', urls),
        '/sms/inbound': forwardRoute('POST', /^\/sms\/inbound$/, 'dossiers', urls, [SIGNATURE_HEADER, TIMESTAMP_HEADER]),
        '/uploads/:ticket': forwardRoute('PUT', /^\/uploads\/[A-Za-z0-9_-]+$/, 'documents', urls, [SCAN_SIGNATURE_HEADER], config.maxUploadBytes),
        '/documents/:id/content': forwardRoute('GET', /^\/documents\/[0-9a-fA-F]{24}\/content$/, 'documents', urls),
      }).map(([name, route]) => (audit ? auditedRoute(route, name, audit, logger) : route)),
      ...soap,
      // Development sign-in of the dashboard: only where the gateway trusts the local development key alone.
      ...(config.dashboard.devSignIn ? [devSignInRoute(config.keysDir)] : []),
    ],
    context: async (req, requestId) => {
      const entry = admitted.get(req);
      // createHttpApp admits every request before it reaches a route or /graphql.
      if (!entry) throw new Error('a request reached the gateway context without being admitted');
      return contextOf(entry.principal, entry.key, requestId);
    },
  });
  const port = await listen(server, config.port, config.host);
  // Under node:cluster every worker listens on the admin port too (the port is shared); any of them answers for all.
  const admin = config.metricsPort === null ? undefined : createAdminApp(probes);
  const metricsPort = admin && (await listen(admin, config.metricsPort!, config.host));
  logger.info('listening', { url: `http://${config.host}:${port}/graphql`, devJwks: config.usesDevJwks, production: config.production, metricsPort });

  return {
    port,
    sharing,
    async stop() {
      await closeServer(server);
      if (admin) await closeServer(admin);
      await apollo.stop();
      await invalidations?.stop();
      await audit?.stop();
      loop.stop();
      redis.disconnect();
    },
  };
}
