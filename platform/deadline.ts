import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Schema } from 'mongoose';
import { appError, ErrorCode } from './errors';

/**
 * Every request runs against a deadline (R-Q-1, issue 13). The gateway decides it per client type
 * and sends each subgraph the time that is left in this header; the subgraph's HTTP front opens
 * a scope with it, and everything below reads the scope: database reads carry `maxTimeMS`, adapter
 * calls take `deadlineSignal()`, and a query stops resolving fields once it has passed. The scope
 * also ends when the caller goes away, so nobody works for a client that has given up.
 */
export const DEADLINE_HEADER = 'x-vss-deadline-ms';

/** A subgraph's deadline when its caller sent none (a sibling's call, a script): never unbounded. */
export const DEFAULT_SUBGRAPH_DEADLINE_MS = 30_000;

/** The time a subgraph request may take: what the gateway said is left, at most the default. */
export function deadlineFromHeader(value: string | string[] | undefined): number {
  const ms = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : DEFAULT_SUBGRAPH_DEADLINE_MS;
  return Math.min(ms, DEFAULT_SUBGRAPH_DEADLINE_MS);
}

interface DeadlineScope {
  at: number;
  signal: AbortSignal;
  /** Mutations finish what they started: a write cut in the middle would be half a change. */
  readsOnly: boolean;
}

const scope = new AsyncLocalStorage<DeadlineScope>();

/** Runs `work` with a deadline `ms` from now that also passes when `cancelled` aborts. */
export function withDeadline<T>(ms: number, cancelled: AbortSignal, work: () => T): T {
  const signal = AbortSignal.any([AbortSignal.timeout(Math.max(1, ms)), cancelled]);
  return scope.run({ at: Date.now() + ms, signal, readsOnly: false }, work);
}

/** Milliseconds left for the current request; undefined outside one (background work). */
export function remainingMs(): number | undefined {
  const s = scope.getStore();
  return s ? Math.max(0, s.at - Date.now()) : undefined;
}

/** Aborts when the current request's deadline passes or its caller leaves; undefined outside one. */
export function deadlineSignal(): AbortSignal | undefined {
  return scope.getStore()?.signal;
}

/** `own` (an adapter's own timeout), cut short by the current request's deadline. */
export function withinDeadline(own: AbortSignal): AbortSignal {
  const deadline = deadlineSignal();
  return deadline ? AbortSignal.any([own, deadline]) : own;
}

export function deadlinePassed(what = 'the request'): Error {
  return appError(ErrorCode.GATEWAY_TIMEOUT, `${what} did not finish before the request's deadline; try again, or ask for less`);
}

/** Throws GATEWAY_TIMEOUT when the current read-only request is out of time. */
export function checkDeadline(what?: string): void {
  const s = scope.getStore();
  if (s?.readsOnly && s.signal.aborted) throw deadlinePassed(what);
}

/** Time a database read may take: what is left of the current query's deadline. */
function readTimeMs(): number | undefined {
  const s = scope.getStore();
  if (!s?.readsOnly) return undefined;
  checkDeadline('a database read');
  return Math.max(1, s.at - Date.now());
}

/**
 * A mongoose plugin (registered for every model in platform/mongo.ts): reads made for a query carry
 * `maxTimeMS`, so the database stops with the caller. MongoDB and FerretDB both honour it.
 */
export function deadlinePlugin(schema: Schema): void {
  schema.pre(['find', 'findOne', 'countDocuments', 'distinct'], function () {
    const ms = readTimeMs();
    if (ms !== undefined) this.maxTimeMS(ms);
  });
  schema.pre('aggregate', function () {
    const ms = readTimeMs();
    if (ms !== undefined) this.option({ maxTimeMS: ms });
  });
}

/** Options for a read through the driver itself (`collection.findOne(filter, readOptions())`). */
export function readOptions(): { maxTimeMS?: number } {
  const ms = readTimeMs();
  return ms === undefined ? {} : { maxTimeMS: ms };
}

/**
 * Marks queries as read-only for the scope (so their reads are bounded) and stops resolving their
 * fields once the deadline has passed: what resolved by then is returned with the error.
 */
export function deadlineApolloPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          const s = scope.getStore();
          if (s) s.readsOnly = operation?.operation === 'query';
        },
        async executionDidStart() {
          return { willResolveField: () => checkDeadline() };
        },
      };
    },
  };
}
