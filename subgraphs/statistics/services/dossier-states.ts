import type { DossierEvent } from '../../kit/events';
import { isDuplicateKey } from '../../kit/mongo';
import type { DossierStatus } from '../generated/resolvers-types';
import type { DossierStateModel } from '../models/dossier-state';

export const STATUSES: DossierStatus[] = ['RECEIVED', 'PROCESSING', 'RESULT_READY', 'RESULT_RETURNED', 'REJECTED'];


/**
 * Applies one dossier event, idempotently: only an event newer than the one already applied
 * changes anything, so redelivery and replay leave the figures as they are.
 */
export async function applyDossierEvent(States: DossierStateModel, e: DossierEvent): Promise<void> {
  try {
    await States.updateOne(
      { code: e.dossierCode, seq: { $lt: e.seq } },
      { $set: { status: e.status, agencyCode: e.agencyCode, seq: e.seq } },
      { upsert: true },
    ).exec();
  } catch (err) {
    // The upsert collided with a stored state at the same or a later seq: this event is old news.
    if (!isDuplicateKey(err)) throw err;
  }
}

export async function countByStatus(States: DossierStateModel, agencyCode?: string | null) {
  const rows = await States.aggregate<{ _id: string; count: number }>([
    { $match: agencyCode ? { agencyCode } : {} },
    { $group: { _id: '$status', count: { $sum: 1 } } },
  ]).exec();
  const counts = new Map(rows.map((r) => [r._id, r.count]));
  return STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
