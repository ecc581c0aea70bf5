import { appError, ErrorCode, invalidInput, notFound, type InputError } from '../../../platform/errors';
import {
  AGENCY_LEVELS, contentOf, SERVICE_LEVELS, SUBMISSION_METHODS,
  type Actor, type ProcedureContentRecord, type ProcedureRecord,
} from '../models/procedure';
import type { ChangeKind } from '../models/procedure-change';
import type { ProcedureRepository } from '../repositories/procedures';

/** What publication needs: the catalogue's store. Who acts is named in each input (an officer, or the national import). */
export interface CatalogueContext {
  procedures: ProcedureRepository;
}
type Source = 'LOCAL' | 'NATIONAL';

const CODE = /^\d\.\d{6}$/;

/** Every problem of a procedure's content at once, so an officer fixes them in one go. */
export function contentErrors(c: ProcedureContentRecord): InputError[] {
  const errors: InputError[] = [];
  const need = (ok: boolean, field: string, message: string) => void (ok || errors.push({ field, message }));
  const text = (v: string | null | undefined, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
  need(text(c.name, 500), 'name', 'is required, at most 500 characters');
  need(c.nameEn == null || text(c.nameEn, 500), 'nameEn', 'is at most 500 characters when given');
  need(text(c.field, 200), 'field', 'is required, at most 200 characters');
  need(c.agencyLevels.length > 0 && c.agencyLevels.every((l) => AGENCY_LEVELS.includes(l)), 'agencyLevels', 'names at least one agency level');
  need(SERVICE_LEVELS.includes(c.serviceLevel), 'serviceLevel', `is one of ${SERVICE_LEVELS.join(', ')}`);
  need(c.submissionMethods.length > 0 && c.submissionMethods.every((m) => SUBMISSION_METHODS.includes(m)), 'submissionMethods', 'names at least one way to submit');
  need(Number.isInteger(c.processingDays) && c.processingDays >= 0 && c.processingDays <= 365, 'processingDays', 'is a whole number of working days, 0–365');
  c.fees.forEach((f, i) => {
    need(text(f.description, 500), `fees[${i}].description`, 'is required');
    need(Number.isInteger(f.amountVnd) && f.amountVnd >= 0, `fees[${i}].amountVnd`, 'is a whole, non-negative amount of VND');
  });
  c.components.forEach((x, i) => {
    need(text(x.documentTypeCode, 50), `components[${i}].documentTypeCode`, 'is required, at most 50 characters');
    need(text(x.name, 500), `components[${i}].name`, 'is required');
    need(Number.isInteger(x.originals) && x.originals >= 0 && Number.isInteger(x.copies) && x.copies >= 0 && x.originals + x.copies > 0,
      `components[${i}]`, 'asks for a whole number of originals and copies, at least one in all');
  });
  need(text(c.guide, 20_000) || c.guide === '', 'guide', 'is at most 20 000 characters');
  return errors;
}

/** NFC everywhere (R-Q-3), so that search and comparisons see one spelling of each word. */
export function normalised(c: ProcedureContentRecord): ProcedureContentRecord {
  const nfc = (s: string) => s.normalize('NFC').trim();
  const x = contentOf(c);
  return {
    ...x,
    name: nfc(x.name),
    nameEn: x.nameEn ? nfc(x.nameEn) : null,
    field: nfc(x.field),
    guide: nfc(x.guide),
    fees: x.fees.map((f) => ({ ...f, description: nfc(f.description) })),
    components: x.components.map((k) => ({ ...k, name: nfc(k.name), documentTypeCode: k.documentTypeCode.trim() })),
    resultDocuments: x.resultDocuments.map(nfc),
    legalBasis: x.legalBasis.map(nfc),
  };
}

function checked(c: ProcedureContentRecord, code?: string): ProcedureContentRecord {
  const content = normalised(c);
  const errors = contentErrors(content);
  if (code !== undefined && !CODE.test(code)) errors.unshift({ field: 'code', message: 'is a national procedure code such as 1.002001' });
  if (errors.length) throw invalidInput(errors);
  return content;
}

async function current(ctx: CatalogueContext, code: string): Promise<ProcedureRecord> {
  const p = await ctx.procedures.current(code);
  if (!p) throw notFound(`no procedure ${code} in the catalogue`);
  return p;
}

/** Starts a procedure as a draft: visible to publishers only until published. */
export async function createProcedure(ctx: CatalogueContext, { code, input, source = 'LOCAL' }: { code: string; input: ProcedureContentRecord; source?: Source }): Promise<ProcedureRecord> {
  const content = checked(input, code);
  const created = await ctx.procedures.insertDraft({ code, ...content, status: 'DRAFT', version: 0, revision: 0, source });
  if (!created) throw appError(ErrorCode.CONFLICT, `procedure ${code} already exists; edit it with updateProcedure`);
  return created;
}

/**
 * Edits a procedure. Before its first publication the draft itself changes; afterwards the
 * edit waits as the next version, and the published version stays what everyone reads.
 */
export async function updateProcedure(ctx: CatalogueContext, { code, input }: { code: string; input: ProcedureContentRecord }): Promise<ProcedureRecord> {
  const content = checked(input);
  const p = await current(ctx, code);
  return ctx.procedures.edit(code, p.version === 0 ? { ...content } : { pendingContent: content });
}

/** Appends one change and applies it; CONFLICT when another change of this procedure came first. */
async function change(ctx: CatalogueContext, p: ProcedureRecord, kind: ChangeKind, fields: { content: ProcedureContentRecord; version: number; reason: string | null; by: Actor; source?: Source }): Promise<ProcedureRecord> {
  const stored = await ctx.procedures.append({
    code: p.code,
    revision: p.revision + 1,
    kind,
    version: fields.version,
    status: kind === 'WITHDRAWN' ? 'WITHDRAWN' : 'PUBLISHED',
    content: fields.content,
    source: fields.source ?? p.source,
    reason: fields.reason,
    at: new Date(),
    by: fields.by,
  });
  if (!stored) throw appError(ErrorCode.CONFLICT, `procedure ${p.code} was changed by someone else just now; reload it and try again`);
  await ctx.procedures.project(stored);
  return (await ctx.procedures.find(p.code))!;
}

/**
 * Publishes the draft, or the pending edits as the next version (R-PRO-2). Dossiers already
 * received keep the version they were received under; only new ones see the new version.
 * With `content`, publishes that content directly (the national import).
 */
export async function publishProcedure(
  ctx: CatalogueContext,
  { code, by, ...opts }: { code: string; by: Actor; expectedRevision?: number | null; content?: ProcedureContentRecord; source?: Source },
): Promise<ProcedureRecord> {
  const p = await current(ctx, code);
  if (opts.expectedRevision != null && opts.expectedRevision !== p.revision) {
    throw appError(ErrorCode.CONFLICT, `procedure ${code} is at revision ${p.revision}, not ${opts.expectedRevision}; reload it and try again`);
  }
  const content = opts.content ?? p.pendingContent ?? (p.status === 'PUBLISHED' ? null : contentOf(p));
  if (!content) throw appError(ErrorCode.CONFLICT, `procedure ${code} is published and has no pending changes; edit it first`);
  const errors = contentErrors(content);
  if (errors.length) throw invalidInput(errors);
  const kind = p.status === 'PUBLISHED' ? 'CHANGED' : 'PUBLISHED';
  return change(ctx, p, kind, { content, version: p.version + 1, reason: null, by, source: opts.source });
}

/** Withdraws a published procedure (bãi bỏ): it stops accepting dossiers; those received go on. */
export async function withdrawProcedure(ctx: CatalogueContext, { code, reason, by }: { code: string; reason: string; by: Actor }): Promise<ProcedureRecord> {
  const why = reason.normalize('NFC').trim();
  if (why.length === 0 || why.length > 1000) throw invalidInput([{ field: 'reason', message: 'is required, at most 1000 characters' }]);
  const p = await current(ctx, code);
  if (p.status !== 'PUBLISHED') throw appError(ErrorCode.CONFLICT, `procedure ${code} is ${p.status}; only a published procedure can be withdrawn`);
  return change(ctx, p, 'WITHDRAWN', { content: contentOf(p), version: p.version, reason: why, by });
}
