import { createHmac } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { adapterErrorToGraphQL } from '../../../adapters/lib/errors';
import type { Context } from '../context';

/**
 * The audit entries of account safety (issue 19; R-Q-2): OTP requests and checks, contact changes
 * and their notices, each with how it ended. The log holds no personal data: the account is named
 * by a keyed hash of its user name (`account:<16 hex>`, HMAC-SHA-256 with OTP_SECRET, so whoever
 * holds the secret can find an account's entries), contacts only masked (`09***21`).
 */
export type AuditContext = Pick<Context, 'principal' | 'requestId' | 'services'>;

export const accountRef = (secret: string, username: string) =>
  `account:${createHmac('sha256', secret).update(`account:${username}`).digest('hex').slice(0, 16)}`;

/** A phone number or e-mail address with all but its first and last two characters hidden. */
export const maskContact = (to: string) => to.replace(/^(.{2}).*(.{2})$/, '$1***$2');

export function audit(ctx: AuditContext, username: string, action: string, outcome: string, detail: string): Promise<void> {
  return ctx.services.audit.record({ principal: ctx.principal, requestId: ctx.requestId, action, target: accountRef(ctx.services.otpSecret, username), outcome, detail });
}

/** The outcome an error is recorded with: its extensions.code (an adapter's as clients will see it), or ERROR. */
export const outcomeOf = (err: unknown) => String((adapterErrorToGraphQL(err) ?? (err as GraphQLError | undefined))?.extensions?.code ?? 'ERROR');

/** Runs `work` and records its outcome: OK with `detail` of the answer, or the error's code (rethrown). */
export async function audited<T>(ctx: AuditContext, username: string, action: string, detail: (r: T | null) => string, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (err) {
    await audit(ctx, username, action, outcomeOf(err), detail(null));
    throw err;
  }
  await audit(ctx, username, action, 'OK', detail(result));
  return result;
}
