import { ApolloServer } from '@apollo/server';
import { adapterErrorToGraphQL } from '../../adapters/lib/errors';
import { npspClient } from '../../adapters/npsp/client';
import { startNpspSimulator } from '../../adapters/npsp/simulator';
import { createLogger } from '../../platform/logger';
import { formatErrorWith } from '../../platform/subgraph';
import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { startHttpApp } from '../support/http-app';
import { principals, subgraphHarness } from '../support/harness';

/**
 * Adapters throw their own UpstreamError (issue 17); the edge maps it, so clients still get
 * UPSTREAM_UNAVAILABLE naming the system, from GraphQL and from the HTTP routes alike.
 */
const CLOSED_PORT = 'http://127.0.0.1:1/population';

describe('an adapter failure as a client sees it', () => {
  test('a population outage reaches a GraphQL client of the identity subgraph as UPSTREAM_UNAVAILABLE with serviceName population', async () => {
    const h = await subgraphHarness(identitySubgraph, { redisDb: 12, env: { POPULATION_URL: CLOSED_PORT } });
    try {
      const res = await h.exec(`mutation($i: VerifyCitizenInput!) { verifyCitizen(input: $i) { personalId } }`, {
        i: { personalId: '001190012345', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-05-17' },
      }, principals.officer);
      expect(res.errors).toEqual([expect.objectContaining({
        message: 'the national population database did not answer; try again later',
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'population' },
      })]);
    } finally {
      await h.close();
    }
  });

  describe('through the HTTP front (platform/http.ts) with the subgraphs\' mapping', () => {
    let portal: Awaited<ReturnType<typeof startNpspSimulator>>;
    // Logs in with the wrong password: the portal answers error_code 01.
    const refusedAccountCheck = () => npspClient({ baseUrl: portal.url, username: 'vss', password: 'wrong' }).hasAccount('079085001234');
    const apollo = new ApolloServer({
      typeDefs: 'type Query { nationalAccount: Boolean, broken: Boolean }',
      resolvers: {
        Query: {
          nationalAccount: refusedAccountCheck,
          broken: () => {
            throw new Error('a bug, not an upstream failure');
          },
        },
      },
      formatError: formatErrorWith(createLogger('test', { level: 'error' }), adapterErrorToGraphQL),
    });
    let app: Awaited<ReturnType<typeof startHttpApp>>;
    beforeAll(async () => {
      portal = await startNpspSimulator({ username: 'vss', password: 'secret', procedures: [] });
      app = await startHttpApp(apollo, {
        mapError: adapterErrorToGraphQL,
        routes: [{ method: 'GET', path: /^\/account$/, handle: async () => void (await refusedAccountCheck()) }],
      });
    });
    afterAll(async () => {
      await app.stop();
      await portal.stop();
    });

    test('a route the portal refuses answers 502 UPSTREAM_UNAVAILABLE with serviceName npsp and the portal\'s code', async () => {
      const res = await fetch(`${app.base}/account`);
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({
        errors: [{ message: expect.stringContaining('login failed: 01'), extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'npsp', portalErrorCode: '01' } }],
      });
    });

    test('over GraphQL the same refusal is UPSTREAM_UNAVAILABLE beside the data, and an error that is no adapter\'s stays an internal error', async () => {
      const res = await fetch(`${app.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nationalAccount broken }' }) });
      const body = (await res.json()) as { data: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.data).toEqual({ nationalAccount: null, broken: null });
      expect(body.errors.map((e) => e.extensions)).toEqual(expect.arrayContaining([
        { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'npsp', portalErrorCode: '01' },
        { code: 'INTERNAL_SERVER_ERROR' },
      ]));
    });
  });
});
