import { readOptions } from '../../../platform/deadline';
import { currentTraceparent } from '../../../platform/tracing';
import { insertBuilt, isDuplicateKey, setBuilt } from '../../../platform/mongo';
import type { DossierModel, DossierRecord } from '../models/dossier';
import type { DossierEventModel, DossierEventRecord } from '../models/dossier-event';

/**
 * Appending and projecting dossier events. A change first appends its event (claiming the next
 * sequence number under the unique index), then applies it to the dossier's projection. A crash
 * between the two leaves an unpublished event, which the outbox relay projects before
 * publishing it; applying an event twice is harmless because it sets whole fields.
 */
export interface DossierModels {
  Dossier: DossierModel;
  DossierEvent: DossierEventModel;
}

export type NewDossierEvent = Omit<DossierEventRecord, 'published' | 'changes'> & { changes: Partial<DossierRecord> };

export const eventId = (code: string, seq: number) => `${code}:${seq}`;

/**
 * The dossier by code (one indexed lookup, whatever its _id: older dossiers have ObjectIds),
 * through the driver: the hottest read there is, and a stored dossier needs no casting.
 */
export function findDossier(models: DossierModels, code: string): Promise<DossierRecord | null> {
  return models.Dossier.collection.findOne<DossierRecord>({ code }, readOptions());
}

/**
 * Appends the event; null when its (dossierCode, seq) is taken, i.e. someone else changed the
 * dossier first. The event keeps the request's trace context, for its consumers to continue.
 */
export async function appendEvent(models: DossierModels, e: NewDossierEvent): Promise<DossierEventRecord | null> {
  const event: DossierEventRecord = { _id: eventId(e.dossierCode, e.seq), facts: null, traceparent: currentTraceparent(), ...e, published: false };
  try {
    await insertBuilt(models.DossierEvent, event);
    return event;
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}

/**
 * Brings the projection up to date with the log when it is behind. A filtered update is not
 * atomic on FerretDB v1 (measured on PostgreSQL too), so a late projection write can set a
 * dossier back to an older event; writers call this before deciding anything, which repairs such
 * a dossier from its events. Returns the dossier as it now stands (null when there is none).
 */
export async function catchUp(models: DossierModels, code: string): Promise<DossierRecord | null> {
  const current = await findDossier(models, code);
  let applied = false;
  for (let seq = (current?.seq ?? 0) + 1; ; seq++) {
    const e = await models.DossierEvent.findById(eventId(code, seq)).lean().exec();
    if (!e) break;
    applied = true;
    // Set unconditionally, in order: the events, not the projection, are the record of truth.
    if (e.seq === 1) await project(models, e);
    else await setBuilt(models.Dossier, { code }, { ...(e.changes as Partial<DossierRecord>), seq: e.seq });
  }
  return applied ? findDossier(models, code) : current;
}

/** Brings the projection up to `e`; applying an event twice, or an older one, changes nothing. */
export async function project(models: DossierModels, e: Pick<DossierEventRecord, 'dossierCode' | 'seq' | 'changes'>): Promise<void> {
  const changes = e.changes as Partial<DossierRecord>;
  if (e.seq === 1) {
    try {
      await insertBuilt(models.Dossier, { ...changes, _id: e.dossierCode, code: e.dossierCode, seq: 1 } as DossierRecord);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return;
  }
  // One round trip, applied only to an older projection: FerretDB checks the condition without a
  // lock (as a read then a write would), MongoDB atomically; catchUp repairs what slips through.
  await setBuilt(models.Dossier, { code: e.dossierCode, seq: { $lt: e.seq } }, { ...changes, seq: e.seq });
}
