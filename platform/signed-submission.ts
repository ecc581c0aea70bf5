/**
 * What an organisation signs when it confirms an electronic dossier (R-ID-4; 352/QĐ-BHXH Art. 17),
 * in one place: the identity subgraph verifies these bytes, the dossiers subgraph rebuilds them from
 * the submission it received, and the signing tools (`npm run org:sign`, tests, seeds, benchmarks)
 * sign them. A partner reproduces them from README (Design, Organisation signatures).
 */

/** JSON with keys sorted at every level, strings in NFC, no spaces: the bytes that get signed. */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k.normalize('NFC'))}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A dossier submission as receiveDossier takes it (ReceiveDossierInput); `organizationSignature` is never covered. */
export interface SubmissionFields {
  procedureCode: string;
  agencyCode?: string | null;
  channel?: string | null;
  applicant: { personalId?: string | null; unitCode?: string | null; name: string };
  components: readonly { documentTypeCode: string; name: string; originals?: number | null; copies?: number | null }[];
  organizationSignature?: string | null;
}

const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const text = (v: string) => v.trim();
/** Only the fields that carry a value: absent and null are the same thing to a signer. */
const given = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, v]) => present(v)));

/**
 * The object an organisation signs for a submission: exactly these fields of ReceiveDossierInput,
 * strings trimmed, optional fields left out when absent or null, component counts with their
 * defaults filled in (originals 1, copies 0), components in the order sent. Anything else (and
 * `organizationSignature` itself) is not covered.
 */
export function submissionPayload(s: SubmissionFields): Record<string, unknown> {
  return given({
    procedureCode: text(s.procedureCode),
    agencyCode: present(s.agencyCode) ? text(s.agencyCode) : null,
    channel: s.channel,
    applicant: given({
      personalId: present(s.applicant.personalId) ? text(s.applicant.personalId) : null,
      unitCode: present(s.applicant.unitCode) ? text(s.applicant.unitCode) : null,
      name: text(s.applicant.name),
    }),
    components: s.components.map((c) => ({
      documentTypeCode: text(c.documentTypeCode),
      name: text(c.name),
      originals: c.originals ?? 1,
      copies: c.copies ?? 0,
    })),
  });
}

/** The bytes signed for a submission: canonicalJson(submissionPayload(s)). */
export const canonicalSubmission = (s: SubmissionFields): string => canonicalJson(submissionPayload(s));
