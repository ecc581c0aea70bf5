import { GraphQLError } from 'graphql';

/** The one set of `extensions.code` values every service uses. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  /** An operation over its client's depth, alias, cost or other budget; refused before any work (issue 13). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The request's deadline passed; what resolved before it is still returned. */
  GATEWAY_TIMEOUT: 'GATEWAY_TIMEOUT',
  /** A document outside the client's trusted-documents safelist. */
  OPERATION_NOT_TRUSTED: 'OPERATION_NOT_TRUSTED',
  /** An answer larger than the response cap; ask for less. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** The server sheds load (HTTP 503 with Retry-After); safe to retry later. */
  OVERLOADED: 'OVERLOADED',
  /** A file too large to accept (HTTP 413 on upload routes). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** Stored data failed its check (a document's hash or signature): it is reported, never served as valid. */
  INTEGRITY_FAILED: 'INTEGRITY_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status of each code when it answers a whole request (a route, a refusal at the door). */
export const HTTP_STATUS: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409, INTEGRITY_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413, RATE_LIMITED: 429, UPSTREAM_UNAVAILABLE: 502, QUERY_TOO_COMPLEX: 400,
  OPERATION_NOT_TRUSTED: 403, OVERLOADED: 503, GATEWAY_TIMEOUT: 504,
};
/** Codes that refuse a GraphQL request as a whole, so its HTTP status is theirs; others sit beside partial data. */
const WHOLE_REQUEST = new Set<ErrorCode>(['UNAUTHENTICATED', 'QUERY_TOO_COMPLEX', 'OPERATION_NOT_TRUSTED']);

/** A GraphQL error a client can act on: a stable code plus a message for a partner's developer. */
export function appError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  const status = WHOLE_REQUEST.has(code) ? HTTP_STATUS[code] : undefined;
  return new GraphQLError(message, {
    extensions: { code, ...details, ...(status ? { http: { status } } : {}) },
  });
}

/**
 * Turns an error of a layer the platform does not know (an adapter's) into the GraphQL error clients
 * get; undefined when the error is not its to map. Subgraphs hand one to the platform.
 */
export type ErrorMapper = (err: unknown) => GraphQLError | undefined;

export const badInput = (message: string, details?: Record<string, unknown>) =>
  appError(ErrorCode.BAD_USER_INPUT, message, details);
/** One field's problem, as `extensions.inputErrors` lists them. */
export interface InputError {
  field: string;
  message: string;
  /** A stable word for why, where a field can fail in several ways a program tells apart (e.g. a signature's SIGNATURE_INVALID). */
  reason?: string;
}

/** BAD_USER_INPUT naming every bad field at once, so a caller fixes them in one go. */
export const invalidInput = (errors: InputError[]) =>
  badInput(errors.map((e) => `${e.field}: ${e.message}`).join('; '), { inputErrors: errors });
export const unauthenticated = (message: string) => appError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message: string) => appError(ErrorCode.FORBIDDEN, message);
export const notFound = (message: string) => appError(ErrorCode.NOT_FOUND, message);
