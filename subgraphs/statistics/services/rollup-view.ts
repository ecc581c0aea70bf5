import type { RollupStore, Segment } from './rollup-store';

/**
 * This process's copy of the rollup hashes it has read, each kept with its version: a query asks
 * Redis for the versions of the hashes it needs (one round trip) and reloads only those that
 * changed, so figures are current on every query and a year of months is not read again and again.
 */
const EMPTY: Promise<Segment> = Promise.resolve(new Map());

export class RollupView {
  private gen = 0;
  private readonly cache = new Map<string, { version: number; cells: Promise<Segment> }>();
  private months: { version: number; list: string[] } = { version: 0, list: [] };

  constructor(readonly store: RollupStore) {}

  private async generation(): Promise<number> {
    const { current } = await this.store.generations();
    if (current !== this.gen) {
      this.cache.clear();
      this.months = { version: 0, list: [] };
      this.gen = current;
    }
    return current;
  }

  /** The hashes named (`d:YYYY-MM-DD`, `m:YYYY-MM`), current. Concurrent queries share a load in flight. */
  async segments(names: string[]): Promise<Segment[]> {
    const gen = await this.generation();
    const versions = await this.store.versions(gen, names);
    return Promise.all(
      names.map((name, i) => {
        // A hash that does not exist is not remembered: periods asked for are the caller's choice.
        if (!versions[i]) return EMPTY;
        const cached = this.cache.get(name);
        if (cached && cached.version === versions[i]) return cached.cells;
        const cells = this.store.load(gen, name);
        this.cache.set(name, { version: versions[i]!, cells });
        cells.catch(() => this.cache.get(name)?.cells === cells && this.cache.delete(name));
        return cells;
      }),
    );
  }

  /** Months that have figures, oldest first (read again when a month was added). */
  async knownMonths(): Promise<string[]> {
    const gen = await this.generation();
    const [version] = await this.store.versions(gen, ['months']);
    if (version !== this.months.version) this.months = { version: version!, list: await this.store.months(gen) };
    return this.months.list;
  }
}
