import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Renews the lease when this holder has it, takes it when nobody does; 1 when held. */
const HOLD = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;

/** Gives the lease up when this holder has it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Lets one process of several do a background job (an outbox relay, the portal push) while the
 * others stand by: a lease in Redis, renewed by its holder every round and taken over by another
 * process once it lapses (its holder died or hangs). Correctness never rests on it, since every
 * such job is safe to run twice; it saves running it twice, which on FerretDB costs every process
 * the same reads and makes them collide on the same numbers. When Redis cannot be asked, the job
 * runs anyway.
 */
export class Lease {
  private readonly holder = randomUUID();

  /** `ttlMs`: how long another process waits after this one stopped renewing (crashed) before taking over. */
  constructor(private readonly redis: Redis, private readonly key: string, private readonly ttlMs = 10_000) {}

  /** Whether this process holds the lease now (renewed, or just taken). */
  async held(): Promise<boolean> {
    try {
      return (await this.redis.eval(HOLD, 1, `lease:${this.key}`, this.holder, this.ttlMs)) === 1;
    } catch {
      return true;
    }
  }

  /** Lets another process take over at once (on a graceful stop). */
  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, `lease:${this.key}`, this.holder).catch(() => undefined);
  }
}
