import { sha256Hex } from '../../platform/digest';
import type { CheckpointSeal } from '../../platform/audit-checkpoints';
import { KeyError, type KeyRecord, type KeyStore } from '../../platform/key-store';
import { TimestampError, type TimestampPort } from './port';

/** A signature with its timestamp token (over the SHA-256 of the compact JWS). */
export interface StampedSignature {
  jws: string;
  kid: string;
  /** Absent on signatures made before timestamps existed. */
  timestamp?: string | null;
}

export type StampedCheck =
  | { ok: true; payload: Uint8Array; key: KeyRecord; signedAt: Date; stamped: boolean }
  | { ok: false; reason: string };


/** Signs `payload` with `set`'s current key and stamps the signature. */
export async function signStamped(keys: KeyStore, tsa: TimestampPort, set: string, payload: unknown, typ?: string): Promise<StampedSignature & { stampedAt: Date }> {
  const { jws, kid } = await keys.sign(set, payload, typ);
  const { token, at } = await tsa.stamp(sha256Hex(jws));
  return { jws, kid, timestamp: token, stampedAt: at };
}

/** Seals audit checkpoints (platform/audit-checkpoints.ts) with stamped signatures of `set`. */
export function checkpointSeal(keys: KeyStore, tsa: TimestampPort, set = 'internal'): CheckpointSeal {
  return {
    seal: (payload) => signStamped(keys, tsa, set, payload),
    async check(c) {
      const r = await verifyStamped(keys, tsa, set, c, c.at);
      return r.ok ? { ok: true, payload: new TextDecoder().decode(r.payload), signedAt: r.signedAt } : r;
    },
  };
}

/**
 * Verifies a stamped signature: the stamp first, then the signature under its key as the key was
 * at the stamped time. Only a key adopted from before key sets (`legacy`) may have made a
 * signature without a stamp: it is checked as of `unstampedAt` (the time it claims), and fails if
 * the key has been revoked at all, since nothing shows it was made before the revocation. Any
 * other key's signature without a stamp fails: ours are always stamped, so a missing stamp means
 * one was taken away (to backdate it).
 */
export async function verifyStamped(keys: KeyStore, tsa: TimestampPort, set: string, sig: StampedSignature, unstampedAt: Date): Promise<StampedCheck> {
  try {
    let signedAt = unstampedAt;
    if (sig.timestamp) signedAt = (await tsa.verify(sig.timestamp, sha256Hex(sig.jws))).at;
    else {
      const key = await keys.key(set, sig.kid);
      if (key && !key.legacy) return { ok: false, reason: `the signature carries no timestamp, and every signature by key ${sig.kid} is stamped` };
      if (key?.revokedAt) return { ok: false, reason: `key ${sig.kid} was revoked at ${key.revokedAt} and the signature carries no timestamp to show it was made before` };
    }
    const { payload, key } = await keys.verify(set, sig.jws, signedAt);
    return { ok: true, payload, key, signedAt, stamped: !!sig.timestamp };
  } catch (err) {
    // A key service that cannot be reached says nothing about the signature: that is an outage, not a verdict.
    if ((err instanceof KeyError && err.reason !== 'UNAVAILABLE') || err instanceof TimestampError) return { ok: false, reason: err.message };
    throw err;
  }
}
