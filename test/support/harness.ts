import { randomBytes } from 'node:crypto';
import type { DocumentNode } from 'graphql';
import { loadServiceConfig } from '../../subgraphs/kit/config';
import type { RequestBase, SubgraphDeps } from '../../subgraphs/kit/context';
import { createLogger } from '../../subgraphs/kit/logger';
import { connectDatabase } from '../../subgraphs/kit/mongo';
import type { Principal } from '../../subgraphs/kit/principal';
import { connectRedis } from '../../subgraphs/kit/redis';
import { buildSubgraphServer, type SubgraphDefinition } from '../../subgraphs/kit/subgraph';

/** Principals for tests, shaped as the gateway would forward them. */
export const principals = {
  anonymous: { client: 'anonymous', subject: 'anonymous', scopes: [] },
  officer: { client: 'officer', subject: 'officer-1', scopes: ['dossier:read'], agencyCode: '000.00.01.H26' },
  dashboard: { client: 'dashboard', subject: 'dash-1', scopes: ['statistics:read'] },
} satisfies Record<string, Principal>;

export interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * One subgraph in-process against the real FerretDB and Redis from the global setup, in a
 * database of its own (dropped at the end) and a Redis database of its own.
 */
export async function subgraphHarness<C extends RequestBase>(def: SubgraphDefinition<C>, opts: { redisDb?: number } = {}) {
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const redisUrl = `${process.env.REDIS_URL}/${opts.redisDb ?? 0}`;
  const config = loadServiceConfig(def.name, { ...process.env, MONGODB_DB_PREFIX: prefix, REDIS_URL: redisUrl, PORT: '0' });
  const logger = createLogger(def.name, { level: 'error' });
  const db = await connectDatabase(config.mongoUri, config.databaseName);
  const redis = await connectRedis(config.redisUrl);
  const deps: SubgraphDeps = { db, redis, logger, config };
  const context = (principal: Principal = principals.officer) =>
    def.createContext({ principal, requestId: `test-${randomBytes(3).toString('hex')}`, logger }, deps);
  context(); // registers the subgraph's models on this connection
  await Promise.all(Object.values(db.models).map((m) => m.init()));
  const server = buildSubgraphServer(def, deps);
  await server.start();

  return {
    deps,
    context,
    async exec(query: string | DocumentNode, variables?: Record<string, unknown>, principal?: Principal): Promise<GraphResult> {
      const res = await server.executeOperation(
        typeof query === 'string' ? { query, variables } : { query, variables },
        { contextValue: context(principal) },
      );
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      return res.body.singleResult as GraphResult;
    },
    async close() {
      await server.stop();
      await db.dropDatabase();
      await db.close();
      redis.disconnect();
    },
  };
}

export const codesOf = (errors: GraphResult['errors']) => (errors ?? []).map((e) => e.extensions?.code);
