import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import type { Logger } from './logger';
import type { Principal } from './principal';
import type { ServiceConfig } from './config';

/** What every subgraph request carries before its domain adds loaders and services. */
export interface RequestBase {
  principal: Principal;
  requestId: string;
  logger: Logger;
  /** Who the caller is for rate limits, as the gateway keys fair shares: ivan:<provider>, <client>:<subject> or ip:<address>. */
  clientKey?: string;
  /** The internal token of this request, for calls to sibling subgraphs on the caller's behalf. */
  internalToken?: string;
}

/** Who a service acts for: every service is called as `(ctx, input)`, with ctx holding at least this. */
export type Caller = Pick<RequestBase, 'principal' | 'requestId' | 'internalToken'>;

/** A subgraph's long-lived dependencies, created once per process. */
export interface SubgraphDeps {
  db: Connection;
  redis: Redis;
  logger: Logger;
  config: ServiceConfig;
}

/**
 * Makes `create` run once per process (per set of dependencies) and hands back the same value
 * afterwards: for a subgraph's long-lived clients and settings, built from its deps on first use.
 */
export function perProcess<T>(create: (deps: SubgraphDeps) => T): (deps: SubgraphDeps) => T {
  const made = new WeakMap<SubgraphDeps, T>();
  return (deps) => {
    if (!made.has(deps)) made.set(deps, create(deps));
    return made.get(deps)!;
  };
}
