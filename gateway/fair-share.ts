import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { consumeOrRefuse } from '../platform/rate-limit';
import { CLIENT_TYPES, type ClientType, type Principal } from '../platform/principal';
import type { Budget } from './budgets';

/**
 * Fair shares (issue 13): each client key gets its client type's requests a minute and requests
 * at once, counted in Redis so every gateway process shares them (rate-limiter-flexible). Over
 * either, the answer is 429 with Retry-After before any work. If Redis is unreachable, each
 * process falls back to the same limits in its own memory rather than refusing everyone.
 */

/** The caller's address: X-Forwarded-For only from TRUSTED_PROXIES (proxy-addr, as Express does). */
export const addressOf = (req: IncomingMessage, trust: ReturnType<typeof proxyaddr.compile>): string => proxyaddr(req, trust);

/** Who a caller is for fair shares: the I-VAN provider, else the token's subject, else its address. */
export function clientKeyOf(principal: Principal, address: string): string {
  if (principal.client === 'anonymous') return `ip:${address}`;
  if (principal.client === 'ivan' && principal.ivanProviderId) return `ivan:${principal.ivanProviderId}`;
  return `${principal.client}:${principal.subject}`;
}

/**
 * How long a request counts as running when its process never says it ended (a crash). A window
 * that turns over while requests run lets at most one extra share through for their remainder.
 */
const RUNNING_WINDOW_SECONDS = 60;

export interface FairShare {
  /** Counts the request against `key`'s shares and returns what to call when it ends; throws RATE_LIMITED. */
  admit(client: ClientType, key: string): Promise<() => void>;
}

export function createFairShare(redis: Redis, budgets: Record<ClientType, Budget>): FairShare {
  const limiter = (prefix: string, points: number, duration: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: prefix,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: prefix, points, duration }),
    });
  const limits = {} as Record<ClientType, { perMinute: RateLimiterAbstract; running: RateLimiterAbstract }>;
  for (const c of CLIENT_TYPES) {
    limits[c] = {
      perMinute: limiter(`fair:minute:${c}`, budgets[c].requestsPerMinute, 60),
      running: limiter(`fair:running:${c}`, budgets[c].maxConcurrent, RUNNING_WINDOW_SECONDS),
    };
  }

  return {
    async admit(client, key) {
      const l = limits[client];
      await consumeOrRefuse(l.perMinute, key, `requests: ${client} clients may send ${budgets[client].requestsPerMinute} a minute`);
      await consumeOrRefuse(l.running, key, `requests: ${client} clients may have ${budgets[client].maxConcurrent} in progress at once`);
      return () => void l.running.reward(key).catch(() => undefined);
    },
  };
}
