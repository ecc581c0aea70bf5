import { Redis } from 'ioredis';

export type { Redis };

export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true });
  await redis.connect();
  return redis;
}

export async function pingRedis(redis: Redis): Promise<string> {
  try {
    await redis.ping();
    return 'ok';
  } catch (err) {
    return `unreachable: ${(err as Error).message}`;
  }
}
