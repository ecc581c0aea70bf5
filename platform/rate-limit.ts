import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { appError, ErrorCode } from './errors';

/**
 * Counts in Redis, so every process of a service shares them (rate-limiter-flexible: one atomic
 * script per call, the counter and its expiry set together): at most `limit` calls per
 * `windowSeconds` for one key, and failures before a lock. Keys are the caller's client key
 * (RequestBase.clientKey), the same one the gateway's fair shares use, or what is guarded.
 */
const limiters = new WeakMap<Redis, Map<string, RateLimiterRedis>>();

interface Shape {
  keyPrefix: string;
  points: number;
  duration: number;
  /** Seconds a key is refused once past its points; 0: only until its window ends. */
  blockDuration: number;
}

function limiterFor(redis: Redis, shape: Shape): RateLimiterRedis {
  let byShape = limiters.get(redis);
  if (!byShape) limiters.set(redis, (byShape = new Map()));
  const id = `${shape.keyPrefix}:${shape.points}/${shape.duration}/${shape.blockDuration}`;
  let limiter = byShape.get(id);
  if (!limiter) byShape.set(id, (limiter = new RateLimiterRedis({ storeClient: redis, ...shape })));
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
  const limiter = limiterFor(redis, { keyPrefix: 'ratelimit', points: limit, duration: windowSeconds, blockDuration: 0 });
  await consumeOrRefuse(limiter, key, `lookups: at most ${limit} per ${windowSeconds} s`);
}

/** One attempt taken: its number from 1, or how long the key stays locked. */
export type Attempt = { attempt: number } | { lockedSeconds: number };

/**
 * Failures before a lock (sign-in guesses), stored under `<keyPrefix>:<key>`. `take` spends an
 * attempt before the work is done, so however many arrive at once at most `failures` get
 * through; the next, or `lock`, locks the key for `lockSeconds`. The count lasts `lockSeconds`
 * from the first failure; `clear` forgets it (a success).
 */
export function failureLimit(redis: Redis, keyPrefix: string, failures: number, lockSeconds: number) {
  const limiter = limiterFor(redis, { keyPrefix, points: failures, duration: lockSeconds, blockDuration: lockSeconds });
  return {
    async take(key: string): Promise<Attempt> {
      try {
        return { attempt: (await limiter.consume(key)).consumedPoints };
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        return { lockedSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
      }
    },
    lock: async (key: string): Promise<void> => void (await limiter.block(key, lockSeconds)),
    clear: async (key: string): Promise<void> => void (await limiter.delete(key)),
  };
}
