import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { closeServer, createHttpApp, listen } from '../subgraphs/kit/http';
import { signInternalToken } from '../subgraphs/kit/internal-token';
import { KEY_FILES, loadKey } from '../subgraphs/kit/keys';
import { createLogger } from '../subgraphs/kit/logger';
import { formatErrorWith } from '../subgraphs/kit/subgraph';
import { createAuthenticator } from './auth';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './data-source';
import { forwardRoute } from './routes';
import { SCAN_SIGNATURE_HEADER } from '../subgraphs/documents/protocol';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../adapters/sms/port';
import { readCommittedSupergraph } from './supergraph';

/** Probes every subgraph's /healthz; the gateway is healthy when all of them are. */
async function subgraphHealth(urls: Map<string, string>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    [...urls].map(async ([name, url]) => {
      try {
        const res = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2000) });
        return [name, res.ok ? 'ok' : `HTTP ${res.status}`] as const;
      } catch (err) {
        return [name, `unreachable: ${(err as Error).message}`] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

export async function startGateway(config: GatewayConfig): Promise<{ port: number; stop(): Promise<void> }> {
  const logger = createLogger('gateway', { level: config.logLevel });
  const authenticate = createAuthenticator(config);
  const { key: internalKey, jwk: internalJwk } = await loadKey(config.keysDir, KEY_FILES.internalSigning);
  const urls = new Map<string, string>();

  const gateway = new ApolloGateway({
    supergraphSdl: readCommittedSupergraph(),
    buildService: ({ name, url }) => {
      const resolved = config.subgraphUrls[name as SubgraphName] ?? url;
      if (!resolved) throw new Error(`no URL for subgraph ${name}`);
      urls.set(name, resolved);
      return new SubgraphDataSource(name, resolved);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorWith(logger),
  });
  await apollo.start();
  logger.info('supergraph loaded', { subgraphs: SUBGRAPHS, urls: Object.fromEntries(urls) });

  const server = createHttpApp<GatewayContext>({
    service: 'gateway',
    apollo,
    logger,
    health: () => subgraphHealth(urls),
    routes: [
      forwardRoute('GET', /^\/receipts\/[^/]+\.pdf$/, 'dossiers', urls),
      forwardRoute('POST', /^\/sms\/inbound$/, 'dossiers', urls, [SIGNATURE_HEADER, TIMESTAMP_HEADER]),
      forwardRoute('PUT', /^\/uploads\/[A-Za-z0-9_-]+$/, 'documents', urls, [SCAN_SIGNATURE_HEADER]),
      forwardRoute('GET', /^\/documents\/[0-9a-fA-F]{24}\/content$/, 'documents', urls),
    ],
    context: async (req, requestId) => {
      const principal = await authenticate(req.headers.authorization);
      const internalToken = await signInternalToken(principal, requestId, internalKey, {
        kid: internalJwk.kid,
        clientAddress: req.socket.remoteAddress,
      });
      return { principal, requestId, internalToken, logger: logger.child({ requestId }) };
    },
  });
  const port = await listen(server, config.port, config.host);
  logger.info('listening', { url: `http://${config.host}:${port}/graphql`, devJwks: config.usesDevJwks, production: config.production });

  return {
    port,
    async stop() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}
