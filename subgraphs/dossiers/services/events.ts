import { isDuplicateKey } from '../../kit/mongo';
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


/** Appends the event; null when its (dossierCode, seq) is taken, i.e. someone else changed the dossier first. */
export async function appendEvent(models: DossierModels, e: NewDossierEvent): Promise<DossierEventRecord | null> {
  try {
    return (await models.DossierEvent.create({ ...e, published: false })).toObject();
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}

/**
 * Brings the projection up to date with the log when it is behind. A filtered update is not
 * atomic on FerretDB v1, so a late projection write can set a dossier back to an older event;
 * writers call this before deciding anything, which repairs such a dossier from its events.
 */
export async function catchUp(models: DossierModels, code: string): Promise<void> {
  const current = await models.Dossier.findOne({ code }).select({ seq: 1 }).lean().exec();
  const missing = await models.DossierEvent.find({ dossierCode: code, seq: { $gt: current?.seq ?? 0 } }).sort({ seq: 1 }).lean().exec();
  for (const e of missing) {
    // Set unconditionally, in order: the events, not the projection, are the record of truth.
    if (e.seq === 1) await project(models, e);
    else await models.Dossier.updateOne({ code }, { $set: { ...(e.changes as Partial<DossierRecord>), seq: e.seq } }).exec();
  }
}

/** Brings the projection up to `e`; applying an event twice, or an older one, changes nothing. */
export async function project(models: DossierModels, e: Pick<DossierEventRecord, 'dossierCode' | 'seq' | 'changes'>): Promise<void> {
  const changes = e.changes as Partial<DossierRecord>;
  if (e.seq === 1) {
    try {
      await models.Dossier.create({ ...changes, code: e.dossierCode, seq: 1 });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return;
  }
  await models.Dossier.updateOne({ code: e.dossierCode, seq: { $lt: e.seq } }, { $set: { ...changes, seq: e.seq } }).exec();
}
