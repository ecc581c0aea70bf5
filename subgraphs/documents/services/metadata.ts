import type { InputError } from '../../../platform/errors';
import { personalIdProblem, unitCodeProblem } from '../../../platform/identifiers';
import type { MetadataRecord, OwnerRecord } from '../models/document';

export interface MetadataInput {
  owner: {
    kind: 'PERSON' | 'ORGANIZATION';
    personalId?: string | null;
    unitCode?: string | null;
    fullName?: string | null;
    dateOfBirth?: string | null;
    organizationName?: string | null;
    foundedYear?: number | null;
  };
  name: string;
  numberSymbol: string;
  issuedOn: Date;
  issuingAuthority: string;
  summary: string;
  validUntil?: Date | null;
  validityScope?: string | null;
  otherFields?: { name: string; value: string }[] | null;
}

const clean = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The owner of Art. 9.2b: an id checked by the identity rules, or else the fallback fields. */
function ownerErrors(o: MetadataInput['owner'], now: Date, errors: InputError[]) {
  const f = (name: string) => `metadata.owner.${name}`;
  const dob = clean(o.dateOfBirth);
  if (dob && (!validDate(dob) || new Date(dob) > now)) errors.push({ field: f('dateOfBirth'), message: 'a date of birth is YYYY-MM-DD, not in the future' });
  if (o.kind === 'PERSON') {
    if (o.unitCode) errors.push({ field: f('unitCode'), message: 'a person has a personalId, not a unitCode' });
    if (o.personalId) {
      const problem = personalIdProblem(o.personalId, dob && validDate(dob) ? new Date(dob) : null, now);
      if (problem) errors.push({ field: f('personalId'), message: problem });
    } else {
      if (!clean(o.fullName)) errors.push({ field: f('fullName'), message: 'without a personal id, the full name is required (Art. 9.2b)' });
      if (!dob) errors.push({ field: f('dateOfBirth'), message: 'without a personal id, the date of birth is required (Art. 9.2b)' });
    }
  } else {
    if (o.personalId) errors.push({ field: f('personalId'), message: 'an organisation has a unitCode, not a personalId' });
    if (o.unitCode) {
      const problem = unitCodeProblem(o.unitCode);
      if (problem) errors.push({ field: f('unitCode'), message: problem });
    } else {
      if (!clean(o.organizationName)) errors.push({ field: f('organizationName'), message: 'without an organisation code, its name is required (Art. 9.2b)' });
      const year = o.foundedYear;
      if (year == null || !Number.isInteger(year) || year < 1800 || year > now.getUTCFullYear()) {
        errors.push({ field: f('foundedYear'), message: `without an organisation code, its founding year (1800–${now.getUTCFullYear()}) is required (Art. 9.2b)` });
      }
    }
  }
}

/** Every problem with the Art. 9.2 fields at once. */
export function metadataErrors(m: MetadataInput, now: Date): InputError[] {
  const errors: InputError[] = [];
  ownerErrors(m.owner, now, errors);
  const required: [keyof MetadataInput, string, number][] = [
    ['name', 'the document name (c)', 500], ['numberSymbol', 'the number/symbol (d)', 100],
    ['issuingAuthority', 'the issuing authority (e)', 300], ['summary', 'the summary (g)', 2000],
  ];
  for (const [field, what, max] of required) {
    const v = clean(m[field] as string);
    if (!v) errors.push({ field: `metadata.${field}`, message: `${what} is required` });
    else if (v.length > max) errors.push({ field: `metadata.${field}`, message: `${what} is at most ${max} characters` });
  }
  if (/\s/.test(clean(m.numberSymbol))) errors.push({ field: 'metadata.numberSymbol', message: 'a number/symbol has no spaces (e.g. 123/QĐ-BHXH); it becomes part of the digitisation code' });
  if (m.issuedOn > now) errors.push({ field: 'metadata.issuedOn', message: 'the date of issue is in the future' });
  if (m.validUntil && m.validUntil < m.issuedOn) errors.push({ field: 'metadata.validUntil', message: 'a document cannot expire before it was issued' });
  const names = new Set<string>();
  (m.otherFields ?? []).forEach((o, i) => {
    const name = clean(o.name);
    if (!name || !clean(o.value)) errors.push({ field: `metadata.otherFields.${i}`, message: 'each other field has a name and a value' });
    if (names.has(name)) errors.push({ field: `metadata.otherFields.${i}`, message: `"${name}" is given twice` });
    names.add(name);
  });
  return errors;
}

export function buildMetadata(m: MetadataInput, documentTypeCode: string, actor: { client: string; subject: string }, now: Date): MetadataRecord {
  const o = m.owner;
  const owner: OwnerRecord = {
    kind: o.kind,
    personalId: o.kind === 'PERSON' ? o.personalId ?? null : null,
    unitCode: o.kind === 'ORGANIZATION' ? o.unitCode ?? null : null,
    fullName: clean(o.fullName) || null,
    dateOfBirth: clean(o.dateOfBirth) || null,
    organizationName: clean(o.organizationName) || null,
    foundedYear: o.foundedYear ?? null,
  };
  return {
    documentTypeCode,
    owner,
    name: clean(m.name),
    numberSymbol: clean(m.numberSymbol),
    issuedOn: m.issuedOn,
    issuingAuthority: clean(m.issuingAuthority),
    summary: clean(m.summary),
    validUntil: m.validUntil ?? null,
    validityScope: clean(m.validityScope) || null,
    otherFields: (m.otherFields ?? []).map((f) => ({ name: clean(f.name), value: clean(f.value) })),
    extractedAt: now,
    extractedBy: actor,
  };
}

/** The owner part of a digitisation code: the id, or empty when the paper shows none (Art. 10.2). */
const ownerIdOf = (o: OwnerRecord) => o.personalId ?? o.unitCode ?? '';

/**
 * Art. 10: <owner id>.<result type code>.<number/symbol> for results of a procedure;
 * <owner id>.<procedure code>.<document type code>.<number/symbol> for other documents.
 */
export function digitisationCodeOf(kind: 'COMPONENT' | 'RESULT', m: MetadataRecord, procedureCode: string | null): string {
  return kind === 'RESULT'
    ? `${ownerIdOf(m.owner)}.${m.documentTypeCode}.${m.numberSymbol}`
    : `${ownerIdOf(m.owner)}.${procedureCode}.${m.documentTypeCode}.${m.numberSymbol}`;
}
