import { createHash } from 'node:crypto';

/** SHA-256, hex, of text (UTF-8) or bytes: the one hash every stored, signed or stamped digest of ours uses. */
export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
