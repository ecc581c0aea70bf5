import { createHash, randomBytes } from 'node:crypto';
import { startNotifySimulator } from '../../adapters/notify/simulator';
import type { Principal } from '../../platform/principal';
import { accountModel } from '../../subgraphs/identity/models/account';
import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { subgraphHarness } from './harness';

/**
 * The one way tests confirm an action as a citizen does (issue 19; R-ID-4): requestOtp, the code
 * read where it was delivered (the notify simulator's inbox, at the account's contact), verifyOtp,
 * and the `confirmation` it answers.
 */
export const REQUEST_OTP = `mutation($p: String!) { requestOtp(purpose: $p) { sentTo expiresInSeconds } }`;
export const VERIFY_OTP = `mutation($p: String!, $c: String!) { verifyOtp(purpose: $p, code: $c) { ok reason attemptsLeft confirmation } }`;

type Identity = Awaited<ReturnType<typeof subgraphHarness>>;
type Inbox = Awaited<ReturnType<typeof startNotifySimulator>>;

/** A new draft id, as a client names the form it is about to submit. */
export const draftPurpose = () => `SUBMIT_DOSSIER:draft-${randomBytes(4).toString('hex')}`;

/** The code of the newest one-time password delivered to `to`; throws when none was. */
export function codeSentTo(inbox: Inbox, to: string): string {
  const message = inbox.sent.filter((m) => m.to === to && m.subject === 'Mã OTP BHXH').at(-1);
  const code = message && /: (\d{6})\./.exec(message.text)?.[1];
  if (!code) throw new Error(`no one-time password was delivered to ${to}`);
  return code;
}

/** requestOtp, the code from the inbox of the account's current contact, verifyOtp: the confirmation. */
export async function confirmWithOtp(identity: Identity, inbox: Inbox, citizen: Principal, purpose: string): Promise<string> {
  const sent = await identity.exec(REQUEST_OTP, { p: purpose }, citizen);
  if (sent.errors) throw new Error(`requestOtp failed: ${sent.errors[0]!.message}`);
  const account = (await accountModel(identity.deps.db).findOne({ username: citizen.personalId }).lean().exec())!;
  const code = codeSentTo(inbox, (account.notifyBy === 'SMS' ? account.phone : account.email)!);
  const checked = (await identity.exec(VERIFY_OTP, { p: purpose, c: code }, citizen)).data?.verifyOtp as { ok: boolean; confirmation: string | null };
  if (!checked.ok || !checked.confirmation) throw new Error(`verifyOtp did not confirm: ${JSON.stringify(checked)}`);
  return checked.confirmation;
}

/** A citizen principal for `personalId`, as the gateway forwards a citizen token (whose subject is the identity provider's opaque user id). */
export const citizenPrincipal = (personalId: string): Principal => ({ client: 'citizen', subject: `citizen-${createHash('sha256').update(personalId).digest('hex').slice(0, 8)}`, scopes: ['dossier:read', 'dossier:submit', 'document:read'], personalId });

/**
 * The identity subgraph with a notify simulator, on the global FerretDB and Redis, for tests whose
 * citizens confirm with an OTP: each citizen gets an account (by default an SMS number of its own,
 * 09 and the personal id's last 8 digits) the first time it confirms.
 */
export async function otpDesk(opts: { redisDb: number }) {
  const inbox = await startNotifySimulator();
  const identity = await subgraphHarness(identitySubgraph, { redisDb: opts.redisDb, env: { NOTIFY_URL: inbox.url } });
  const Account = accountModel(identity.deps.db);
  const known = new Set<string>();
  /** Gives `personalId` an account (stored directly, as registration would leave it) unless it has one. */
  const account = async (personalId: string, contact: { phone?: string | null; email?: string | null; notifyBy?: 'SMS' | 'EMAIL' } = {}) => {
    if (known.has(personalId)) return;
    if (!(await Account.exists({ username: personalId }))) {
      await Account.create({
        username: personalId, kind: 'CITIZEN', fullName: 'Công dân thử nghiệm', phone: `09${personalId.slice(-8)}`, email: null, notifyBy: 'SMS', ...contact,
        passwordHash: 'scrypt$test', createdBy: 'test', createdAt: new Date(),
      });
    }
    known.add(personalId);
  };
  return {
    identity,
    inbox,
    account,
    /** A confirmation of `purpose` (a new draft's submission by default) by `citizen`, who gets an account first if need be. */
    async confirm(citizen: Principal, purpose = draftPurpose()): Promise<string> {
      await account(citizen.personalId!);
      return confirmWithOtp(identity, inbox, citizen, purpose);
    },
    async close() {
      await identity.close();
      await inbox.stop();
    },
  };
}
