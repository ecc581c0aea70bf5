import { buildSubgraphSchema } from '@apollo/subgraph';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { fieldPolicies, routePolicy, scopesIn, type SubgraphRoute } from '../../platform/authorization';
import type { RequestBase, SubgraphDeps } from '../../platform/context';
import { loadServiceConfig, SUBGRAPHS, type SubgraphName } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { DEFAULT_SCOPES, WS_SECURITY_SCOPE } from '../../platform/principal';
import { loadTypeDefs } from '../../platform/subgraph';
import { documentsSubgraph } from '../../subgraphs/documents/subgraph';
import { dossiersSubgraph } from '../../subgraphs/dossiers/subgraph';
import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { proceduresSubgraph } from '../../subgraphs/procedures/subgraph';
import { statisticsSubgraph } from '../../subgraphs/statistics/subgraph';

/**
 * Issue 17: every scope a token is granted is asked for somewhere, by a directive in a subgraph's
 * SDL or by a REST route's policy; a scope nothing asks for is a grant to remove.
 */
const granted = [...new Set([...Object.values(DEFAULT_SCOPES).flat(), WS_SECURITY_SCOPE])].sort();

function askedForBySchemas(): Set<string> {
  return new Set(SUBGRAPHS.flatMap((name) => fieldPolicies(buildSubgraphSchema({ typeDefs: loadTypeDefs(name) })).flatMap((f) => scopesIn(f.policy))));
}

/** What the coverage needs of a subgraph definition: its routes' policies. */
interface DeclaresRoutes {
  name: SubgraphName;
  routes?(deps: SubgraphDeps): Pick<SubgraphRoute<RequestBase>, 'method' | 'path' | 'policy'>[];
}
const definitions: DeclaresRoutes[] = [identitySubgraph, proceduresSubgraph, dossiersSubgraph, documentsSubgraph, statisticsSubgraph];

/** Route policies as each subgraph declares them; the clients are made but never connect. */
function askedForByRoutes(): Set<string> {
  const asked = new Set<string>();
  const redis = new Redis({ lazyConnect: true });
  const db = mongoose.createConnection();
  try {
    for (const def of definitions) {
      const deps: SubgraphDeps = { db, redis, logger: createLogger(def.name, { level: 'error' }), config: loadServiceConfig(def.name, process.env) };
      for (const route of def.routes?.(deps) ?? []) {
        for (const scope of scopesIn(routePolicy(route.policy, `${route.method} ${route.path}`))) asked.add(scope);
      }
    }
  } finally {
    redis.disconnect();
  }
  return asked;
}

test('issue 17: every granted scope (each client type\'s defaults, the gateway\'s WS-Security scope) is asked for by a schema directive or a route policy', () => {
  const asked = new Set([...askedForBySchemas(), ...askedForByRoutes()]);
  expect(granted.filter((scope) => !asked.has(scope))).toEqual([]);
  expect(granted).toContain('dossier:read');
});
