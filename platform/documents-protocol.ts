import { setting } from './config';

/**
 * The HTTP side of the documents subgraph, as clients and the gateway see it: in the platform so
 * the gateway, the subgraph and the scanner script name the same header, paths and size cap
 * without importing one another.
 */

/** The header that carries the scanning officer's compact JWS over {sha256, pages, scannedAt} (Art. 8.1). */
export const SCAN_SIGNATURE_HEADER = 'x-scan-signature';

export const uploadPath = (ticket: string) => `/uploads/${ticket}`;
export const downloadPath = (documentId: string) => `/documents/${documentId}/content`;

/** DOCUMENT_MAX_BYTES: the documents subgraph's largest file, and the gateway's upload cap. */
export const DOCUMENT_MAX_BYTES = setting.int(20 * 1024 * 1024, 1024);
