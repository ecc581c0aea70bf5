import type { Caller } from '../../../platform/context';
import { invalidInput } from '../../../platform/errors';
import { sha256Hex } from '../../../platform/digest';
import { canonicalSubmission, type SubmissionFields } from '../../../platform/signed-submission';
import { querySubgraph, type OnBehalfOf } from '../../../platform/subgraph-call';
import type { TimestampPort } from '../../../adapters/timestamp/port';
import type { ConfirmationRecord } from '../models/confirmation';

/** The identity subgraph's verdict on an organisation's signature (its SignatureCheck). */
export interface SignatureVerdict {
  valid: boolean;
  reason: 'MALFORMED' | 'NO_CERTIFICATE' | 'SIGNATURE_INVALID' | 'CERTIFICATE_EXPIRED' | null;
  message: string;
  certificate: { fingerprint: string; subject: string } | null;
}

/** Who decides whether an organisation signed a payload: the identity subgraph, which holds the certificates (R-ID-4). */
export interface SignatureVerifier {
  verify(check: { unitCode: string; payload: string; signature: string }, call: OnBehalfOf): Promise<SignatureVerdict>;
}

const QUERY = 'query OrganizationSignatureForIntake($unitCode: ID!, $payload: String!, $signature: String!) { '
  + 'verifyOrganizationSignature(unitCode: $unitCode, payload: $payload, signature: $signature) { valid reason message certificate { fingerprint subject } } }';

/** Asks the identity subgraph over HTTP with the caller's internal token; unreachable or slow is UPSTREAM_UNAVAILABLE. */
export function httpSignatureVerifier(url: string, timeoutMs = 3000): SignatureVerifier {
  return {
    async verify(variables, call) {
      const data = await querySubgraph<{ verifyOrganizationSignature: SignatureVerdict }>(
        { url, serviceName: 'identity', what: `check the signature of organisation ${variables.unitCode}`, query: QUERY, variables, timeoutMs },
        call,
      );
      return data.verifyOrganizationSignature;
    },
  };
}

/**
 * An I-VAN submission's confirmation (R-ID-4, R-INT-1): the applicant organisation's detached JWS
 * over the canonical submission (platform/signed-submission.ts), checked by the identity
 * subgraph, and dated with a timestamp token over the signature. Returns what the dossier keeps; a refusal is BAD_USER_INPUT on organizationSignature
 * with identity's reason and message.
 */
export async function confirmBySignature(
  ctx: Caller & { signatures: SignatureVerifier; timestamps: TimestampPort },
  { unitCode, submission, signature }: { unitCode: string; submission: SubmissionFields; signature: string },
): Promise<ConfirmationRecord> {
  const payload = canonicalSubmission(submission);
  const verdict = await ctx.signatures.verify({ unitCode, payload, signature }, ctx);
  if (!verdict.valid || !verdict.certificate) {
    const reason = verdict.reason ?? 'SIGNATURE_INVALID';
    throw invalidInput([{ field: 'organizationSignature', message: `${verdict.message} (${reason})`, reason }]);
  }
  // Dated by the time-stamping authority: the signature existed while its certificate held, whatever happens to the certificate later.
  const stamp = await ctx.timestamps.stamp(sha256Hex(signature));
  return {
    method: 'ORGANIZATION_SIGNATURE', by: unitCode, at: stamp.at, timestamp: stamp.token, channel: null, otpId: null, purpose: null,
    signature, payloadSha256: sha256Hex(payload), certificateFingerprint: verdict.certificate.fingerprint, certificateSubject: verdict.certificate.subject,
  };
}
