import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';

/** Entries without a TTL of their own live this long (seconds). */
const DEFAULT_TTL = 24 * 3600;

/**
 * Apollo's KeyValueCache on our ioredis connection, so every gateway worker sees what one of them
 * stored (persisted queries registered by a client, issue 15). Apollo's Keyv adapter would bring a
 * second Redis client library for these three calls. With Redis down it forgets rather than
 * fails: a client then gets PersistedQueryNotFound and sends the whole query, as the protocol
 * foresees.
 */
export function redisKeyValueCache(redis: Redis, prefix: string): KeyValueCache<string> {
  return {
    async get(key) {
      return (await redis.get(prefix + key).catch(() => null)) ?? undefined;
    },
    async set(key: string, value: string, options?: KeyValueCacheSetOptions) {
      const ttl = options?.ttl ?? DEFAULT_TTL;
      await redis.set(prefix + key, value, 'EX', Math.max(1, Math.ceil(ttl))).catch(() => undefined);
    },
    async delete(key) {
      return (await redis.del(prefix + key).catch(() => 0)) > 0;
    },
  };
}
