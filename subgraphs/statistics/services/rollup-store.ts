import type { ChainableCommander, Redis } from 'ioredis';
import type { DossierEvent } from '../../../platform/events';
import { contributionsOf, METRIC_INDEX, METRICS } from './figures';

/**
 * The rollups of R-STA-1 in Redis, one hash per Vietnam day (`d:YYYY-MM-DD`) and per month
 * (`m:YYYY-MM`), fields `<agency>|<procedure>|<channel>|<metric>`. Why Redis: FerretDB v1 applies
 * no `$inc` atomically and reads a whole collection for any query, while HINCRBY is atomic and
 * a hash is read by key. The rollups are derived data: the dossier event log is the record, and
 * `rebuild` makes them again from it.
 *
 * Each event is applied by one Lua script, atomically: it marks (dossier, seq) as seen and adds the
 * event's contributions, or does nothing when the event was seen before — so redelivery, replay
 * and several consumers leave the figures exact, in whatever order events come. Every change bumps
 * the hash's version, which readers use to know what to reload.
 *
 * Generations: the figures live under `stats:g<n>:`; a rebuild fills generation n+1 while the live
 * consumer writes to both, then switches `stats:generation` to it.
 */
const APPLY = `
local seq = tonumber(ARGV[2]) - 1
local field = ARGV[1] .. '#' .. math.floor(seq / 48)
local bit = 2 ^ (seq % 48)
local mask = tonumber(redis.call('HGET', KEYS[1], field) or '0')
if math.floor(mask / bit) % 2 == 1 then return 0 end
redis.call('HSET', KEYS[1], field, mask + bit)
for i = 5, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[4], ARGV[i], ARGV[i + 1])
  redis.call('HINCRBY', KEYS[5], ARGV[i], ARGV[i + 1])
end
redis.call('HINCRBY', KEYS[2], 'd:' .. ARGV[3], 1)
redis.call('HINCRBY', KEYS[2], 'm:' .. ARGV[4], 1)
if redis.call('SADD', KEYS[3], ARGV[4]) == 1 then redis.call('HINCRBY', KEYS[2], 'months', 1) end
return 1
`;

interface WithApply {
  statsApply(...args: (string | number)[]): Promise<number>;
}

/** A cell of a day or month: its dimensions and one value per metric (METRICS order). */
export interface Cell {
  agency: string;
  procedure: string;
  channel: string;
  values: Float64Array;
}

export type Segment = Map<string, Cell>;

export class RollupStore {
  constructor(private readonly redis: Redis, private readonly ns = 'stats') {
    if (!('statsApply' in redis)) redis.defineCommand('statsApply', { numberOfKeys: 5, lua: APPLY });
  }

  private key(gen: number, suffix: string) {
    return `${this.ns}:g${gen}:${suffix}`;
  }

  /** The generation readers use, and the one a rebuild is filling (writers apply to both). */
  async generations(): Promise<{ current: number; rebuilding: number | null }> {
    const [current, rebuilding] = await this.redis.mget(`${this.ns}:generation`, `${this.ns}:rebuilding`);
    return { current: Number(current ?? 1), rebuilding: rebuilding ? Number(rebuilding) : null };
  }

  private queue(pipe: ChainableCommander, gen: number, e: DossierEvent) {
    const contributions = contributionsOf(e);
    if (!contributions.length) return false;
    const day = contributions[0]!.day;
    const args = contributions.flatMap((c) => Object.entries(c.deltas).flatMap(([m, n]) => [`${c.agency}|${c.procedure}|${c.channel}|${m}`, String(n)]));
    (pipe as unknown as WithApply).statsApply(
      this.key(gen, 'seen'), this.key(gen, 'ver'), this.key(gen, 'months'), this.key(gen, `d:${day}`), this.key(gen, `m:${day.slice(0, 7)}`),
      e.dossierCode, e.seq, day, day.slice(0, 7), ...args,
    );
    return true;
  }

  /** Applies events to the given generations (default: the live ones); answers how many were new to the first. */
  async apply(events: DossierEvent[], gens?: number[]): Promise<number> {
    const targets = gens ?? Object.values(await this.generations()).filter((g): g is number => g !== null);
    const pipe = this.redis.pipeline();
    const queued: boolean[] = [];
    for (const e of events) for (const [i, g] of targets.entries()) {
      const q = this.queue(pipe, g, e);
      if (i === 0) queued.push(q);
    }
    const results = (await pipe.exec()) ?? [];
    const failed = results.find(([err]) => err);
    if (failed) throw failed[0];
    let n = 0;
    let r = 0;
    for (const q of queued) {
      if (!q) continue;
      if (results[r]![1] === 1) n += 1;
      r += targets.length;
    }
    return n;
  }

  async versions(gen: number, names: string[]): Promise<number[]> {
    if (!names.length) return [];
    return (await this.redis.hmget(this.key(gen, 'ver'), ...names)).map((v) => Number(v ?? 0));
  }

  /** The months that have figures, oldest first. */
  async months(gen: number): Promise<string[]> {
    return (await this.redis.smembers(this.key(gen, 'months'))).sort();
  }

  async load(gen: number, name: string): Promise<Segment> {
    const raw = await this.redis.hgetall(this.key(gen, name));
    const cells: Segment = new Map();
    for (const [field, value] of Object.entries(raw)) {
      const cut = field.lastIndexOf('|');
      const metric = METRIC_INDEX.get(field.slice(cut + 1));
      if (metric === undefined) continue;
      const id = field.slice(0, cut);
      let cell = cells.get(id);
      if (!cell) {
        const [agency, procedure, channel] = id.split('|') as [string, string, string];
        cell = { agency, procedure, channel, values: new Float64Array(METRICS.length) };
        cells.set(id, cell);
      }
      cell.values[metric] = Number(value);
    }
    return cells;
  }

  /** Starts filling a new generation from nothing; the live consumer writes to it too from now on. */
  async beginRebuild(): Promise<number> {
    const { current, rebuilding } = await this.generations();
    const next = Math.max(current, rebuilding ?? 0) + 1;
    await this.drop(next);
    await this.redis.set(`${this.ns}:rebuilding`, String(next));
    return next;
  }

  /** Makes the rebuilt generation the one readers use, and drops the old one. */
  async finishRebuild(gen: number): Promise<void> {
    const { current } = await this.generations();
    await this.redis.multi().set(`${this.ns}:generation`, String(gen)).del(`${this.ns}:rebuilding`).exec();
    if (current !== gen) await this.drop(current);
  }

  private async drop(gen: number): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.ns}:g${gen}:*`, 'COUNT', 1000);
      if (keys.length) await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}
