import { clientKeyOf } from '../../gateway/fair-share';
import { randomBytes } from 'node:crypto';
import type { DocumentNode } from 'graphql';
import { loadServiceConfig } from '../../platform/config';
import type { RequestBase, SubgraphDeps } from '../../platform/context';
import { internalSigningKey, signInternalToken } from '../../platform/internal-token';
import { keyStoreOf } from '../../platform/key-store';
import { createLogger } from '../../platform/logger';
import { connectDatabase } from '../../platform/mongo';
import type { Principal } from '../../platform/principal';
import { connectRedis } from '../../platform/redis';
import { buildSubgraphServer, runSubgraph, type SubgraphDefinition } from '../../platform/subgraph';
import { runUpgrades } from '../../platform/upgrades';

/** Principals for tests, shaped as the gateway would forward them. */
export const principals = {
  anonymous: { client: 'anonymous', subject: 'anonymous', scopes: [] },
  officer: { client: 'officer', subject: 'officer-hn', scopes: ['dossier:read', 'dossier:process', 'document:read', 'document:digitise', 'statistics:read', 'citizen:verify', 'organization:manage', 'account:manage', 'procedure:publish', 'sync:monitor'], agencyCode: '000.00.01.H26' },
  officerHcm: { client: 'officer', subject: 'officer-hcm', scopes: ['dossier:read', 'dossier:process', 'document:read', 'document:digitise', 'citizen:verify', 'organization:manage', 'account:manage'], agencyCode: '000.00.01.H29' },
  officerCentral: { client: 'officer', subject: 'officer-vss', scopes: ['dossier:read', 'dossier:process', 'document:read', 'citizen:verify', 'organization:manage', 'account:manage'], agencyCode: '000.00.00.G12' },
  dashboard: { client: 'dashboard', subject: 'dash-1', scopes: ['statistics:read', 'statistics:report', 'dossier:read', 'dossier:events', 'document:read'] },
  ivanA: { client: 'ivan', subject: 'ivan-a', scopes: ['dossier:submit', 'dossier:read', 'document:read'], ivanProviderId: 'IVAN-A' },
  ivanB: { client: 'ivan', subject: 'ivan-b', scopes: ['dossier:submit', 'dossier:read', 'document:read'], ivanProviderId: 'IVAN-B' },
  npsp: { client: 'npsp', subject: 'npsp', scopes: ['procedure:read', 'procedure:sync', 'dossier:sync', 'dossier:submit', 'dossier:events'] },
  citizen: { client: 'citizen', subject: 'citizen-1', scopes: ['dossier:read', 'dossier:submit', 'document:read'], personalId: '001090012345' },
} satisfies Record<string, Principal>;

export interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const isolatedEnv = (opts: HarnessOptions, prefix: string) => ({
  ...process.env,
  MONGODB_DB_PREFIX: prefix,
  REDIS_URL: `${process.env.REDIS_URL}/${opts.redisDb ?? 0}`,
  PORT: '0',
  LOG_LEVEL: 'error',
  ...opts.env,
});

export interface HarnessOptions {
  redisDb?: number;
  env?: Record<string, string>;
  /** Shares a database prefix with another harness (e.g. a subgraph it calls). */
  prefix?: string;
}

/**
 * One subgraph in-process against the real FerretDB and Redis from the global setup, in a
 * database of its own (dropped at the end) and a Redis database of its own. Requests carry an
 * internal token signed with the test keys, as the gateway's would.
 */
export async function subgraphHarness<C extends RequestBase>(def: SubgraphDefinition<C>, opts: HarnessOptions = {}) {
  const prefix = opts.prefix ?? `t${randomBytes(4).toString('hex')}_`;
  const config = loadServiceConfig(def.name, isolatedEnv(opts, prefix));
  const logger = createLogger(def.name, { level: 'error' });
  const db = await connectDatabase(config.mongoUri, config.databaseName);
  const redis = await connectRedis(config.redisUrl);
  const deps: SubgraphDeps = { db, redis, logger, config };
  const signingKey = await internalSigningKey(keyStoreOf(config.keys));
  const context = async (principal: Principal = principals.officer) => {
    const requestId = `test-${randomBytes(3).toString('hex')}`;
    const internalToken = await signInternalToken(principal, requestId, signingKey, clientKeyOf(principal, '127.0.0.1'));
    return def.createContext({ principal, requestId, internalToken, clientKey: clientKeyOf(principal, '127.0.0.1'), logger }, deps);
  };
  await context(); // registers the subgraph's models on this connection
  await Promise.all(Object.values(db.models).map((m) => m.init()));
  await runUpgrades(db, def.upgrades ?? [], logger);
  const server = buildSubgraphServer(def, deps);
  await server.start();

  return {
    deps,
    prefix,
    context,
    async exec(query: string | DocumentNode, variables?: Record<string, unknown>, principal?: Principal): Promise<GraphResult> {
      const res = await server.executeOperation(
        typeof query === 'string' ? { query, variables } : { query, variables },
        { contextValue: await context(principal) },
      );
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      return res.body.singleResult as GraphResult;
    },
    async close() {
      await server.stop();
      await db.dropDatabase();
      // The audit log is the system's, in its own database beside this one (platform/audit.ts).
      await db.useDb(config.auditDatabaseName).dropDatabase();
      await db.close();
      redis.disconnect();
    },
  };
}

/** A subgraph served over real HTTP in this process (for subgraphs that call it), on a free port. */
export async function httpSubgraph<C extends RequestBase>(def: SubgraphDefinition<C>, opts: HarnessOptions = {}) {
  const prefix = opts.prefix ?? `t${randomBytes(4).toString('hex')}_`;
  const running = await runSubgraph(def, isolatedEnv(opts, prefix));
  return { url: `http://127.0.0.1:${running.port}/graphql`, prefix, stop: running.stop };
}

export const codesOf = (errors: GraphResult['errors']) => (errors ?? []).map((e) => e.extensions?.code);
