import { randomBytes } from 'node:crypto';
import { CALLBACK_KINDS, type CallbackKind } from '../../../adapters/ivan/port';
import type { Caller } from '../../../platform/context';
import { forbidden, invalidInput, type InputError } from '../../../platform/errors';
import type { Principal } from '../../../platform/principal';
import { highestId } from '../../../platform/sequence';
import type { IvanDeliveryModels } from './ivan-delivery';

/**
 * Who may register, remove and watch an I-VAN provider's status pushes (R-INT-1), and the
 * registration itself. An I-VAN provider acts for itself only; operators act for any provider:
 * with `ivan:manage` to change a registration, with `sync:monitor` to watch deliveries.
 */
export interface CallbackInput {
  kind: CallbackKind;
  url: string;
  providerId?: string | null;
}

const PROVIDER_ID = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_URL_LENGTH = 2048;

/**
 * The provider `p` acts for: its own when it is an I-VAN provider (naming another is FORBIDDEN),
 * else the one it names (the schema's @policy lets in only operators with the scope that says
 * so). `errors` collects a missing or malformed id.
 */
function providerFor(p: Principal, asked: string | null | undefined, errors: InputError[]): string {
  if (p.client === 'ivan') {
    if (!p.ivanProviderId) throw forbidden('your token names no I-VAN provider');
    if (asked != null && asked !== p.ivanProviderId) throw forbidden('an I-VAN provider sees and changes only its own status pushes');
    return p.ivanProviderId;
  }
  if (asked == null || asked === '') errors.push({ field: 'providerId', message: 'name the I-VAN provider' });
  else if (!PROVIDER_ID.test(asked)) errors.push({ field: 'providerId', message: 'an I-VAN provider id is 1–64 letters, digits, ".", "_" or "-"' });
  return asked ?? '';
}

/** Problems with a callback URL: absolute http(s), no credentials in it, not absurdly long. */
function urlProblem(url: string): string | null {
  if (url.length > MAX_URL_LENGTH) return `at most ${MAX_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `must be http or https, not ${parsed.protocol.replace(/:$/, '')}`;
  if (parsed.username || parsed.password) return 'must not carry credentials; deliveries are signed instead';
  if (parsed.hash) return 'must not have a fragment';
  return null;
}

/** Registers (or replaces) a provider's callback with a fresh signing secret, answered this once. */
export async function registerCallback(ctx: Pick<Caller, 'principal'> & { models: IvanDeliveryModels }, input: CallbackInput, now = new Date()) {
  const { principal: p, models } = ctx;
  const errors: InputError[] = [];
  const providerId = providerFor(p, input.providerId, errors);
  if (!CALLBACK_KINDS.includes(input.kind)) errors.push({ field: 'kind', message: `one of ${CALLBACK_KINDS.join(', ')}` });
  const url = input.url.trim();
  const problem = urlProblem(url);
  if (problem) errors.push({ field: 'url', message: problem });
  if (errors.length) throw invalidInput(errors);

  const secret = randomBytes(32).toString('base64url');
  const existing = await models.IvanCallback.findById(providerId).lean().exec();
  // A new registration pushes what is logged from now on (history is in the change feed); a
  // re-registration keeps its start, so a change of URL loses nothing pending.
  const sinceGlobalSeq = existing?.sinceGlobalSeq ?? (await highestId(models.EventLog));
  await models.IvanCallback.replaceOne(
    { _id: providerId },
    { kind: input.kind, url, secret, registeredAt: now, sinceGlobalSeq, registeredBy: { client: p.client, subject: p.subject } },
    { upsert: true },
  ).exec();
  // A new endpoint is tried at once, whatever the old one's outage.
  await models.IvanDeliveryProvider.updateOne({ _id: providerId }, { $set: { outages: 0, pausedUntil: null } }, { upsert: true }).exec();
  return { providerId, kind: input.kind, url, secret, registeredAt: now };
}

/** Stops pushes to a provider; its pending changes wait for a new registration. True when one was registered. */
export async function removeCallback(ctx: Pick<Caller, 'principal'> & { models: IvanDeliveryModels }, { providerId }: { providerId?: string | null }): Promise<boolean> {
  const errors: InputError[] = [];
  const id = providerFor(ctx.principal, providerId, errors);
  if (errors.length) throw invalidInput(errors);
  return (await ctx.models.IvanCallback.deleteOne({ _id: id }).exec()).deletedCount > 0;
}

/** The provider whose deliveries `p` may watch (`ivanDeliveries`). */
export function watchedProvider(p: Principal, providerId: string | null | undefined): string {
  const errors: InputError[] = [];
  const id = providerFor(p, providerId, errors);
  if (errors.length) throw invalidInput(errors);
  return id;
}
