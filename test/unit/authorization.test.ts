import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse, type GraphQLSchema } from 'graphql';
import { enforcePolicies, guardRoute, type SubgraphRoute } from '../../platform/authorization';
import type { RequestBase } from '../../platform/context';
import { createLogger } from '../../platform/logger';
import { sendJson } from '../../platform/http';
import type { Principal } from '../../platform/principal';
import { principals } from '../support/harness';

/**
 * Issue 17: platform/authorization.ts enforces the SDL's @public, @authenticated, @requiresScopes
 * and @policy on every field, and a REST route's policy before its handler, with today's
 * FORBIDDEN messages.
 */
const HEADER = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@policy"])
directive @public on FIELD_DEFINITION | OBJECT
`;
const SDL = `${HEADER}
type Query {
  catalogue: String @public
  me: String @authenticated
  figures: Figures @requiresScopes(scopes: [["statistics:read"]])
  events: String @requiresScopes(scopes: [["dossier:events"], ["audit:read", "sync:monitor"]])
  feed: String @policy(policies: [["ivan"], ["dossier:events"]])
  intake: String @policy(policies: [["officer", "dossier:process"], ["citizen", "dossier:submit"]])
  check: String @requiresScopes(scopes: [["ivan:authenticate"]])
}
type Figures @authenticated {
  total: Int
  draft: Int @requiresScopes(scopes: [["statistics:report"]])
}`;

const resolvers = {
  Query: { catalogue: () => 'c', me: () => 'm', figures: () => ({ total: 1, draft: 2 }), events: () => 'e', feed: () => 'f', intake: () => 'i', check: () => 'ok' },
};
const schemaOf = (sdl: string) => enforcePolicies(buildSubgraphSchema({ typeDefs: parse(sdl), resolvers }));

async function run(schema: GraphQLSchema, query: string, principal: Principal) {
  const res = await graphql({ schema, source: query, contextValue: { principal } });
  return { data: res.data, errors: res.errors?.map((e) => ({ path: e.path?.join('.'), code: e.extensions.code, message: e.message })) };
}

describe('platform/authorization.ts: the SDL policy, enforced on every field (issue 17)', () => {
  const schema = schemaOf(SDL);

  test('@public answers anyone; everything else refuses an anonymous caller with FORBIDDEN "sign in first"', async () => {
    expect(await run(schema, '{ catalogue }', principals.anonymous)).toEqual({ data: { catalogue: 'c' }, errors: undefined });
    const res = await run(schema, '{ me }', principals.anonymous);
    expect(res.errors).toEqual([{ path: 'me', code: 'FORBIDDEN', message: expect.stringMatching(/^sign in first: this field needs a bearer token/) }]);
    expect((await run(schema, '{ me }', principals.citizen)).data).toEqual({ me: 'm' });
  });

  test('@requiresScopes names the missing scope, as requireScope did; any one inner list of scopes is enough', async () => {
    expect((await run(schema, '{ figures { total } }', principals.ivanA)).errors).toEqual([
      { path: 'figures', code: 'FORBIDDEN', message: 'this needs the statistics:read scope, which your token does not carry' },
    ]);
    expect((await run(schema, '{ events }', principals.officer)).errors).toEqual([
      { path: 'events', code: 'FORBIDDEN', message: 'this needs the dossier:events scope or the audit:read and sync:monitor scopes, which your token does not carry' },
    ]);
    expect((await run(schema, '{ events }', { ...principals.officer, scopes: ['audit:read', 'sync:monitor'] })).data).toEqual({ events: 'e' });
    expect((await run(schema, '{ events }', principals.dashboard)).data).toEqual({ events: 'e' });
  });

  test("a type's policy and its field's both apply", async () => {
    const res = await run(schema, '{ figures { total draft } }', { ...principals.officer, scopes: ['statistics:read'] });
    expect(res.data).toEqual({ figures: { total: 1, draft: null } });
    expect(res.errors).toEqual([{ path: 'figures.draft', code: 'FORBIDDEN', message: 'this needs the statistics:report scope, which your token does not carry' }]);
    expect((await run(schema, '{ figures { total draft } }', principals.dashboard)).data).toEqual({ figures: { total: 1, draft: 2 } });
  });

  test('@policy: a caller passes as one kind of client with its scopes, and a refusal says who the field is for', async () => {
    expect((await run(schema, '{ feed }', principals.ivanA)).data).toEqual({ feed: 'f' });
    expect((await run(schema, '{ feed }', principals.dashboard)).data).toEqual({ feed: 'f' });
    expect((await run(schema, '{ feed }', principals.citizen)).errors).toEqual([
      { path: 'feed', code: 'FORBIDDEN', message: 'this is for I-VAN providers, or callers with the dossier:events scope' },
    ]);
    expect((await run(schema, '{ intake }', principals.citizen)).data).toEqual({ intake: 'i' });
    expect((await run(schema, '{ intake }', { ...principals.officer, scopes: ['dossier:submit'] })).errors).toEqual([
      { path: 'intake', code: 'FORBIDDEN', message: 'this is for officers with the dossier:process scope, or citizens with the dossier:submit scope' },
    ]);
  });

  test("the gateway's own call, anonymous but carrying its scope, passes (the WS-Security check)", async () => {
    expect((await run(schema, '{ check }', { client: 'anonymous', subject: 'gateway:ws-security', scopes: ['ivan:authenticate'] })).data).toEqual({ check: 'ok' });
  });

  test('a subgraph whose SDL leaves a field without a policy does not start, and the message names the field', () => {
    expect(() => schemaOf(`${HEADER} type Query { open: String @public forgotten: String } type Thing { id: ID @authenticated name: String }`)).toThrow(
      'no authorization policy (@public, @authenticated, @requiresScopes or @policy) on Query.forgotten, Thing.name',
    );
  });

  test('contradictory or malformed policies stop the build: @public beside a requirement, two client types at once, a name that is no scope', () => {
    expect(() => schemaOf(`${HEADER} type Query { a: T @public } type T @authenticated { b: String @public }`)).toThrow('T.b: @public beside');
    expect(() => schemaOf(`${HEADER} type Query { a: String @policy(policies: [["officer", "citizen"]]) }`)).toThrow('names two client types');
    expect(() => schemaOf(`${HEADER} type Query { a: String @requiresScopes(scopes: [["officer"]]) }`)).toThrow('@requiresScopes names scopes only');
    expect(() => schemaOf(`${HEADER} type Query { a: String @requiresScopes(scopes: [["read everything"]]) }`)).toThrow('is neither a client type nor a scope');
  });
});

describe("platform/authorization.ts: a REST route's declared policy (issue 17)", () => {
  const logger = createLogger('test', { level: 'error' });

  /** The guarded route behind a real HTTP server; the caller is the principal named in x-test-principal. */
  async function serve(route: SubgraphRoute<RequestBase>) {
    const guarded = guardRoute(route);
    const server = http.createServer((req, res) => {
      const principal = principals[req.headers['x-test-principal'] as keyof typeof principals];
      guarded.handle(req, res, guarded.path.exec(req.url ?? '')!, async () => ({ principal, requestId: 'r', logger })).catch((err: Error & { extensions?: { code?: string } }) => {
        sendJson(res, 403, { code: err.extensions?.code, message: err.message });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      get: async (who: keyof typeof principals) => {
        const res = await fetch(`${base}/files/1`, { headers: { 'x-test-principal': who } });
        return { status: res.status, body: (await res.json()) as unknown };
      },
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  test('the handler runs only for callers the policy admits; a refusal runs the route\'s `refused` (to audit it) and is FORBIDDEN naming the scope', async () => {
    const refusals: string[] = [];
    const app = await serve({
      method: 'GET',
      path: /^\/files\/(\d+)$/,
      policy: { requiresScopes: [['document:read']] },
      refused: async (ctx, refusal, match) => void refusals.push(`${ctx.principal.subject} ${match[1]}: ${refusal.message}`),
      handle: async (_req, res, match) => sendJson(res, 200, { file: match[1] }),
    });
    try {
      expect(await app.get('citizen')).toEqual({ status: 200, body: { file: '1' } });
      expect(await app.get('npsp')).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'this needs the document:read scope, which your token does not carry' } });
      expect(await app.get('anonymous')).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: expect.stringMatching(/^sign in first/) } });
      expect(refusals).toEqual(['npsp 1: this needs the document:read scope, which your token does not carry', expect.stringMatching(/^anonymous 1: sign in first/)]);
    } finally {
      await app.close();
    }
  });

  test('a public route is served as declared, without asking for the caller at all (a webhook proves itself)', async () => {
    const route: SubgraphRoute<RequestBase> = { method: 'POST', path: /^\/hook$/, policy: 'public', handle: async () => undefined };
    expect(guardRoute(route)).toBe(route);
  });
});
