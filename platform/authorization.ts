import {
  defaultFieldResolver,
  getDirectiveValues,
  isObjectType,
  type DirectiveNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { RequestBase } from './context';
import { forbidden } from './errors';
import type { HttpRoute } from './http';
import { isClientType, type ClientType, type Principal } from './principal';

/**
 * Authorization as the SDL declares it (issue 17). Every field says who may resolve it, on itself
 * or on its type, and both apply when both say something:
 * - `@public` (ours, declared in each SDL): anyone, anonymous callers too;
 * - `@authenticated`: any signed-in caller;
 * - `@requiresScopes(scopes: [["a", "b"], ["c"]])`: a token carrying a and b, or carrying c;
 * - `@policy(policies: [["officer", "dossier:process"], ["ivan"]])`: where the kind of caller
 *   matters. Each name is a client type or a scope; a caller passes an inner list when it is of
 *   that type and holds those scopes, and the field when it passes any one list.
 * This module reads them from the built schema and wraps each field's resolver, so a refusal is
 * the same FORBIDDEN, with the same message, whichever subgraph gives it. Which rows a caller
 * sees (its own dossiers, its agency's) stays with the services.
 */

/** One way to pass: of this client type (any when absent), holding every one of these scopes. */
interface Alternative {
  client?: ClientType;
  scopes: string[];
}

/** What one directive asks: a signed-in caller for @authenticated (`anyOf` empty), else any one of `anyOf`. */
export interface Requirement {
  directive: 'authenticated' | 'requiresScopes' | 'policy';
  anyOf: Alternative[];
}

/** A field's policy: `public`, or requirements that must all hold (its type's and its own). */
export type Policy = 'public' | Requirement[];

/** A REST route's policy, in the SDL's words (routes carry no directives). */
export type RoutePolicy = 'public' | 'authenticated' | { requiresScopes: string[][] } | { policy: string[][] };

/** A route beside /graphql as a subgraph declares it: with its policy, checked before `handle`. */
export interface SubgraphRoute<C extends RequestBase> extends HttpRoute<C> {
  policy: RoutePolicy;
  /** Runs when the policy refuses the caller, before the refusal is sent (e.g. to audit it). */
  refused?(ctx: C, refusal: GraphQLError, match: RegExpMatchArray): Promise<void>;
}

const SCOPE = /^[a-z]+:[a-z]+$/;

const SIGN_IN = 'sign in first: this field needs a bearer token (anonymous callers may use public lookups only)';

const CALLERS: Record<ClientType, string> = {
  ivan: 'I-VAN providers',
  npsp: 'the national portal',
  dashboard: 'dashboards',
  officer: 'officers',
  citizen: 'citizens',
  anonymous: 'anonymous callers',
};

const scopesPhrase = (scopes: string[]) => (scopes.length === 1 ? `the ${scopes[0]} scope` : `the ${scopes.join(' and ')} scopes`);

function alternativeOf(names: readonly string[], where: string): Alternative {
  const clients = names.filter(isClientType);
  const scopes = names.filter((n) => !isClientType(n));
  const bad = scopes.find((s) => !SCOPE.test(s));
  if (bad !== undefined) throw new Error(`${where}: "${bad}" is neither a client type nor a scope like dossier:read`);
  if (clients.length > 1) throw new Error(`${where}: [${names.join(', ')}] names two client types, which no caller can be at once`);
  if (clients.length === 0 && scopes.length === 0) throw new Error(`${where}: an empty list would let anyone in; say @public instead`);
  return { client: clients[0], scopes };
}

function requirementOf(directive: Requirement['directive'], lists: readonly (readonly string[])[], where: string): Requirement {
  if (directive === 'authenticated') return { directive, anyOf: [] };
  if (lists.length === 0) throw new Error(`${where}: @${directive} with no list lets nobody in`);
  const anyOf = lists.map((names) => alternativeOf(names, where));
  if (directive === 'requiresScopes' && anyOf.some((a) => a.client)) throw new Error(`${where}: @requiresScopes names scopes only; use @policy for client types`);
  return { directive, anyOf };
}

const passes = (p: Principal, r: Requirement) =>
  r.directive === 'authenticated'
    ? p.client !== 'anonymous'
    : r.anyOf.some((a) => (!a.client || a.client === p.client) && a.scopes.every((s) => p.scopes.includes(s)));

function refusalMessage(r: Requirement): string {
  if (r.directive === 'requiresScopes') return `this needs ${r.anyOf.map((a) => scopesPhrase(a.scopes)).join(' or ')}, which your token does not carry`;
  const who = r.anyOf.map((a) => `${a.client ? CALLERS[a.client] : 'callers'}${a.scopes.length ? ` with ${scopesPhrase(a.scopes)}` : ''}`);
  return `this is for ${who.join(', or ')}`;
}

/** The refusal `p` gets under `policy`, or null when it may go on. */
export function refusalOf(p: Principal, policy: Policy): GraphQLError | null {
  if (policy === 'public') return null;
  const failed = policy.find((r) => !passes(p, r));
  if (!failed) return null;
  return forbidden(p.client === 'anonymous' ? SIGN_IN : refusalMessage(failed));
}

/** What the directives of one element (a type or a field) say; `public` true for @public. */
function directivesOf(schema: GraphQLSchema, node: { readonly directives?: readonly DirectiveNode[] } | null | undefined, where: string) {
  const found: { public: boolean; requirements: Requirement[] } = { public: false, requirements: [] };
  if (!node?.directives?.length) return found;
  const definition = (name: string) => schema.getDirective(name) ?? schema.getDirective(`federation__${name}`);
  for (const name of ['public', 'authenticated', 'requiresScopes', 'policy'] as const) {
    const def = definition(name);
    const args = def && getDirectiveValues(def, node);
    if (!args) continue;
    if (name === 'public') found.public = true;
    else found.requirements.push(requirementOf(name, (args.scopes ?? args.policies ?? []) as string[][], where));
  }
  return found;
}

/** Fields Apollo's subgraph library adds for the gateway; only the gateway calls them, with its own token. */
const FEDERATION_FIELDS = new Set(['_entities', '_service']);
const isOurs = (type: GraphQLObjectType) => !type.name.startsWith('__') && type.name !== '_Service';

export interface FieldPolicy {
  /** Type.field */
  coordinate: string;
  /** Null when neither the field nor its type says who may resolve it. */
  policy: Policy | null;
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}

/** Every field of the schema's object types with its policy (the federation fields aside). */
export function fieldPolicies(schema: GraphQLSchema): FieldPolicy[] {
  const out: FieldPolicy[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !isOurs(type)) continue;
    const ofType = [type.astNode, ...type.extensionASTNodes].map((n) => directivesOf(schema, n, type.name));
    const typePublic = ofType.some((d) => d.public);
    const typeRequirements = ofType.flatMap((d) => d.requirements);
    for (const field of Object.values(type.getFields())) {
      if (type === schema.getQueryType() && FEDERATION_FIELDS.has(field.name)) continue;
      const coordinate = `${type.name}.${field.name}`;
      const own = directivesOf(schema, field.astNode, coordinate);
      const requirements = [...typeRequirements, ...own.requirements];
      if ((typePublic || own.public) && requirements.length) {
        throw new Error(`${coordinate}: @public beside @authenticated, @requiresScopes or @policy (on the field or its type) says two things; keep one`);
      }
      const policy: Policy | null = requirements.length ? requirements : typePublic || own.public ? 'public' : null;
      out.push({ coordinate, policy, type, field: field as GraphQLField<unknown, unknown> });
    }
  }
  return out;
}

/**
 * Wraps the resolver of every field that is not public with its policy's check, in place, and
 * returns the schema. A field without a policy stops the subgraph at start: nothing is open by
 * being forgotten.
 */
export function enforcePolicies(schema: GraphQLSchema): GraphQLSchema {
  const fields = fieldPolicies(schema);
  const missing = fields.filter((f) => f.policy === null).map((f) => f.coordinate);
  if (missing.length) throw new Error(`no authorization policy (@public, @authenticated, @requiresScopes or @policy) on ${missing.join(', ')}`);
  for (const { field, policy } of fields) {
    if (policy === 'public' || policy === null) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx, info) => {
      const refusal = refusalOf((ctx as RequestBase).principal, policy);
      if (refusal) throw refusal;
      return resolve(source, args, ctx, info);
    };
  }
  return schema;
}

/** A route's policy as the field policies read. */
export function routePolicy(policy: RoutePolicy, where: string): Policy {
  if (policy === 'public') return 'public';
  if (policy === 'authenticated') return [requirementOf('authenticated', [], where)];
  if ('requiresScopes' in policy) return [requirementOf('requiresScopes', policy.requiresScopes, where)];
  return [requirementOf('policy', policy.policy, where)];
}

/** The route as served: its policy checked on the caller before its handler runs. */
export function guardRoute<C extends RequestBase>(route: SubgraphRoute<C>): HttpRoute<C> {
  const policy = routePolicy(route.policy, `${route.method} ${route.path}`);
  // A public route may authenticate its caller itself (a webhook's signature): no token is asked for.
  if (policy === 'public') return route;
  return {
    method: route.method,
    path: route.path,
    async handle(req, res, match, context) {
      const ctx = await context();
      const refusal = refusalOf(ctx.principal, policy);
      if (refusal) {
        await route.refused?.(ctx, refusal, match);
        throw refusal;
      }
      return route.handle(req, res, match, async () => ctx);
    },
  };
}

/** The scopes a policy names, for the check that every granted scope is asked for somewhere. */
export const scopesIn = (policy: Policy | null): string[] =>
  policy === 'public' || policy === null ? [] : policy.flatMap((r) => r.anyOf.flatMap((a) => a.scopes));
