import { z } from 'zod';
import { ConfigError } from '../platform/config';
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
const Override = z.strictObject({
  maxDepth: positive, maxAliases: positive, maxRootFields: positive, maxDirectives: positive,
  maxCost: positive, deadlineMs: positive.max(300_000), requestsPerMinute: positive, maxConcurrent: positive,
}).partial();
const Overrides = z.partialRecord(z.enum(CLIENT_TYPES), Override);

/** The defaults with CLIENT_BUDGETS applied; a bad value stops the gateway at start with one line. */
export function loadBudgets(json: string | undefined): Record<ClientType, Budget> {
  if (!json) return DEFAULT_BUDGETS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError('CLIENT_BUDGETS is not JSON: give an object such as {"ivan":{"maxCost":8000}}');
  }
  const result = Overrides.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = ['CLIENT_BUDGETS', ...issue.path].join('.');
    if (issue.code === 'unrecognized_keys') {
      throw new ConfigError(`${where}: "${issue.keys.join('", "')}" is not a ${issue.path.length ? 'budget figure' : 'client type'} (${issue.path.length ? Object.keys(DEFAULT_BUDGETS.ivan).join(', ') : CLIENT_TYPES.join(', ')})`);
    }
    throw new ConfigError(`${where}: ${issue.message}`);
  }
  return Object.fromEntries(CLIENT_TYPES.map((c) => [c, { ...DEFAULT_BUDGETS[c], ...result.data[c] }])) as Record<ClientType, Budget>;
}
