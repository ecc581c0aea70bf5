import type { JWK } from 'jose';
import { appError, ErrorCode, forbidden, invalidInput, notFound } from '../../../platform/errors';
import type { Context } from '../context';
import type { ScannerKeyRecord } from '../models/scanner-key';
import { scannerKeyId } from './signatures';

/** The officers who scan and digitise (document:digitise, by the schema's @policy and the upload route's), each of an agency. */
export function requireDigitiser(ctx: Context): { subject: string; agencyCode: string } {
  const p = ctx.principal;
  if (p.client !== 'officer' || !p.agencyCode) throw forbidden('scanning and digitising are done by officers of an agency');
  return { subject: p.subject, agencyCode: p.agencyCode };
}

/** Registers the calling officer's public key for scan signatures; registering it again changes nothing. */
export async function registerScannerKey(ctx: Context, input: { name: string; publicJwk: string }, now = new Date()): Promise<ScannerKeyRecord> {
  const officer = requireDigitiser(ctx);
  const name = input.name.normalize('NFC').trim();
  const errors = name ? [] : [{ field: 'name', message: "the officer's full name is required: it is kept with every scan they sign" }];
  let keyId = '';
  let jwk: JWK = {};
  try {
    jwk = JSON.parse(input.publicJwk) as JWK;
    keyId = await scannerKeyId(jwk);
  } catch (err) {
    errors.push({ field: 'publicJwk', message: err instanceof SyntaxError ? 'not JSON: give the public key as a JWK JSON string' : (err as Error).message });
  }
  if (errors.length) throw invalidInput(errors);
  const { ScannerKey } = ctx.models;
  const existing = await ScannerKey.findById(keyId).lean().exec();
  if (existing) {
    if (existing.subject !== officer.subject) throw appError(ErrorCode.CONFLICT, `key ${keyId} is registered to another officer`);
    return existing;
  }
  const { kty, crv, x, y } = jwk;
  const record = { _id: keyId, subject: officer.subject, name, agencyCode: officer.agencyCode, jwk: { kty, crv, x, ...(y ? { y } : {}) }, registeredAt: now };
  await ScannerKey.create(record);
  // The new key replaces the officer's earlier ones for signing; they still verify what they signed.
  // Only those registered before it: two registered at once do not retire each other.
  await ScannerKey.updateMany({ subject: officer.subject, retiredAt: null, _id: { $ne: keyId }, registeredAt: { $lt: now } }, { $set: { retiredAt: now } }).exec();
  return record;
}

/**
 * Revokes one of the calling officer's keys from `at` (default now; earlier when the compromise
 * began before it was found, never later): scans stamped from then on fail `integrity`, earlier
 * ones still verify.
 */
export async function revokeScannerKey(ctx: Context, input: { keyId: string; reason: string; at?: Date | null }, now = new Date()): Promise<ScannerKeyRecord> {
  const officer = requireDigitiser(ctx);
  const reason = input.reason.normalize('NFC').trim();
  const at = input.at ?? now;
  const errors = [
    ...(reason ? [] : [{ field: 'reason', message: 'say why (e.g. "workstation stolen"): it is shown with every scan that fails because of it' }]),
    ...(at.getTime() > now.getTime() ? [{ field: 'at', message: 'a key is revoked from now or from a past time, not a future one' }] : []),
  ];
  if (errors.length) throw invalidInput(errors);
  const { ScannerKey } = ctx.models;
  const key = await ScannerKey.findById(input.keyId).lean().exec();
  if (!key) throw notFound(`no scanner key ${input.keyId}`);
  if (key.subject !== officer.subject) throw forbidden(`key ${input.keyId} is registered to another officer`);
  if (key.revokedAt) throw appError(ErrorCode.CONFLICT, `key ${input.keyId} was revoked already, at ${key.revokedAt.toISOString()}`);
  const { matchedCount } = await ScannerKey.updateOne({ _id: key._id, revokedAt: null }, { $set: { revokedAt: at, revocationReason: reason } }).exec();
  if (matchedCount !== 1) throw appError(ErrorCode.CONFLICT, `key ${input.keyId} was revoked a moment ago by another request`);
  await ctx.audit.record({ principal: ctx.principal, requestId: ctx.requestId, action: 'SCANNER_KEY_REVOKE', target: `scanner-key:${key._id}`, outcome: 'ALLOWED', detail: `${at.toISOString()} ${reason}` });
  return { ...key, revokedAt: at, revocationReason: reason };
}
