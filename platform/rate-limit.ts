import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { appError, ErrorCode } from './errors';

/**
 * At most `limit` calls per `windowSeconds` for one key, counted in Redis so every process of a
 * service shares it (rate-limiter-flexible: one atomic script per call). Keys are the caller's
 * client key (RequestBase.clientKey), the same one the gateway's fair shares use.
 */
const limiters = new WeakMap<Redis, Map<string, RateLimiterRedis>>();

function limiterFor(redis: Redis, limit: number, windowSeconds: number): RateLimiterRedis {
  let byShape = limiters.get(redis);
  if (!byShape) limiters.set(redis, (byShape = new Map()));
  const shape = `${limit}/${windowSeconds}`;
  let limiter = byShape.get(shape);
  if (!limiter) byShape.set(shape, (limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'ratelimit', points: limit, duration: windowSeconds })));
  return limiter;
}

/** Consumes one point of `limiter` for `key`; a spent limit is RATE_LIMITED, "too many <what>", with the wait. */
export async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw appError(ErrorCode.RATE_LIMITED, `too many ${what}; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export async function enforceRateLimit(redis: Redis, key: string, limit: number, windowSeconds: number): Promise<void> {
  await consumeOrRefuse(limiterFor(redis, limit, windowSeconds), key, `lookups: at most ${limit} per ${windowSeconds} s`);
}
