import { createHash } from 'node:crypto';
import * as soap from 'soap';
import type { Redis } from 'ioredis';
import { remainingMs } from '../../platform/deadline';
import { appError, ErrorCode } from '../../platform/errors';
import { CircuitBreaker } from '../lib/circuit-breaker';
import type { PopulationDatabase, VerificationOutcome } from './port';
import { WSDL_PATH } from './wsdl';

export interface PopulationClientOptions {
  /** The service's SOAP endpoint (the WSDL ships with us; only the address differs). */
  endpoint: string;
  timeoutMs?: number;
  /** Further attempts after a failed one, with doubling backoff from `backoffMs`. */
  retries?: number;
  backoffMs?: number;
  breaker?: { failureThreshold: number; resetMs: number };
  /** Answers are kept this long in Redis (R-ID-2: cached for a bounded time). */
  cache?: { redis: Redis; ttlSeconds: number };
}

type SoapReply = { KetQua?: string; TruongKhongKhop?: string };
interface XacThucClient {
  XacThucCongDanAsync(args: object, options: { timeout: number }): Promise<[SoapReply]>;
}

function toOutcome(reply: SoapReply): VerificationOutcome {
  switch (reply.KetQua) {
    case 'KHOP':
      return { result: 'MATCH' };
    case 'KHONG_TIM_THAY':
      return { result: 'NOT_FOUND' };
    case 'KHONG_KHOP':
      return { result: 'MISMATCH', field: reply.TruongKhongKhop === 'NgaySinh' ? 'dateOfBirth' : 'fullName' };
    default:
      throw new Error(`unexpected KetQua ${String(reply.KetQua)}`);
  }
}

/**
 * The population database over SOAP (R-ID-2, R-INT-3): a timeout per call, bounded retries with
 * backoff, a circuit breaker, and answers cached in Redis. Every failure becomes
 * UPSTREAM_UNAVAILABLE; nothing here crashes its caller.
 */
export async function createPopulationClient(opts: PopulationClientOptions): Promise<PopulationDatabase> {
  const client = (await soap.createClientAsync(WSDL_PATH, { endpoint: opts.endpoint })) as unknown as XacThucClient;
  const breaker = new CircuitBreaker('population', opts.breaker?.failureThreshold ?? 5, opts.breaker?.resetMs ?? 10_000);
  const timeout = opts.timeoutMs ?? 2000;
  const retries = opts.retries ?? 2;

  const callOnce = async (args: object): Promise<VerificationOutcome> => {
    // No longer than the caller's request has left (platform/deadline.ts).
    const [reply] = await client.XacThucCongDanAsync(args, { timeout: Math.min(timeout, remainingMs() ?? timeout) });
    return toOutcome(reply);
  };

  const callWithRetries = async (args: object): Promise<VerificationOutcome> => {
    let delay = opts.backoffMs ?? 100;
    for (let attempt = 0; ; attempt++) {
      try {
        return await breaker.run(() => callOnce(args));
      } catch (err) {
        const circuitOpen = (err as { extensions?: { code?: string } }).extensions?.code === ErrorCode.UPSTREAM_UNAVAILABLE;
        if (circuitOpen) throw err;
        if (attempt >= retries) {
          throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'the national population database did not answer; try again later', {
            serviceName: 'population',
          });
        }
        await new Promise((r) => setTimeout(r, delay));
        delay *= 2;
      }
    }
  };

  return {
    async verifyCitizen(personalId, fullName, dateOfBirth) {
      const args = { SoDinhDanh: personalId, HoVaTen: fullName.normalize('NFC').trim(), NgaySinh: dateOfBirth };
      const key = `population:verify:${createHash('sha256').update(JSON.stringify(args)).digest('hex')}`;
      // The cache only saves calls: if Redis fails, ask the database and answer all the same.
      const cached = await opts.cache?.redis.get(key).catch(() => null);
      if (cached) return JSON.parse(cached) as VerificationOutcome;
      const outcome = await callWithRetries(args);
      await opts.cache?.redis.set(key, JSON.stringify(outcome), 'EX', opts.cache.ttlSeconds).catch(() => undefined);
      return outcome;
    },
  };
}
