import type { Redis } from 'ioredis';
import type { Caller } from '../../../platform/context';
import { badInput, forbidden, invalidInput } from '../../../platform/errors';
import { Lease } from '../../../platform/lease';
import type { Logger } from '../../../platform/logger';
import { startPeriodic } from '../../../platform/periodic';
import type { Principal } from '../../../platform/principal';
import { blockOf, GapFreeSequence, highestNumber, readAfter } from '../../../platform/sequence';
import type { EventLogModel, EventLogRecord } from '../models/event-log';
import type { IvanChangeModel, IvanChangeRecord, IvanFeedStateModel } from '../models/ivan-change';
import { npspStatusOf, type DossierState } from '../workflow/states';

/**
 * Each I-VAN provider's change feed (R-INT-1): follows the dossier event log and gives every change
 * of a dossier filed through I-VAN the provider's next number. Partners page it after their last
 * number (GraphQL `ivanChanges`, SOAP `LayThayDoiTrangThai`), in order, without gaps.
 */
export interface IvanFeedModels {
  EventLog: EventLogModel;
  IvanChange: IvanChangeModel;
  IvanFeedState: IvanFeedStateModel;
}

const FOLLOW_BATCH = 500;
const STATE_ID = 'ivan-changes';
export const MAX_PAGE = 500;

const entryOf = (l: EventLogRecord, n: number): IvanChangeRecord => ({
  _id: `${l.ivanProviderId}:${n}`,
  providerId: l.ivanProviderId!,
  n,
  block: blockOf(n),
  globalSeq: l._id,
  dossierCode: l.dossierCode,
  seq: l.seq,
  action: l.event.action,
  fromState: l.event.previousState,
  toState: l.event.state,
  status: l.event.status,
  npspStatusCode: npspStatusOf(l.event.state as DossierState),
  agencyCode: l.event.agencyCode,
  at: new Date(l.event.at),
});

/** Appends the feed entries of changes logged since the last call; returns how many log entries it read. */
export class IvanFeedFollower {
  private readonly numbers = new Map<string, GapFreeSequence>();

  constructor(private readonly models: IvanFeedModels) {}

  private numbersOf(providerId: string): GapFreeSequence {
    let seq = this.numbers.get(providerId);
    if (!seq) {
      const { IvanChange } = this.models;
      seq = new GapFreeSequence(() => highestNumber(async (n) => (await IvanChange.exists({ _id: `${providerId}:${n}` })) !== null));
      this.numbers.set(providerId, seq);
    }
    return seq;
  }

  async follow(): Promise<number> {
    const { EventLog, IvanChange, IvanFeedState } = this.models;
    const state = await IvanFeedState.findById(STATE_ID).lean().exec();
    const logged = await readAfter(EventLog, state?.followedThrough ?? 0, FOLLOW_BATCH);
    if (logged.length === 0) return 0;
    for (const l of logged.filter((e) => e.ivanProviderId)) {
      // A change numbered already (the mark did not move before a crash) keeps its number; looked
      // up first, since a refused insert would make the sequence look for its last number again.
      if (await IvanChange.exists({ globalSeq: l._id })) continue;
      await this.numbersOf(l.ivanProviderId!).claim(
        async (n) => void (await IvanChange.create(entryOf(l, n))),
        async () => ((await IvanChange.exists({ globalSeq: l._id })) ? { value: undefined } : undefined),
      );
    }
    await IvanFeedState.updateOne({ _id: STATE_ID }, { $set: { followedThrough: logged.at(-1)!._id } }, { upsert: true }).exec();
    return logged.length;
  }
}

/** Runs the follower every `intervalMs`, in one process of several (a lease). */
export function startIvanFeed(models: IvanFeedModels, redis: Redis, logger: Logger, intervalMs: number): () => Promise<void> {
  const follower = new IvanFeedFollower(models);
  return startPeriodic('I-VAN change feed', logger, intervalMs, async () => (await follower.follow()) === FOLLOW_BATCH, new Lease(redis, 'dossiers:ivan-changes'));
}

/**
 * Whose feed the caller reads: a provider its own (naming another is FORBIDDEN), an operator with
 * the dossier:events scope (the schema's @policy lets no one else in) any provider's, which it must name.
 */
export function feedOwner(p: Principal, providerId: string | null | undefined): string {
  if (p.client === 'ivan') {
    if (!p.ivanProviderId) throw forbidden('this I-VAN token names no provider (ivan_provider_id)');
    if (providerId && providerId !== p.ivanProviderId) throw forbidden('an I-VAN provider reads only its own change feed');
    return p.ivanProviderId;
  }
  if (!providerId) throw badInput('name the provider whose changes to read', { argument: 'providerId' });
  return providerId;
}

/** One page of the feed of the provider the caller may read (`feedOwner`) after `after`; `hasMore` when a full page was read. */
export async function readFeed(
  ctx: Pick<Caller, 'principal'> & { models: Pick<IvanFeedModels, 'IvanChange'> },
  { providerId: asked, after, first }: { providerId?: string | null; after: number; first: number },
) {
  const providerId = feedOwner(ctx.principal, asked);
  const errors = [
    ...(Number.isInteger(after) && after >= 0 ? [] : [{ field: 'after', message: 'must be a change number, 0 or more' }]),
    ...(Number.isInteger(first) && first >= 1 && first <= MAX_PAGE ? [] : [{ field: 'first', message: `must be between 1 and ${MAX_PAGE}` }]),
  ];
  if (errors.length) throw invalidInput(errors);
  const changes = await readAfter(ctx.models.IvanChange, after, first + 1, { where: { providerId }, number: 'n' });
  return { changes: changes.slice(0, first), last: changes.slice(0, first).at(-1)?.n ?? after, hasMore: changes.length > first };
}
