import type { FilterQuery, Model } from 'mongoose';
import { badInput } from './errors';
import { allOf } from './filters';

/**
 * Keyset (cursor) pagination over one sort field plus a unique tie-breaker, so pages stay stable
 * while documents are inserted. On MongoDB a page is one indexed range scan; FerretDB sorts in
 * memory whatever the filter's top-level equalities select, so there a page costs the size of
 * that equality bucket (README, Design: lists).
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface SortOrder {
  field: string;
  direction: 1 | -1;
  /** A unique field that breaks ties (e.g. the dossier code). */
  tieBreaker: string;
}

type CursorValue = string | number | { d: string };

function encodeValue(v: unknown): CursorValue {
  if (v instanceof Date) return { d: v.toISOString() };
  if (typeof v === 'string' || typeof v === 'number') return v;
  throw new Error(`cannot build a cursor from ${typeof v}`);
}

function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && 'd' in v && typeof v.d === 'string') {
    const date = new Date(v.d);
    if (Number.isNaN(date.getTime())) throw new Error('bad date');
    return date;
  }
  if (typeof v === 'string' || typeof v === 'number') return v;
  throw new Error('bad cursor value');
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values.map(encodeValue))).toString('base64url');
}

/** Decodes a cursor; `shape`, when given, is the type each value must have ('date' or 'string'). */
export function decodeCursor(cursor: string, shape?: ('date' | 'string')[]): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(values) || values.length !== 2) throw new Error('shape');
    const decoded = values.map(decodeValue);
    shape?.forEach((type, i) => {
      if (type === 'date' ? !(decoded[i] instanceof Date) : typeof decoded[i] !== 'string') throw new Error('shape');
    });
    return decoded;
  } catch {
    throw badInput('`after` is not a cursor returned by this list; pass pageInfo.endCursor from the previous page', {
      argument: 'after',
    });
  }
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}, got ${n}`, { argument: 'first' });
  }
  return n;
}

export async function keysetPage<T>(
  model: Model<T>,
  filter: FilterQuery<T>,
  order: SortOrder,
  args: PageArgs,
): Promise<Page<T>> {
  const limit = pageSize(args.first);
  const { field, tieBreaker, direction } = order;
  const cmp = direction === 1 ? '$gt' : '$lt';
  let query: FilterQuery<T> = filter;
  if (args.after) {
    const [value, tie] = decodeCursor(args.after);
    query = allOf<T>(filter, { $or: [{ [field]: { [cmp]: value } }, { [field]: value, [tieBreaker]: { [cmp]: tie } }] } as FilterQuery<T>);
  }
  const docs = (await model
    .find(query)
    .sort({ [field]: direction, [tieBreaker]: direction })
    .limit(limit + 1)
    .lean()
    .exec()) as T[];
  const hasNextPage = docs.length > limit;
  const edges = docs.slice(0, limit).map((node) => {
    const rec = node as Record<string, unknown>;
    return { cursor: encodeCursor([rec[field], rec[tieBreaker]]), node };
  });
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
