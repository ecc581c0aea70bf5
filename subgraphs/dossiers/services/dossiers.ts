import { appError, badInput, ErrorCode, notFound } from '../../kit/errors';
import { DOSSIER_STATUSES, type DossierModel, type DossierRecord, type DossierStatus } from '../models/dossier';
import type { DossierEventModel, DossierEventRecord } from '../models/dossier-event';
import { AGENCY_CODE, dossierCode, dossierCodePrefix, MAX_DAILY_SEQUENCE, sequenceOf } from './code';

/**
 * Writes dossier state. Every change first appends its event (claiming the next sequence
 * number through the unique index), then updates the dossier's projection. A crash between the
 * two leaves an unpublished event, which the outbox relay projects before publishing it.
 * The full workflow (transitions, history, deadlines) is the dossiers issue's; this is intake
 * and a guarded status change.
 */
export interface DossierModels {
  Dossier: DossierModel;
  DossierEvent: DossierEventModel;
}

const PROCEDURE_CODE = /^\d\.\d{6}$/;
const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** Brings the projection up to `e`; applying an event twice, or an older one, changes nothing. */
export async function project(models: DossierModels, e: DossierEventRecord): Promise<void> {
  if (e.seq === 1) {
    try {
      await models.Dossier.create({
        code: e.dossierCode, status: e.status, procedureCode: e.procedureCode, agencyCode: e.agencyCode, receivedAt: e.at, seq: 1,
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return;
  }
  await models.Dossier.updateOne({ code: e.dossierCode, seq: { $lt: e.seq } }, { $set: { status: e.status, seq: e.seq } }).exec();
}

async function append(models: DossierModels, e: Omit<DossierEventRecord, 'published'>): Promise<DossierEventRecord | null> {
  try {
    const created = await models.DossierEvent.create({ ...e, published: false });
    return created.toObject();
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}

export async function receiveDossier(
  models: DossierModels,
  input: { agencyCode: string; procedureCode: string; receivedAt?: Date },
): Promise<DossierRecord> {
  if (!AGENCY_CODE.test(input.agencyCode)) {
    throw badInput(`agencyCode "${input.agencyCode}" is not an agency code like 000.00.01.H26`, { field: 'agencyCode' });
  }
  if (!PROCEDURE_CODE.test(input.procedureCode)) {
    throw badInput(`procedureCode "${input.procedureCode}" is not a national procedure code like 1.001234`, { field: 'procedureCode' });
  }
  const at = input.receivedAt ?? new Date();
  const prefix = dossierCodePrefix(input.agencyCode, at);
  // R-DOS-1: the number is claimed by inserting the dossier's first event under the unique
  // index, so codes are unique across processes and gap-free (a failed intake claims nothing).
  // Losing a race means the number exists, so the next one is tried without asking again.
  const last = await models.DossierEvent.findOne({ dossierCode: { $gt: prefix, $lt: `${prefix}~` }, seq: 1 })
    .sort({ dossierCode: -1 })
    .select({ dossierCode: 1 })
    .lean()
    .exec();
  for (let n = last ? sequenceOf(last.dossierCode) + 1 : 1; n <= MAX_DAILY_SEQUENCE; n++) {
    const event = await append(models, {
      dossierCode: dossierCode(prefix, n), seq: 1, type: 'RECEIVED', status: 'RECEIVED', previousStatus: null,
      agencyCode: input.agencyCode, procedureCode: input.procedureCode, at,
    });
    if (!event) continue;
    await project(models, event);
    const dossier = await models.Dossier.findOne({ code: event.dossierCode }).lean().exec();
    if (!dossier) throw new Error(`dossier ${event.dossierCode} vanished after intake`);
    return dossier;
  }
  throw appError(ErrorCode.CONFLICT, `agency ${input.agencyCode} has used all ${MAX_DAILY_SEQUENCE} dossier numbers of ${prefix.slice(-7, -1)}`);
}

export async function changeStatus(models: DossierModels, code: string, to: DossierStatus, expectedSeq?: number): Promise<DossierRecord> {
  if (!DOSSIER_STATUSES.includes(to)) throw badInput(`unknown status ${to}`, { field: 'status' });
  const current = await models.Dossier.findOne({ code }).lean().exec();
  if (!current) throw notFound(`no dossier has code ${code}`);
  const conflict = () => appError(ErrorCode.CONFLICT, `dossier ${code} changed meanwhile (expected version ${expectedSeq ?? current.seq}); reload and retry`);
  if (expectedSeq !== undefined && expectedSeq !== current.seq) throw conflict();
  const event = await append(models, {
    dossierCode: code, seq: current.seq + 1, type: 'STATUS_CHANGED', status: to, previousStatus: current.status,
    agencyCode: current.agencyCode, procedureCode: current.procedureCode, at: new Date(),
  });
  if (!event) throw conflict();
  await project(models, event);
  return { ...current, status: to, seq: event.seq };
}
