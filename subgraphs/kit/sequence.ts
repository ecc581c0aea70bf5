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
}
