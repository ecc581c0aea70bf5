import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { KeyError, type KeyStore } from '../../platform/key-store';
import { TimestampError, type Stamp, type TimestampPort } from './port';

/** What a token says: the hash stamped, the time, and a serial so no two tokens are alike. */
interface TimestampClaims {
  hash: string;
  hashAlg: 'sha-256';
  at: string;
  serial: string;
}

const TYP = 'vss-timestamp+jws';

/**
 * Our own time-stamping authority: a JWS over {hash, at} under the `timestamp` key set. It runs
 * in the process that signs (no extra service to keep up); its key rotates and is revoked like
 * any other (platform/key-store.ts), and a token made after its key's revocation is refused.
 */
export function localTimestamps(keys: KeyStore, clock: () => Date = () => new Date()): TimestampPort {
  return {
    async stamp(sha256Hex) {
      const now = clock();
      const claims: TimestampClaims = { hash: sha256Hex, hashAlg: 'sha-256', at: now.toISOString(), serial: randomBytes(8).toString('hex') };
      return { token: (await keys.sign('timestamp', claims, TYP, now)).jws, at: now };
    },
    async verify(token, sha256Hex): Promise<Stamp> {
      let claimed: Partial<TimestampClaims>;
      try {
        // Its own time first, to check the authority's key as it was then; the signature comes next.
        claimed = decodeJwt(token) as Partial<TimestampClaims>;
      } catch {
        throw new TimestampError('the timestamp token is not a JWS');
      }
      const at = new Date(claimed.at ?? NaN);
      if (Number.isNaN(at.getTime())) throw new TimestampError('the timestamp token carries no time');
      try {
        const { payload, key } = await keys.verify('timestamp', token, at);
        const claims = JSON.parse(new TextDecoder().decode(payload)) as TimestampClaims;
        if (claims.hash !== sha256Hex) throw new TimestampError('the timestamp token is over something else (its hash differs)');
        return { at, kid: key.kid };
      } catch (err) {
        if (err instanceof KeyError && err.reason !== 'UNAVAILABLE') throw new TimestampError(`the timestamp token does not verify: ${err.message}`);
        throw err;
      }
    },
  };
}
