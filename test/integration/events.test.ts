import { Redis } from 'ioredis';
import { createLogger } from '../../subgraphs/kit/logger';
import { publishEvent, startConsumer } from '../../subgraphs/kit/events';

let redis: Redis;
beforeAll(async () => {
  redis = new Redis(`${process.env.REDIS_URL}/7`);
  await redis.flushdb();
});
afterAll(() => redis.disconnect());

const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('condition not reached in time');
};

describe('event stream consumers', () => {
  test('a message whose handler fails stays pending and is retried until it succeeds, then acknowledged', async () => {
    const seen: number[] = [];
    let failures = 0;
    const consumer = startConsumer<{ n: number }>(redis, {
      stream: 's:retry', group: 'g', consumer: 'c1', logger: createLogger('test', { level: 'error' }), blockMs: 100,
      handle: async (e) => {
        if (e.n === 2 && failures < 2) {
          failures++;
          throw new Error('database unavailable');
        }
        seen.push(e.n);
      },
    });
    try {
      for (const n of [1, 2, 3]) await publishEvent(redis, 's:retry', { n });
      await until(() => seen.includes(2) && seen.includes(3));
      expect(failures).toBe(2);
      expect([...new Set(seen)].sort()).toEqual([1, 2, 3]);
      await until(async () => ((await redis.xpending('s:retry', 'g')) as [number])[0] === 0);
    } finally {
      await consumer.stop();
    }
  });

  test('messages published while the consumer is stopped are delivered when it starts again', async () => {
    const logger = createLogger('test', { level: 'error' });
    const seen: number[] = [];
    const options = { stream: 's:restart', group: 'g', consumer: 'c1', logger, blockMs: 100, handle: async (e: { n: number }) => void seen.push(e.n) };
    const first = startConsumer(redis, options);
    await publishEvent(redis, 's:restart', { n: 1 });
    await until(() => seen.length === 1);
    await first.stop();
    await publishEvent(redis, 's:restart', { n: 2 });
    await publishEvent(redis, 's:restart', { n: 3 });
    const second = startConsumer(redis, options);
    try {
      await until(() => seen.length === 3);
      expect(seen).toEqual([1, 2, 3]);
    } finally {
      await second.stop();
    }
  });
});
