import { createHash } from 'node:crypto';
import * as soap from 'soap';
import type { Redis } from 'ioredis';
import { CircuitOpen, resilient } from '../../platform/resilience';
import { UpstreamError } from '../lib/errors';
import type { PopulationDatabase, VerificationOutcome } from './port';
import { WSDL_PATH } from './wsdl';

export interface PopulationClientOptions {
  /** The service's SOAP endpoint (the WSDL ships with us; only the address differs). */
  endpoint: string;
  timeoutMs?: number;
  /** Further attempts after a failed one, waiting up to `backoffMs`, then doubling (full jitter). */
  retries?: number;
  backoffMs?: number;
  breaker?: { failureThreshold: number; resetMs: number };
  /** Answers are kept this long in Redis (R-ID-2: cached for a bounded time). */
  cache?: { redis: Redis; ttlSeconds: number };
}

type SoapReply = { KetQua?: string; TruongKhongKhop?: string };
interface XacThucClient {
  XacThucCongDanAsync(args: object, options: { signal: AbortSignal }): Promise<[SoapReply]>;
}

const SYSTEM = 'population';

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
 * backoff, a circuit breaker (platform/resilience.ts), and answers cached in Redis. Every failure
 * becomes an UpstreamError of `population`; nothing here crashes its caller.
 */
export async function createPopulationClient(opts: PopulationClientOptions): Promise<PopulationDatabase> {
  const client = (await soap.createClientAsync(WSDL_PATH, { endpoint: opts.endpoint })) as unknown as XacThucClient;
  const retries = opts.retries ?? 2;
  const baseMs = opts.backoffMs ?? 100;
  const calls = resilient({
    name: SYSTEM,
    timeoutMs: opts.timeoutMs ?? 2000,
    retry: { retries, backoff: { baseMs, maxMs: baseMs * 2 ** retries } },
    breaker: { failures: opts.breaker?.failureThreshold ?? 5, halfOpenAfterMs: opts.breaker?.resetMs ?? 10_000 },
  });

  const callWithRetries = async (args: object): Promise<VerificationOutcome> => {
    try {
      // soap hands the signal to its HTTP client, so a timed-out call is cancelled, not left running.
      return await calls.run(async (signal) => toOutcome((await client.XacThucCongDanAsync(args, { signal }))[0]));
    } catch (err) {
      if (err instanceof CircuitOpen) throw UpstreamError.circuitOpen(err);
      throw new UpstreamError(SYSTEM, 'unavailable', 'the national population database did not answer; try again later', {}, { cause: err });
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
