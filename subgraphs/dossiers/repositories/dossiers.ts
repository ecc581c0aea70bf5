import { readOptions } from '../../../platform/deadline';
import { currentTraceparent } from '../../../platform/tracing';
import { insertBuilt, isDuplicateKey, setBuilt } from '../../../platform/mongo';
import { KeyedQueue } from '../../../platform/concurrency';
import { highestNumber } from '../../../platform/sequence';
import type { DossierModel, DossierRecord } from '../models/dossier';
import type { DossierEventModel, DossierEventRecord } from '../models/dossier-event';

/**
 * The dossier aggregate's persistence: its append-only events and the projection read from them.
 * Everything this code knows about the database lives here, so the domain services only decide:
 * - a change first appends its event, claiming (dossierCode, seq) under the unique `_id` (the
 *   one race-safe primitive on FerretDB v1), then applies it to the projection; a crash between
 *   the two leaves an unpublished event that the outbox relay projects before publishing it;
 * - a filtered update is not atomic on FerretDB v1, so a late projection write can set a dossier
 *   back to an older event: `forChange` and `repair` bring it back up from its events;
 * - a dossier's `_id` is its code for new dossiers but an ObjectId for older ones, so it is
 *   found by `code` (one indexed equality);
 * - dossier numbers are claimed by inserting the first event (R-DOS-1).
 */
export interface DossierModels {
  Dossier: DossierModel;
  DossierEvent: DossierEventModel;
}

export type NewDossierEvent = Omit<DossierEventRecord, 'published' | 'changes'> & { changes: Partial<DossierRecord> };

export const eventId = (code: string, seq: number) => `${code}:${seq}`;

// Claims for one agency and day run one at a time in this process, so its own intakes do not
// race each other, and the last number it claimed saves asking the database each time; across
// processes the unique index alone keeps codes right.
const codeClaims = new KeyedQueue();
const lastClaimed = new Map<string, number>();

export class DossierRepository {
  constructor(readonly models: DossierModels) {}

  /** The dossier by code, through the driver: the hottest read there is, and a stored dossier needs no casting. */
  find(code: string): Promise<DossierRecord | null> {
    return this.models.Dossier.collection.findOne<DossierRecord>({ code }, readOptions());
  }

  /**
   * The dossier a writer decides on. A caller who saw a newer version than the projection shows
   * met a late projection write, which is repaired first; a projection behind its events
   * otherwise shows up as a taken number when the change is appended.
   */
  async forChange(code: string, seenVersion: number): Promise<DossierRecord | null> {
    const d = await this.find(code);
    return d && seenVersion > d.seq ? this.repair(code) : d;
  }

  /**
   * Appends the event; null when its (dossierCode, seq) is taken, i.e. someone else changed the
   * dossier first. The event keeps the request's trace context, for its consumers to continue.
   */
  async append(e: NewDossierEvent): Promise<DossierEventRecord | null> {
    const event: DossierEventRecord = { _id: eventId(e.dossierCode, e.seq), facts: null, traceparent: currentTraceparent(), ...e, published: false };
    try {
      await insertBuilt(this.models.DossierEvent, event);
      return event;
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  }

  /**
   * Brings the projection up to date with the log when it is behind (see the class comment).
   * Returns the dossier as it now stands (null when there is none).
   */
  async repair(code: string): Promise<DossierRecord | null> {
    const current = await this.find(code);
    let applied = false;
    for (let seq = (current?.seq ?? 0) + 1; ; seq++) {
      const e = await this.models.DossierEvent.findById(eventId(code, seq)).lean().exec();
      if (!e) break;
      applied = true;
      // Set unconditionally, in order: the events, not the projection, are the record of truth.
      if (e.seq === 1) await this.project(e);
      else await setBuilt(this.models.Dossier, { code }, { ...(e.changes as Partial<DossierRecord>), seq: e.seq });
    }
    return applied ? this.find(code) : current;
  }

  /** Brings the projection up to `e`; applying an event twice, or an older one, changes nothing. */
  async project(e: Pick<DossierEventRecord, 'dossierCode' | 'seq' | 'changes'>): Promise<void> {
    const changes = e.changes as Partial<DossierRecord>;
    if (e.seq === 1) {
      try {
        await insertBuilt(this.models.Dossier, { ...changes, _id: e.dossierCode, code: e.dossierCode, seq: 1 } as DossierRecord);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      return;
    }
    // One round trip, applied only to an older projection: FerretDB checks the condition without a
    // lock (as a read then a write would), MongoDB atomically; repair mends what slips through.
    await setBuilt(this.models.Dossier, { code: e.dossierCode, seq: { $lt: e.seq } }, { ...changes, seq: e.seq });
  }

  /**
   * R-DOS-1: the next number of `prefix` (an agency and day), claimed by appending the dossier's
   * first event under the unique index, so codes are unique across processes and gap-free (a
   * failed intake claims nothing). Losing a race means the number exists, so the next one is
   * tried. Null when all `max` numbers are used.
   */
  claimNumber(prefix: string, max: number, codeOf: (n: number) => string, firstEvent: (code: string) => NewDossierEvent): Promise<DossierEventRecord | null> {
    return codeClaims.run(prefix, async () => {
      const key = `${this.models.DossierEvent.db.name}/${prefix}`;
      const last = lastClaimed.get(key) ?? (await this.lastNumber(max, codeOf));
      for (let n = last + 1; n <= max; n++) {
        const event = await this.append(firstEvent(codeOf(n)));
        if (!event) continue;
        lastClaimed.set(key, n);
        return event;
      }
      return null;
    });
  }

  /**
   * The last number claimed for a prefix, found by looking codes up (numbers have no gaps, so
   * about 2·log₂ n lookups): a range over the codes would read every event on FerretDB.
   */
  private lastNumber(max: number, codeOf: (n: number) => string): Promise<number> {
    return highestNumber(async (n) => n <= max && (await this.models.DossierEvent.exists({ _id: eventId(codeOf(n), 1) })) !== null);
  }
}
