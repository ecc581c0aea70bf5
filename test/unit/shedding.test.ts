import { ApolloServer } from '@apollo/server';
import { deadlineSignal } from '../../platform/deadline';
import { startHttpApp } from '../support/http-app';

/**
 * Load shedding and deadlines in the HTTP front every service shares (issue 13): past its
 * in-flight cap a process answers 503 with Retry-After before any work, health checks are still
 * answered, and a request's deadline ends the work of a caller that has gone away.
 */
let release: () => void = () => undefined;
let sawAbort: Promise<boolean>;
const apollo = new ApolloServer({
  typeDefs: 'type Query { slow: String, watched: Boolean }',
  resolvers: {
    Query: {
      slow: () => new Promise<string>((resolve) => (release = () => resolve('done'))),
      watched: () => {
        const signal = deadlineSignal();
        sawAbort = new Promise((resolve) => signal?.addEventListener('abort', () => resolve(true)));
        return new Promise<boolean>(() => undefined);
      },
    },
  },
});
let app: Awaited<ReturnType<typeof startHttpApp>>;
let base: string;

beforeAll(async () => {
  app = await startHttpApp(apollo, { shedding: { maxInFlight: 1, maxEventLoopDelayMs: 10_000, maxHeapBytes: 2 ** 40 } });
  base = app.base;
});
afterAll(() => app.stop());

const ask = (query: string, signal?: AbortSignal) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal });

test('past its in-flight cap a process sheds with 503 and Retry-After, still answers health, and takes work again after', async () => {
  const first = ask('{ slow }');
  await new Promise((r) => setTimeout(r, 100));
  const shed = await ask('{ slow }');
  expect(shed.status).toBe(503);
  expect(shed.headers.get('retry-after')).toBe('2');
  expect(((await shed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OVERLOADED');
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  release();
  expect(await (await first).json()).toEqual({ data: { slow: 'done' } });
  const again = ask('{ slow }');
  await new Promise((r) => setTimeout(r, 100));
  release();
  expect((await again).status).toBe(200);
});

test("a caller that goes away aborts its request's deadline signal, so its work stops", async () => {
  const caller = new AbortController();
  const pending = ask('{ watched }', caller.signal).catch(() => 'gone');
  await new Promise((r) => setTimeout(r, 100));
  caller.abort();
  expect(await pending).toBe('gone');
  await expect(sawAbort).resolves.toBe(true);
});
