/**
 * The HTTP side of the documents subgraph, as clients and the gateway see it (no dependencies,
 * so the gateway can name these without loading the subgraph).
 */

/** The header that carries the scanning officer's compact JWS over {sha256, pages, scannedAt} (Art. 8.1). */
export const SCAN_SIGNATURE_HEADER = 'x-scan-signature';

export const uploadPath = (ticket: string) => `/uploads/${ticket}`;
export const downloadPath = (documentId: string) => `/documents/${documentId}/content`;
