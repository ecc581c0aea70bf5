import type { DossierModels } from '../../subgraphs/dossiers/repositories/dossiers';
import type { DossierRecord } from '../../subgraphs/dossiers/models/dossier';
import type { DossierEventRecord } from '../../subgraphs/dossiers/models/dossier-event';
import type { EventLogModel, EventLogRecord } from '../../subgraphs/dossiers/models/event-log';
import { logEntry } from '../../subgraphs/dossiers/services/outbox';

/**
 * Bulk fill of the dossiers database for scale tests and benchmarks. Writing a hundred thousand
 * dossiers through the services would take hours, so dossiers that the real services filed and
 * moved (templates) are copied under other codes, agencies, applicants and times: every document
 * is shaped exactly as the services store it, because it is one of theirs, re-keyed.
 */
export interface FiledDossier {
  dossier: DossierRecord;
  events: DossierEventRecord[];
}

export interface CopyTarget {
  code: string;
  agencyCode: string;
  /** Replaces the template applicant's personal id or unit code. */
  applicantId: string;
  receivedAt: Date;
}

/** Reads back what the services stored for `code`: the dossier and its events, in order. */
export async function readFiled(models: DossierModels, code: string): Promise<FiledDossier> {
  const dossier = await models.Dossier.findOne({ code }).lean().exec();
  if (!dossier) throw new Error(`no dossier ${code} to copy`);
  const events = await models.DossierEvent.find({ dossierCode: code }).sort({ seq: 1 }).lean().exec();
  return { dossier, events };
}

/** Rewrites every string and date of a stored document (objects and arrays deeply). */
function rewrite<T>(value: T, text: (s: string) => string, shiftMs: number): T {
  if (typeof value === 'string') return text(value) as T;
  if (value instanceof Date) return new Date(value.getTime() + shiftMs) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => rewrite(v, text, shiftMs)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, text, shiftMs)])) as T;
  }
  return value;
}

/** The template as if it had been filed under the target's code, agency, applicant and time. */
export function copyDossier(template: FiledDossier, to: CopyTarget): FiledDossier {
  const t = template.dossier;
  const applicantId = t.applicant.personalId ?? t.applicant.unitCode!;
  const text = (s: string) => s.replaceAll(t.code, to.code).replaceAll(t.receivingAgencyCode, to.agencyCode).replaceAll(applicantId, to.applicantId);
  const shiftMs = to.receivedAt.getTime() - t.receivedAt.getTime();
  return {
    dossier: rewrite(t, text, shiftMs),
    events: template.events.map((e) => rewrite(e, text, shiftMs)),
  };
}

/**
 * Writes copies as the relay leaves them: events published with their global numbers (from
 * `firstGlobalSeq`, gap-free, in the order given) and their entries in the event log. Returns the
 * next free global number.
 */
export async function writeFiled(models: DossierModels & { EventLog: EventLogModel }, filed: FiledDossier[], firstGlobalSeq: number): Promise<number> {
  let n = firstGlobalSeq;
  const events: DossierEventRecord[] = [];
  const log: EventLogRecord[] = [];
  for (const f of filed) {
    for (const e of f.events) {
      events.push({ ...e, published: true, globalSeq: n });
      log.push(logEntry(e, n));
      n++;
    }
  }
  // lean: they are stored documents already, with nothing for mongoose to cast or default.
  await models.Dossier.insertMany(filed.map((f) => f.dossier), { lean: true });
  await models.DossierEvent.insertMany(events, { lean: true });
  await models.EventLog.insertMany(log, { lean: true });
  return n;
}
