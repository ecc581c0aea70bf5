import { appError, ErrorCode, forbidden, invalidInput, type InputError } from '../../../platform/errors';
import type { Caller } from '../../../platform/context';
import { AGENCY_CODE, personalIdProblem, unitCodeProblem } from '../../../platform/identifiers';
import type { Principal } from '../../../platform/principal';
import type { WorkingCalendar } from '../calendar/working-days';
import { applicantKeyOf, CHANNELS, queueKeyOf, type DossierRecord } from '../models/dossier';
import { publicStatusOf } from '../workflow/states';
import { dossierCode, dossierCodePrefix, MAX_DAILY_SEQUENCE } from './code';
import type { DossierRepository } from '../repositories/dossiers';
import type { ProcedureCatalogue } from './procedure-catalogue';
import { missingConfirmation, submissionPurpose, type Confirmations } from '../../../platform/confirmations';
import { confirmBySignature, type SignatureVerifier } from './organization-signature';
import type { TimestampPort } from '../../../adapters/timestamp/port';

export type Channel = (typeof CHANNELS)[number];

export interface ReceiveInput {
  procedureCode: string;
  agencyCode?: string | null;
  channel?: Channel | null;
  applicant: { personalId?: string | null; unitCode?: string | null; name: string };
  components: { documentTypeCode: string; name: string; originals?: number | null; copies?: number | null }[];
  /** A citizen's online submission only: the confirmation verifyOtp answered for SUBMIT_DOSSIER:<draft id> (R-ID-4). */
  confirmation?: string | null;
  /** I-VAN submissions only: the applicant organisation's detached JWS over the canonical submission (R-ID-4). */
  organizationSignature?: string | null;
}

/** What an intake needs: who files, and the dossiers subgraph's catalogue, calendar, signature check, time-stamping and store. */
export interface IntakeContext extends Caller {
  dossiers: DossierRepository;
  catalogue: ProcedureCatalogue;
  calendar: WorkingCalendar;
  /** Checks and consumes a citizen's OTP confirmation (platform/confirmations.ts). */
  confirmations: Confirmations;
  /** Checks an I-VAN submission's organisation signature with the identity subgraph. */
  signatures: SignatureVerifier;
  timestamps: TimestampPort;
}

/** Channel and receiving agency follow from who is filing (R-DOS-6); the caller cannot claim another's. */
function channelAndAgency(p: Principal, input: ReceiveInput, errors: InputError[]): { channel: Channel; agencyCode: string } {
  const fixed: Partial<Record<Principal['client'], Channel>> = { ivan: 'IVAN', citizen: 'ONLINE', npsp: 'NATIONAL_PORTAL' };
  if (p.client === 'officer') {
    if (!p.agencyCode) throw forbidden('your token names no agency');
    const agencyCode = input.agencyCode ?? p.agencyCode;
    if (agencyCode !== p.agencyCode) throw forbidden(`officers receive dossiers for their own agency (${p.agencyCode}) only`);
    const channel = input.channel ?? 'DESK';
    if (!['DESK', 'POSTAL', 'ONLINE'].includes(channel)) errors.push({ field: 'channel', message: 'officers receive at the DESK, by POSTAL service or ONLINE' });
    return { channel, agencyCode };
  }
  const channel = fixed[p.client];
  if (!channel) throw forbidden(`a ${p.client} client cannot file dossiers`);
  if (p.client === 'ivan' && !p.ivanProviderId) throw forbidden('your token names no I-VAN provider');
  if (p.client === 'citizen' && !p.personalId) throw forbidden('your token names no personal id');
  if (input.channel && input.channel !== channel) errors.push({ field: 'channel', message: `a ${p.client} client files through ${channel}` });
  if (!input.agencyCode) errors.push({ field: 'agencyCode', message: 'name the receiving agency' });
  return { channel, agencyCode: input.agencyCode ?? '' };
}

function validate(p: Principal, input: ReceiveInput, errors: InputError[], now: Date) {
  const a = input.applicant;
  if (!!a.personalId === !!a.unitCode) {
    errors.push({ field: 'applicant', message: 'give either personalId (a citizen) or unitCode (an organisation), not both' });
  }
  const idProblem = a.personalId ? personalIdProblem(a.personalId, null, now) : null;
  if (idProblem) errors.push({ field: 'applicant.personalId', message: idProblem });
  const unitProblem = a.unitCode ? unitCodeProblem(a.unitCode) : null;
  if (unitProblem) errors.push({ field: 'applicant.unitCode', message: unitProblem });
  if (!a.name.trim()) errors.push({ field: 'applicant.name', message: "the applicant's name is required" });
  if (p.client === 'citizen' && a.personalId !== p.personalId) {
    errors.push({ field: 'applicant.personalId', message: 'citizens file dossiers for themselves only' });
  }
  if (p.client === 'ivan') {
    // I-VANs file for employers (R-INT-1), who confirm with their digital signature (R-ID-4; 352 Art. 17).
    if (a.personalId) errors.push({ field: 'applicant.unitCode', message: "I-VAN providers file for employers: name the employer's unit code, not a personal id" });
    if (!input.organizationSignature) {
      errors.push({
        field: 'organizationSignature', reason: 'MISSING',
        message: "I-VAN submissions carry the employer's signature: a detached JWS (RS256 or ES256) by a certificate registered to the applicant's unit code, "
          + 'over the canonical JSON of the submission (described at ReceiveDossierInput.organizationSignature in the GraphQL schema, at ChuKySo in the WSDL)',
      });
    }
  } else if (input.organizationSignature) {
    // Refused rather than dropped: a signature we did not check must not look accepted to its sender.
    errors.push({ field: 'organizationSignature', message: `only I-VAN providers send an organisation's signature; a ${p.client} client's intake carries none` });
  }
  if (input.components.length === 0) errors.push({ field: 'components', message: 'list at least one component received' });
  input.components.forEach(({ originals = 1, copies = 0, ...c }, i) => {
    if (!c.documentTypeCode.trim() || !c.name.trim()) errors.push({ field: `components.${i}`, message: 'documentTypeCode and name are required' });
    if (!Number.isInteger(originals) || !Number.isInteger(copies) || originals! < 0 || copies! < 0 || originals! + copies! === 0) {
      errors.push({ field: `components.${i}`, message: 'originals and copies are whole numbers, at least one of them positive' });
    }
  });
  // A citizen confirms an online submission with a one-time password (R-ID-4; 352 Art. 17); a desk, post or portal intake is confirmed otherwise.
  if (p.client === 'citizen' && !input.confirmation) errors.push(missingConfirmation(submissionPurpose(input)));
  if (p.client !== 'citizen' && input.confirmation) {
    errors.push({ field: 'confirmation', message: `only citizens filing online confirm with a one-time password; a ${p.client} client's intake carries none` });
  }
  if (input.agencyCode && !AGENCY_CODE.test(input.agencyCode)) {
    errors.push({ field: 'agencyCode', message: `"${input.agencyCode}" is not an agency code like 000.00.01.H26` });
  }
  if (!/^\d\.\d{6}$/.test(input.procedureCode)) {
    errors.push({ field: 'procedureCode', message: `"${input.procedureCode}" is not a national procedure code like 1.001234` });
  }
}

/**
 * Receives a dossier (R-DOS-1, 5, 6, 10): validates everything first, checks how the applicant
 * confirmed it (R-ID-4: a citizen's OTP confirmation, an I-VAN submission's organisation
 * signature) and that the procedure is published now, consumes the OTP confirmation, then issues
 * the code and appointment date in one append. A confirmation consumed for an intake that then
 * stores nothing is given back.
 */
export async function receiveDossier(ctx: IntakeContext, input: ReceiveInput, now = new Date()): Promise<DossierRecord> {
  const p = ctx.principal;
  const errors: InputError[] = [];
  const { channel, agencyCode } = channelAndAgency(p, input, errors);
  validate(p, input, errors, now);
  if (errors.length) throw invalidInput(errors);
  const otp = p.client === 'citizen' ? await ctx.confirmations.check(input.confirmation!, { subject: p.personalId!, purpose: 'SUBMIT_DOSSIER' }, now) : null;
  const purpose = otp && submissionPurpose(input);
  if (otp && otp.purpose !== purpose) {
    throw invalidInput([{
      field: 'confirmation', reason: 'WRONG_PURPOSE',
      message: `the confirmation is for ${otp.purpose}, not for this submission: its purpose is ${purpose}, `
        + 'the SHA-256 of the canonical submission (README, Organisation signatures: the same bytes an employer signs); the submission changed after it was confirmed, or the confirmation is for another',
    }]);
  }
  const signed = p.client === 'ivan'
    ? await confirmBySignature(ctx, { unitCode: input.applicant.unitCode!, submission: input, signature: input.organizationSignature! })
    : null;

  const procedure = await ctx.catalogue.get(input.procedureCode, ctx);
  if (!procedure) throw invalidInput([{ field: 'procedureCode', message: `no procedure has code ${input.procedureCode}` }]);
  if (procedure.status !== 'PUBLISHED') {
    throw invalidInput([{ field: 'procedureCode', message: `procedure ${procedure.code} is ${procedure.status}; only published procedures accept dossiers (R-DOS-5)` }]);
  }

  const appointmentAt = ctx.calendar.appointment(now, procedure.processingDays);
  const applicant = {
    kind: input.applicant.personalId ? 'CITIZEN' : 'ORGANIZATION',
    personalId: input.applicant.personalId ?? null,
    unitCode: input.applicant.unitCode ?? null,
    name: input.applicant.name.normalize('NFC').trim(),
  } as const;
  const changes: Partial<DossierRecord> = {
    state: 'RECEIVED',
    status: publicStatusOf('RECEIVED'),
    channel,
    ivanProviderId: channel === 'IVAN' ? (p.ivanProviderId ?? null) : null,
    applicant,
    applicantKey: applicantKeyOf(applicant),
    procedureCode: procedure.code,
    procedureName: procedure.name,
    processingDays: procedure.processingDays,
    procedureVersion: procedure.version,
    receivingAgencyCode: agencyCode,
    handlingAgencyCode: agencyCode,
    handlingDepartment: null,
    queue: queueKeyOf(agencyCode, 'RECEIVED'),
    agencyCodes: [agencyCode],
    agencyChain: [{ agencyCode, receivedAt: now, transferredAt: null, reason: null }],
    receivedAt: now,
    appointmentAt,
    appointmentHistory: [{ appointmentAt, setAt: now, reason: `received: ${procedure.processingDays} working days (R-DOS-10)` }],
    components: input.components.map((c) => ({
      documentTypeCode: c.documentTypeCode.trim(),
      name: c.name.normalize('NFC').trim(),
      originals: c.originals ?? 1,
      copies: c.copies ?? 0,
    })),
  };

  const consumed = otp ? await ctx.confirmations.consume(otp, now) : null;
  changes.confirmation = consumed?.record ?? signed;
  const prefix = dossierCodePrefix(agencyCode, now);
  const event = await ctx.dossiers.claimNumber(prefix, MAX_DAILY_SEQUENCE, (n) => dossierCode(prefix, n), (dossierCode) => ({
    dossierCode, seq: 1, action: 'RECEIVE', previousState: null, state: 'RECEIVED', previousStatus: null, status: 'RECEIVED',
    actor: { client: p.client, subject: p.subject, agencyCode: p.agencyCode ?? null },
    agencyCode, departmentCode: null, procedureCode: procedure.code, channel, ivanProviderId: changes.ivanProviderId ?? null, reason: null, at: now, changes,
  })).catch(async (err: unknown) => {
    await consumed?.release();
    throw err;
  });
  if (!event) {
    await consumed?.release();
    throw appError(ErrorCode.CONFLICT, `all ${MAX_DAILY_SEQUENCE} dossier numbers of ${prefix.slice(0, -1)} are used`);
  }
  // After the claim: only the claim itself must be one at a time.
  await ctx.dossiers.project(event);
  return { ...(changes as DossierRecord), code: event.dossierCode, seq: 1 };
}
