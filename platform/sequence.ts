import type { FilterQuery, Model } from 'mongoose';
import { isDuplicateKey } from './mongo';

/**
 * Gap-free numbers claimed by inserting under a unique _id (FerretDB v1 has no atomic counter):
 * a writer tries N+1 only after it saw N stored, so a reader that sees N+1 has N too. The last
 * number is remembered per process and read again after losing a race.
 */
export class GapFreeSequence {
  private last: number | undefined;

  constructor(private readonly latest: () => Promise<number>) {}

  /**
   * Stores with `insert(n)` under the next number. When an insert hits a unique key, `settled`
   * says whether the work was done some other way (its answer is returned) or the number was
   * just taken by another writer (undefined: the next number is tried).
   */
  async claim<T>(insert: (n: number) => Promise<T>, settled: () => Promise<{ value: T } | undefined>): Promise<T> {
    for (;;) {
      this.last ??= await this.latest();
      const next = this.last + 1;
      try {
        const value = await insert(next);
        this.last = next;
        return value;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        this.last = undefined;
        const done = await settled();
        if (done) return done.value;
      }
    }
  }

  /**
   * Claims `count` consecutive numbers with one ordered insert of them all. Answers the first
   * number and how many were stored from it: fewer than `count` when a number or another unique
   * key was taken, and then the rest must be claimed one by one with `claim`.
   */
  async claimRun(count: number, insertRun: (first: number) => Promise<void>): Promise<{ first: number; stored: number }> {
    this.last ??= await this.latest();
    const first = this.last + 1;
    try {
      await insertRun(first);
      this.last = first + count - 1;
      return { first, stored: count };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      this.last = undefined;
      // An ordered insert stops at the first refused document; those before it are stored.
      return { first, stored: (err as { insertedCount?: number }).insertedCount ?? 0 };
    }
  }
}

/**
 * The highest n such that `exists(1…n)`, for numbers without gaps: doubling, then halving, so
 * about 2·log₂ n lookups by key. A sort on the numbers would read the whole collection on
 * FerretDB, which pushes no sort into SQL.
 */
export async function highestNumber(exists: (n: number) => Promise<boolean>): Promise<number> {
  if (!(await exists(1))) return 0;
  let low = 1;
  let high = 2;
  while (await exists(high)) [low, high] = [high, high * 2];
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await exists(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/** The highest number stored under _id in a gap-free log. */
export const highestId = <T extends { _id: number }>(model: Model<T>) =>
  highestNumber(async (n) => (await model.exists({ _id: n } as FilterQuery<T>)) !== null);

/**
 * Entries of gap-free logs carry their block, ⌊n / BLOCK_SIZE⌋, indexed: reading on from a
 * number is then one equality query per block. `_id > n` would read the whole log on FerretDB,
 * which pushes no range into SQL (README, Design).
 */
export const BLOCK_SIZE = 256;
export const blockOf = (n: number) => Math.floor(n / BLOCK_SIZE);

/**
 * Entries numbered after `after`, in order, at most `limit`; stops at the end of the log. A log
 * may be one of many kept in one collection (`where`, e.g. one provider's), numbered in another
 * field than _id (`number`); its `block` is then the block of that number.
 */
export async function readAfter<T extends object>(
  model: Model<T>,
  after: number,
  limit: number,
  { where = {}, number = '_id' }: { where?: Record<string, unknown>; number?: string } = {},
): Promise<T[]> {
  const numberOf = (e: T) => (e as Record<string, unknown>)[number] as number;
  const out: T[] = [];
  const last = () => (out.length ? numberOf(out.at(-1)!) : after);
  for (let block = blockOf(after + 1); out.length < limit; block++) {
    const entries = ((await model.find({ ...where, block } as FilterQuery<T>).lean().exec()) as T[])
      .filter((e) => numberOf(e) > after)
      .sort((a, b) => numberOf(a) - numberOf(b));
    for (const e of entries) {
      // The first missing number is the end of the log: numbers have no gaps before it.
      if (numberOf(e) !== last() + 1 || out.length === limit) return out;
      out.push(e);
    }
    if (out.length === 0 || last() !== (block + 1) * BLOCK_SIZE - 1) return out;
  }
  return out;
}
