import type { ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, validate, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { appError, ErrorCode } from '../platform/errors';
import type { ClientType } from '../platform/principal';
import type { Budget } from './budgets';
import type { GatewayContext } from './context';
import type { createCostEstimator } from './cost';
import type { TrustedDocuments } from './trusted-documents';

/**
 * Refuses an operation that is too big for its client before the gateway plans it, so a refusal
 * costs milliseconds and touches no subgraph (issue 13): trusted documents, then the shape (depth,
 * aliases and directives by GraphQL Armor's rules, and root fields), then the estimated cost.
 * Tokens and size are limited earlier, by the parser (`parseOptions.maxTokens`) and the body cap.
 */
const tooComplex = (message: string, details: Record<string, unknown>) => appError(ErrorCode.QUERY_TOO_COMPLEX, message, details);

function rootFieldCount(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): number {
  let count = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) count += s.name.value === '__typename' ? 0 : 1;
    else if (s.kind === Kind.INLINE_FRAGMENT) count += rootFieldCount(s.selectionSet, document, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) count += rootFieldCount(fragment.selectionSet, document, seen);
    }
  }
  return count;
}

interface Verdict {
  message: string;
  details: Record<string, unknown>;
}

/** Why the operation's shape is over `budget`, or null. */
function shapeProblem(context: { schema: Parameters<typeof validate>[0]; document: DocumentNode; operation: OperationDefinitionNode }, budget: Budget): Verdict | null {
  const roots = rootFieldCount(context.operation.selectionSet, context.document);
  if (roots > budget.maxRootFields) {
    return { message: `the operation asks for ${roots} root fields; the limit is ${budget.maxRootFields}`, details: { limit: budget.maxRootFields, found: roots } };
  }
  // Armor's rules throw their first rejection (propagateOnRejection) rather than report it.
  const limits = { exposeLimits: true, propagateOnRejection: true };
  try {
    validate(context.schema, context.document, [
      maxDepthRule({ ...limits, n: budget.maxDepth, flattenFragments: true }),
      maxAliasesRule({ ...limits, n: budget.maxAliases }),
      maxDirectivesRule({ ...limits, n: budget.maxDirectives }),
    ]);
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return { message: err.message.replace(/^Syntax Error: /, ''), details: {} };
  }
  return null;
}

export function queryLimitsPlugin(options: {
  budgets: Record<ClientType, Budget>;
  estimate: ReturnType<typeof createCostEstimator>;
  trusted: TrustedDocuments;
}): ApolloServerPlugin<GatewayContext> {
  const { budgets, estimate, trusted } = options;
  // A document's shape is checked once per client type, and its cost once per set of variables:
  // partners send the same few operations (issue 15). The verdict is kept, not the error: every
  // refusal gets an error object of its own.
  const shapeVerdicts = new LRUCache<string, { verdict: Verdict | null }>({ max: 10_000 });
  const costs = new LRUCache<string, { cost: number } | { unpriced: string }>({ max: 10_000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          const { client } = rc.contextValue.principal;
          const budget = budgets[client];
          trusted.check(client, rc.queryHash);
          // Only signed-in clients may add to the persisted queries; an anonymous one just runs.
          if (client === 'anonymous') rc.metrics.persistedQueryRegister = false;

          const key = `${client}:${rc.queryHash}:${rc.operationName ?? ''}`;
          let shape = shapeVerdicts.get(key);
          if (!shape) {
            shape = { verdict: shapeProblem({ schema: rc.schema, document: rc.document, operation: rc.operation }, budget) };
            shapeVerdicts.set(key, shape);
          }
          if (shape.verdict) throw tooComplex(shape.verdict.message, shape.verdict.details);

          const costKey = `${rc.queryHash}:${rc.operationName ?? ''}:${JSON.stringify(rc.request.variables ?? {})}`;
          let priced = costs.get(costKey);
          if (!priced) {
            try {
              priced = { cost: estimate(rc.schema, rc.document, rc.operationName ?? undefined, rc.request.variables) };
            } catch (err) {
              priced = { unpriced: (err as Error).message };
            }
            // Long variables (an intake's input) are priced each time rather than kept: the cache stays small.
            if (costKey.length <= 2_048) costs.set(costKey, priced);
          }
          if ('unpriced' in priced) throw tooComplex(`the operation cannot be priced: ${priced.unpriced}`, { limit: budget.maxCost });
          const { cost } = priced;
          rc.contextValue.cost = cost;
          if (cost > budget.maxCost) {
            throw tooComplex(
              `the operation's estimated cost is ${cost}, over the limit of ${budget.maxCost} for ${client} clients; ` +
                'ask for fewer items (first) or fewer nested lists',
              { cost, limit: budget.maxCost },
            );
          }
        },
      };
    },
  };
}
