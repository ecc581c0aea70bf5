import type { MutationResolvers } from '../generated/resolvers-types';
import { issueCredential, revokeCredential } from '../services/ivan-credentials';
import { verifyCitizen } from '../services/citizens';
import { registerCertificate } from '../services/signatures';
import { changeContact, registerAccount, signIn } from '../services/accounts';
import { requestOtp, verifyOtp } from '../services/otp';
import { enforceRateLimit } from '../../../platform/rate-limit';
import type { Context } from '../context';

const accountDeps = (ctx: Context) => ({ Account: ctx.models.Account, redis: ctx.redis, npsp: ctx.services.npsp, notifier: ctx.services.notifier });

export const Mutation: MutationResolvers = {
  issueIvanCredential: (_, { providerId, rotate }, ctx) => {
    return issueCredential(ctx.models.IvanCredential, ctx.services.ivanCredentialSecret, providerId, { rotate });
  },
  revokeIvanCredential: (_, { username }, ctx) => {
    return revokeCredential(ctx.models.IvanCredential, username);
  },
  verifyCitizen: async (_, { input }, ctx) => {
    return verifyCitizen({ Citizen: ctx.models.Citizen, population: await ctx.population() }, ctx.principal, input);
  },
  registerOrganizationCertificate: (_, { unitCode, pem }, ctx) => {
    return registerCertificate(ctx.models, ctx.principal, unitCode, pem);
  },
  registerAccount: (_, { input }, ctx) => {
    return registerAccount(accountDeps(ctx), ctx.principal, input);
  },
  changeAccountContact: (_, { username, contact }, ctx) => {
    return changeContact(accountDeps(ctx), ctx.principal, username, contact);
  },
  signInAccount: async (_, { username, password }, ctx) => {
    // Per caller, so one client cannot spray guesses over many accounts.
    await enforceRateLimit(ctx.redis, `signin:${ctx.clientKey ?? ctx.principal.subject}`, 20, 600);
    return signIn(accountDeps(ctx), username, password);
  },
  requestOtp: (_, { purpose }, ctx) =>
    requestOtp({ ...accountDeps(ctx), secret: ctx.services.otpSecret }, ctx.principal, purpose),
  verifyOtp: (_, { purpose, code }, ctx) => verifyOtp({ redis: ctx.redis, secret: ctx.services.otpSecret }, ctx.principal, purpose, code),
};
