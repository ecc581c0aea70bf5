import type { MutationResolvers } from '../generated/resolvers-types';
import { issueCredential, revokeCredential } from '../services/ivan-credentials';
import { verifyCitizen } from '../services/citizens';
import { registerCertificate } from '../services/signatures';
import { changeContact, registerAccount, signIn } from '../services/accounts';
import { requestOtp, verifyOtp } from '../services/otp';
import { enforceRateLimit } from '../../../platform/rate-limit';

export const Mutation: MutationResolvers = {
  issueIvanCredential: (_, { providerId, rotate }, ctx) => {
    return issueCredential(ctx, { providerId, rotate });
  },
  revokeIvanCredential: (_, { username }, ctx) => {
    return revokeCredential(ctx, { username });
  },
  verifyCitizen: (_, { input }, ctx) => {
    return verifyCitizen(ctx, input);
  },
  registerOrganizationCertificate: (_, { unitCode, pem }, ctx) => {
    return registerCertificate(ctx, { unitCode, pem });
  },
  registerAccount: (_, { input }, ctx) => {
    return registerAccount(ctx, input);
  },
  changeAccountContact: (_, { username, contact, confirmation }, ctx) => {
    return changeContact(ctx, { username, contact, confirmation });
  },
  signInAccount: async (_, { username, password }, ctx) => {
    // Per caller, so one client cannot spray guesses over many accounts.
    await enforceRateLimit(ctx.redis, `signin:${ctx.clientKey ?? ctx.principal.subject}`, 20, 600);
    return signIn(ctx, { username, password });
  },
  requestOtp: (_, { purpose }, ctx) => requestOtp(ctx, { purpose }),
  verifyOtp: (_, { purpose, code }, ctx) => verifyOtp(ctx, { purpose, code }),
};
