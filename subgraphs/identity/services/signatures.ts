import type { Context } from '../context';
import { X509Certificate } from 'node:crypto';
import { flattenedVerify, importX509 } from 'jose';
import { appError, badInput, ErrorCode, notFound } from '../../../platform/errors';
import { isDuplicateKey } from '../../../platform/mongo';
import { canonicalJson } from '../../../platform/signed-submission';
import type { CertificateRecord } from '../models/certificate';

/**
 * Organisations confirm electronic dossiers with a digital signature (R-ID-4; 352 Art. 17):
 * they register an X.509 certificate, then sign the canonical form of a submission's payload
 * with a detached JWS ("<header>..<signature>", RS256 or ES256). A changed payload, another key
 * or an expired certificate is rejected with the reason.
 */
export type SignatureCheckResult =
  | { valid: true; reason: null; message: string; certificate: CertificateRecord }
  | { valid: false; reason: 'MALFORMED' | 'NO_CERTIFICATE' | 'SIGNATURE_INVALID'; message: string; certificate: null }
  /** The certificate's key made the signature, but the certificate is not valid now. */
  | { valid: false; reason: 'CERTIFICATE_EXPIRED'; message: string; certificate: CertificateRecord };

const ALGORITHMS = { rsa: 'RS256', ec: 'ES256' } as const;

export async function registerCertificate(
  ctx: Pick<Context, 'principal'> & { models: Pick<Context['models'], 'Certificate' | 'Organization'> },
  { unitCode, pem }: { unitCode: string; pem: string },
  now = new Date(),
): Promise<CertificateRecord> {
  const p = ctx.principal;
  const { Certificate, Organization } = ctx.models;
  if (!(await Organization.exists({ unitCode }))) throw notFound(`no organisation has unit code ${unitCode}`);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw badInput('pem is not a PEM-encoded X.509 certificate', { field: 'pem' });
  }
  const validFrom = new Date(cert.validFrom);
  const validTo = new Date(cert.validTo);
  if (validTo <= now || validFrom > now) throw badInput(`the certificate is valid from ${validFrom.toISOString()} to ${validTo.toISOString()}, not now`, { field: 'pem' });
  const keyType = cert.publicKey.asymmetricKeyType;
  const details = cert.publicKey.asymmetricKeyDetails ?? {};
  const usable = (keyType === 'rsa' && (details.modulusLength ?? 0) >= 2048) || (keyType === 'ec' && details.namedCurve === 'prime256v1');
  if (!usable) throw badInput('the certificate\'s key must be RSA of 2048 bits or more, or EC P-256 (for RS256 or ES256 signatures)', { field: 'pem' });
  const record: CertificateRecord = {
    unitCode, fingerprint: cert.fingerprint256, subject: cert.subject, pem: cert.toString(), validFrom, validTo, registeredBy: p.subject, registeredAt: now,
  };
  try {
    await Certificate.create(record);
  } catch (err) {
    if (isDuplicateKey(err)) throw appError(ErrorCode.CONFLICT, 'this certificate is already registered');
    throw err;
  }
  return record;
}

export async function checkSignature(
  ctx: { models: Pick<Context['models'], 'Certificate'> },
  { unitCode, payload, signature }: { unitCode: string; payload: string; signature: string },
  now = new Date(),
): Promise<SignatureCheckResult> {
  const { Certificate } = ctx.models;
  const parts = signature.split('.');
  let canonical: string;
  try {
    if (parts.length !== 3 || parts[1] !== '') throw new Error('not detached');
    canonical = canonicalJson(JSON.parse(payload));
  } catch {
    return { valid: false, reason: 'MALFORMED', message: 'signature must be a detached compact JWS (<header>..<signature>) and payload JSON', certificate: null };
  }
  const certificates = await Certificate.find({ unitCode }).lean().exec();
  if (certificates.length === 0) return { valid: false, reason: 'NO_CERTIFICATE', message: `organisation ${unitCode} has no registered certificate`, certificate: null };
  const jws = { protected: parts[0]!, signature: parts[2]!, payload: Buffer.from(canonical).toString('base64url') };
  for (const c of certificates) {
    const keyType = new X509Certificate(c.pem).publicKey.asymmetricKeyType as keyof typeof ALGORITHMS;
    const alg = ALGORITHMS[keyType];
    if (!alg) continue;
    try {
      await flattenedVerify(jws, await importX509(c.pem, alg), { algorithms: [alg] });
    } catch {
      continue;
    }
    if (c.validTo <= now || c.validFrom > now) {
      return { valid: false, reason: 'CERTIFICATE_EXPIRED', message: `the signing certificate was valid until ${c.validTo.toISOString()}`, certificate: c };
    }
    return { valid: true, reason: null, message: `signed with certificate ${c.fingerprint} (${c.subject})`, certificate: c };
  }
  return { valid: false, reason: 'SIGNATURE_INVALID', message: "the signature does not match this payload under any of the organisation's certificates: the payload changed, or another key signed it", certificate: null };
}
