import { Redis } from 'ioredis';
import { createLogger } from '../../platform/logger';
import { publishEvent, startConsumer } from '../../platform/events';

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

  test('a message that keeps failing goes to the dead-letter stream after 5 deliveries and the next ones still flow', async () => {
    const seen: number[] = [];
    const consumer = startConsumer<{ n: number }>(redis, {
      stream: 's:poison', group: 'g', consumer: 'c1', logger: createLogger('test', { level: 'error' }), blockMs: 50,
      handle: async (e) => {
        if (e.n === 1) throw new Error('cannot apply this one, ever');
        seen.push(e.n);
      },
    });
    try {
      for (const n of [1, 2]) await publishEvent(redis, 's:poison', { n });
      await until(() => seen.includes(2), 20_000);
      const dead = await redis.xrange('s:poison:dead', '-', '+');
      expect(dead.map(([, f]) => JSON.parse(f[1]!) as { n: number })).toEqual([{ n: 1 }]);
      await until(async () => ((await redis.xpending('s:poison', 'g')) as [number])[0] === 0);
    } finally {
      await consumer.stop();
    }
  }, 30_000);

  test('a group lost with a Redis restart is created again and consumption goes on', async () => {
    const seen: number[] = [];
    const consumer = startConsumer<{ n: number }>(redis, {
      stream: 's:nogroup', group: 'g', consumer: 'c1', logger: createLogger('test', { level: 'error' }), blockMs: 50,
      handle: async (e) => void seen.push(e.n),
    });
    try {
      await publishEvent(redis, 's:nogroup', { n: 1 });
      await until(() => seen.length === 1);
      await redis.del('s:nogroup'); // what a restart without persistence leaves: no stream, no group
      await publishEvent(redis, 's:nogroup', { n: 2 });
      await until(() => seen.includes(2), 15_000);
    } finally {
      await consumer.stop();
    }
  }, 20_000);

  test('messages a dead consumer left unacknowledged are claimed by a live one', async () => {
    await redis.xgroup('CREATE', 's:claim', 'g', '0', 'MKSTREAM');
    await publishEvent(redis, 's:claim', { n: 1 });
    await redis.xreadgroup('GROUP', 'g', 'crashed-consumer', 'COUNT', 10, 'STREAMS', 's:claim', '>'); // read, never acknowledged
    await new Promise((r) => setTimeout(r, 150));
    const seen: number[] = [];
    const consumer = startConsumer<{ n: number }>(redis, {
      stream: 's:claim', group: 'g', consumer: 'c1', logger: createLogger('test', { level: 'error' }), blockMs: 50, claimIdleMs: 100,
      handle: async (e) => void seen.push(e.n),
    });
    try {
      await until(() => seen.includes(1));
    } finally {
      await consumer.stop();
    }
  });
});
