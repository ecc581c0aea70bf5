import DataLoader from 'dataloader';

/**
 * DataLoaders built fresh for every request: one database round trip per batch of keys,
 * results returned in key order. `fetch` must answer every key it can in one query.
 */
export function oneByKey<T>(fetch: (keys: string[]) => Promise<T[]>, keyOf: (item: T) => string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const found = new Map((await fetch([...keys])).map((item) => [keyOf(item), item]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

export function manyByKey<T>(fetch: (keys: string[]) => Promise<T[]>, keyOf: (item: T) => string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const item of await fetch([...keys])) groups.get(keyOf(item))?.push(item);
    return keys.map((k) => groups.get(k) ?? []);
  });
}
