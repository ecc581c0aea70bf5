import { z } from 'zod';
import { CLIENT_TYPES, type ClientType } from '../platform/principal';

/**
 * What one client type may spend (issue 13): the shape of its operations (checked before
 * planning), its estimated cost (gateway/cost.ts), how long a request may run, and its fair share
 * (per client key: requests a minute and requests at once). Tune them with CLIENT_BUDGETS, a JSON
 * object of overrides per client type, e.g. {"ivan":{"requestsPerMinute":6000}}.
 */
export interface Budget {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  maxCost: number;
  deadlineMs: number;
  requestsPerMinute: number;
  maxConcurrent: number;
}

/**
 * Why these numbers: the heaviest legitimate operations of each client (README, Security) fit
 * with room; an I-VAN partner polls and files in bulk, so it gets the most requests; a dashboard
 * reads wide pages and figures, so it gets the most cost and time but few requests at once; an
 * anonymous caller gets a public lookup's worth.
 */
export const DEFAULT_BUDGETS: Record<ClientType, Budget> = {
  anonymous: { maxDepth: 8, maxAliases: 5, maxRootFields: 3, maxDirectives: 5, maxCost: 500, deadlineMs: 5_000, requestsPerMinute: 120, maxConcurrent: 4 },
  citizen: { maxDepth: 10, maxAliases: 10, maxRootFields: 5, maxDirectives: 10, maxCost: 2_000, deadlineMs: 10_000, requestsPerMinute: 300, maxConcurrent: 8 },
  ivan: { maxDepth: 10, maxAliases: 20, maxRootFields: 10, maxDirectives: 10, maxCost: 5_000, deadlineMs: 10_000, requestsPerMinute: 3_000, maxConcurrent: 32 },
  npsp: { maxDepth: 10, maxAliases: 20, maxRootFields: 10, maxDirectives: 10, maxCost: 5_000, deadlineMs: 15_000, requestsPerMinute: 3_000, maxConcurrent: 16 },
  officer: { maxDepth: 12, maxAliases: 20, maxRootFields: 10, maxDirectives: 10, maxCost: 10_000, deadlineMs: 15_000, requestsPerMinute: 1_200, maxConcurrent: 16 },
  dashboard: { maxDepth: 12, maxAliases: 30, maxRootFields: 15, maxDirectives: 20, maxCost: 20_000, deadlineMs: 20_000, requestsPerMinute: 600, maxConcurrent: 8 },
};

const positive = z.number().int().positive();
const FIGURES = Object.keys(DEFAULT_BUDGETS.ivan);
const notA = (what: string, known: readonly string[]) => (issue: z.core.$ZodRawIssue) =>
  issue.code === 'unrecognized_keys' ? `"${issue.keys.join('", "')}" is not a ${what} (${known.join(', ')})` : undefined;
const Override = z.strictObject({
  maxDepth: positive, maxAliases: positive, maxRootFields: positive, maxDirectives: positive,
  maxCost: positive, deadlineMs: positive.max(300_000), requestsPerMinute: positive, maxConcurrent: positive,
}, { error: notA('budget figure', FIGURES) }).partial();
const Overrides = z.partialRecord(z.enum(CLIENT_TYPES), Override, { error: notA('client type', CLIENT_TYPES) });

/** CLIENT_BUDGETS as a gateway setting (gateway/config.ts): the defaults with its overrides applied. */
export const CLIENT_BUDGETS = z
  .string()
  .optional()
  .transform((json, ctx): unknown => {
    if (json === undefined) return {};
    try {
      return JSON.parse(json);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON: give an object such as {"ivan":{"maxCost":8000}}' });
      return z.NEVER;
    }
  })
  .pipe(Overrides)
  .transform((overrides) => Object.fromEntries(CLIENT_TYPES.map((c) => [c, { ...DEFAULT_BUDGETS[c], ...overrides[c] }])) as Record<ClientType, Budget>);
