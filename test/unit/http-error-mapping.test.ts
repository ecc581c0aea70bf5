import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { appError, ErrorCode } from '../../platform/errors';
import { HttpError, type HttpRoute } from '../../platform/http';
import type { BaseContext } from '@apollo/server';
import { startHttpApp } from '../support/http-app';

/**
 * Issue 17: what the HTTP front answers when a route throws (README, "job → library, or ours":
 * the mapping stays ours). Each class of error keeps its status, its headers and its JSON body;
 * anything unexpected is a bare 500 that says nothing of its cause.
 */
const throwing = (name: string, error: () => unknown): HttpRoute<BaseContext> => ({
  method: 'GET',
  path: new RegExp(`^/${name}$`),
  handle: async () => {
    throw error();
  },
});

let app: Awaited<ReturnType<typeof startHttpApp>>;
beforeAll(async () => {
  app = await startHttpApp(new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' }), {
    routes: [
      throwing('plain', () => new HttpError(400, 'the body must be {"from","text"}')),
      throwing('shed', () => new HttpError(503, 'the service is overloaded; retry in 2 s', { 'retry-after': '2' }, ErrorCode.OVERLOADED)),
      throwing('missing', () => appError(ErrorCode.NOT_FOUND, 'no dossier 000.00.01.H26-260105-0001', { dossierCode: '000.00.01.H26-260105-0001' })),
      throwing('limited', () => appError(ErrorCode.RATE_LIMITED, 'too many lookups; retry in 7 s', { retryAfterSeconds: 7 })),
      throwing('anonymous', () => appError(ErrorCode.UNAUTHENTICATED, 'a token is required')),
      throwing('bug', () => new Error('connection string mongodb://user:secret@db')),
      throwing('unknown-code', () => new GraphQLError('detail of a failure', { extensions: { code: 'SOMETHING_ELSE', detail: 'x' } })),
    ],
  });
});
afterAll(() => app.stop());

const answer = async (name: string) => {
  const res = await fetch(`${app.base}/${name}`);
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
};

test('an HttpError keeps its status, message and headers, with its code when it has one', async () => {
  expect(await answer('plain')).toMatchObject({ status: 400, body: { errors: [{ message: 'the body must be {"from","text"}' }] } });
  const shed = await answer('shed');
  expect(shed).toMatchObject({ status: 503, body: { errors: [{ message: 'the service is overloaded; retry in 2 s', extensions: { code: 'OVERLOADED' } }] } });
  expect(shed.headers.get('retry-after')).toBe('2');
});

test('a coded GraphQL error takes its code\'s status and keeps its extensions, less transport hints', async () => {
  expect(await answer('missing')).toMatchObject({
    status: 404,
    body: { errors: [{ message: 'no dossier 000.00.01.H26-260105-0001', extensions: { code: 'NOT_FOUND', dossierCode: '000.00.01.H26-260105-0001' } }] },
  });
  const limited = await answer('limited');
  expect(limited).toMatchObject({ status: 429, body: { errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } }] } });
  expect(limited.headers.get('retry-after')).toBe('7');
  expect(await answer('anonymous')).toEqual(expect.objectContaining({ status: 401, body: { errors: [{ message: 'a token is required', extensions: { code: 'UNAUTHENTICATED' } }] } }));
});

test('anything else is a 500 that names no cause: "internal error", and only a code if one was given', async () => {
  expect(await answer('bug')).toEqual(expect.objectContaining({ status: 500, body: { errors: [{ message: 'internal error' }] } }));
  expect(await answer('unknown-code')).toEqual(expect.objectContaining({ status: 500, body: { errors: [{ message: 'internal error', extensions: { code: 'SOMETHING_ELSE' } }] } }));
});
