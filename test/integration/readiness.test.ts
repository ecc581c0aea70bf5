import { ApolloServer } from '@apollo/server';
import { Redis } from 'ioredis';
import { workerStates } from '../../platform/background';
import { groupLags, publishEvent, startConsumer } from '../../platform/events';
import { createLogger } from '../../platform/logger';
import { registry } from '../../platform/metrics';
import { startHttpApp } from '../support/http-app';

/**
 * Issue 16, readiness: a process whose event consumer has stopped is not ready, says which
 * worker, and sets vss_background_worker_up to 0 — against the real Redis of the global setup.
 */
let redis: Redis;
let app: Awaited<ReturnType<typeof startHttpApp>>;
let base: string;

beforeAll(async () => {
  redis = new Redis(`${process.env.REDIS_URL}/63`);
  await redis.flushdb();
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  app = await startHttpApp(apollo, { ready: async () => ({ redis: 'ok', ...workerStates() }) });
  base = app.base;
});
afterAll(async () => {
  await app.stop();
  redis.disconnect();
});

const workerUp = async () => Number(/^vss_background_worker_up\{worker="consumer:test:readiness:g"[^}]*\} (\d+)/m.exec(await registry.metrics())?.[1]);

test('a running consumer keeps the process ready; once it stops, /readyz answers 503 naming it and its up-gauge reads 0', async () => {
  const handled: number[] = [];
  const consumer = startConsumer<{ n: number }>(redis, {
    stream: 'test:readiness', group: 'g', consumer: 'c1', logger: createLogger('test', { level: 'error' }), blockMs: 100,
    handle: async (e) => void handled.push(e.n),
  });
  await publishEvent(redis, 'test:readiness', { n: 1 });
  for (const deadline = Date.now() + 5_000; handled.length < 1 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
  expect(handled).toEqual([1]);
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  expect(await workerUp()).toBe(1);
  expect(await groupLags(redis, 'test:readiness')).toEqual([{ group: 'g', lag: 0, pending: 0 }]);

  await consumer.stop();
  await publishEvent(redis, 'test:readiness', { n: 2 });
  const res = await fetch(`${base}/readyz`);
  expect([res.status, await res.json()]).toEqual([503, expect.objectContaining({ checks: expect.objectContaining({ 'worker:consumer:test:readiness:g': 'stopped' }) })]);
  expect(await workerUp()).toBe(0);
  // Nothing is lost while it is stopped: the event waits, counted as the group's lag.
  expect(await groupLags(redis, 'test:readiness')).toEqual([{ group: 'g', lag: 1, pending: 0 }]);
  // Liveness stays cheap and green: the process itself still answers.
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
});
