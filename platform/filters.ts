import type { FilterQuery } from 'mongoose';

/**
 * The conjunction of filters as one flat object. FerretDB pushes only a filter's top-level
 * equalities into SQL, where indexes can serve them, and nothing inside an `$and`; so conditions
 * are merged key by key, and only operators (`$or`, …) and fields that two filters both
 * constrain go into an `$and`. MongoDB reads both shapes alike.
 */
export function allOf<T>(...filters: FilterQuery<T>[]): FilterQuery<T> {
  const flat: Record<string, unknown> = {};
  const rest: object[] = [];
  for (const filter of filters) {
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and') rest.push(...(value as object[]));
      else if (key.startsWith('$') || key in flat) rest.push({ [key]: value });
      else flat[key] = value;
    }
  }
  if (rest.length) flat.$and = rest;
  return flat as FilterQuery<T>;
}
