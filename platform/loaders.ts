import DataLoader from 'dataloader';

/**
 * DataLoaders built fresh for every request, answering a batch with one equality query per
 * distinct key, all sent at once. Not one `$in` for the batch: FerretDB pushes only top-level
 * equality into SQL, so an `$in` reads the whole collection there, while each equality is an
 * index lookup there as on MongoDB (README, Design).
 */
export function oneByKey<T>(fetch: (key: string) => Promise<T | null | undefined>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>((keys) => Promise.all(keys.map(async (k) => (await fetch(k)) ?? null)));
}

export function manyByKey<T>(fetch: (key: string) => Promise<T[]>): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>((keys) => Promise.all(keys.map(fetch)));
}
