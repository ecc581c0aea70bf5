import type { JWK } from 'jose';
import { appError, ErrorCode, forbidden, invalidInput } from '../../../platform/errors';
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
  return record;
}
