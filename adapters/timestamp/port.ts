/**
 * The time-stamping port (issue 19): a token by which an authority vouches that a hash existed
 * at a time. Signatures carry one over their own hash, so a key revoked at T invalidates what it
 * signed after T and not before. Our first authority is local.ts; an RFC 3161 TSA client would
 * implement this same port.
 */
export interface Stamp {
  /** The time vouched for. */
  at: Date;
  /** The authority's key. */
  kid: string;
}

export interface TimestampPort {
  /** A token over `sha256Hex` (the SHA-256, hex, of what is stamped) and the authority's time now. */
  stamp(sha256Hex: string): Promise<{ token: string; at: Date }>;
  /** The time a token vouches for `sha256Hex`; throws TimestampError with the reason when it does not. */
  verify(token: string, sha256Hex: string): Promise<Stamp>;
}

export class TimestampError extends Error {}
