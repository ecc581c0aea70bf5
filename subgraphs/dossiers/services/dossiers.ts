import { appError, badInput, ErrorCode, notFound } from '../../kit/errors';
import type { CounterModel } from '../models/counter';
import { DOSSIER_STATUSES, type DossierModel, type DossierRecord, type DossierStatus } from '../models/dossier';
import { AGENCY_CODE, issueDossierCode } from './code';

/**
 * Writes dossier state. Every change bumps `seq` and appends its event to the dossier's outbox
 * in the same single-document write; the outbox relay publishes it afterwards.
 * The full workflow (transitions, history, deadlines) is the dossiers issue's; this is intake
 * and a guarded status change.
 */
export interface DossierModels {
  Dossier: DossierModel;
  Counter: CounterModel;
}

const PROCEDURE_CODE = /^\d\.\d{6}$/;

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
  const receivedAt = input.receivedAt ?? new Date();
  const code = await issueDossierCode(models.Counter, input.agencyCode, receivedAt);
  const created = await models.Dossier.create({
    code,
    status: 'RECEIVED',
    procedureCode: input.procedureCode,
    agencyCode: input.agencyCode,
    receivedAt,
    seq: 1,
    outbox: [{ id: `${code}:1`, seq: 1, type: 'RECEIVED', status: 'RECEIVED', previousStatus: null, at: receivedAt }],
  });
  return created.toObject();
}

export async function changeStatus(models: DossierModels, code: string, to: DossierStatus, expectedSeq?: number): Promise<DossierRecord> {
  if (!DOSSIER_STATUSES.includes(to)) throw badInput(`unknown status ${to}`, { field: 'status' });
  const current = await models.Dossier.findOne({ code }).lean().exec();
  if (!current) throw notFound(`no dossier has code ${code}`);
  const seq = expectedSeq ?? current.seq;
  const next = seq + 1;
  const at = new Date();
  const updated = await models.Dossier.findOneAndUpdate(
    { code, seq },
    {
      $set: { status: to, seq: next },
      $push: { outbox: { id: `${code}:${next}`, seq: next, type: 'STATUS_CHANGED', status: to, previousStatus: current.status, at } },
    },
    { new: true },
  )
    .lean()
    .exec();
  if (!updated) throw appError(ErrorCode.CONFLICT, `dossier ${code} changed meanwhile (expected version ${seq}); reload and retry`);
  return updated;
}
