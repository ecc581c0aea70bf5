import { envReader, type Env } from '../kit/config';

/** Settings of the documents subgraph beyond the common ones, read once at start. */
export interface DocumentsConfig {
  /** The largest file accepted, in bytes (a scanned component; 20 MiB by default). */
  maxBytes: number;
  /** How long an upload ticket from startDocumentUpload stays good. */
  uploadTicketSeconds: number;
}

/** DOCUMENT_MAX_BYTES: read here for the documents subgraph and by the gateway for its upload cap. */
export const documentMaxBytes = (e: ReturnType<typeof envReader>) => e.int('DOCUMENT_MAX_BYTES', 20 * 1024 * 1024, 1024);

export function loadDocumentsConfig(env: Env): DocumentsConfig {
  const e = envReader(env);
  return {
    maxBytes: documentMaxBytes(e),
    uploadTicketSeconds: e.int('UPLOAD_TICKET_SECONDS', 600, 10),
  };
}
