import type { GraphQLError } from 'graphql';
import { appError, ErrorCode } from '../../platform/errors';
import { CircuitOpen } from '../../platform/resilience';

/**
 * What an adapter throws when an external system fails us (issue 17): the system, what kind of
 * failure, and what the system said. Adapters know nothing of GraphQL; each subgraph hands
 * `adapterErrorToGraphQL` to the platform, which maps these at the edge (Apollo's formatError and
 * the HTTP routes' error answer).
 */
export type UpstreamFailure =
  /** No usable answer: down, timed out, a 5xx, an answer we cannot read. */
  | 'unavailable'
  /** The system answered and said no (an error code, a 4xx). */
  | 'refused'
  /** Not called at all: its circuit is open after repeated failures. */
  | 'circuit-open';

/** What the system itself said, passed on to clients as extensions beside `serviceName`. */
export interface UpstreamDetails {
  /** The national portal's `error_code` ("03" invalid data, "04" not found, …). */
  portalErrorCode?: string;
}

export class UpstreamError extends Error {
  constructor(
    /** The system as clients see it in `serviceName`: population, npsp, sms, notify. */
    readonly system: string,
    readonly kind: UpstreamFailure,
    message: string,
    readonly details: UpstreamDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpstreamError';
  }

  /** The policy's circuit-open refusal (platform/resilience.ts), as this system's error. */
  static circuitOpen(err: CircuitOpen): UpstreamError {
    return new UpstreamError(err.system, 'circuit-open', err.message, {}, { cause: err });
  }
}

/** An adapter's failure as clients see it: UPSTREAM_UNAVAILABLE with serviceName and the system's details; undefined for any other error. */
export function adapterErrorToGraphQL(err: unknown): GraphQLError | undefined {
  if (!(err instanceof UpstreamError)) return undefined;
  return appError(ErrorCode.UPSTREAM_UNAVAILABLE, err.message, { serviceName: err.system, ...err.details });
}
