import type { Redis } from 'ioredis';
import { appError, ErrorCode } from './errors';

/**
 * Fixed-window rate limit in Redis, shared by every process of a service: at most `limit`
 * calls per `windowSeconds` for one key.
 */
export async function enforceRateLimit(redis: Redis, key: string, limit: number, windowSeconds: number): Promise<void> {
  const redisKey = `ratelimit:${key}`;
  const [[, count], [, ttl]] = (await redis.multi().incr(redisKey).ttl(redisKey).exec()) as [[null, number], [null, number]];
  if (ttl < 0) await redis.expire(redisKey, windowSeconds);
  if (count > limit) {
    const retryAfterSeconds = ttl > 0 ? ttl : windowSeconds;
    throw appError(ErrorCode.RATE_LIMITED, `too many lookups: at most ${limit} per ${windowSeconds} s; retry in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}
