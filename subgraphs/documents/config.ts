import { envReader, type Env } from '../../platform/config';
import { documentMaxBytes } from '../../platform/documents-protocol';

/** Settings of the documents subgraph beyond the common ones, read once at start. */
export interface DocumentsConfig {
  /** The largest file accepted, in bytes (a scanned component; 20 MiB by default). */
  maxBytes: number;
  /** How long an upload ticket from startDocumentUpload stays good. */
  uploadTicketSeconds: number;
}

export function loadDocumentsConfig(env: Env): DocumentsConfig {
  const e = envReader(env);
  return {
    maxBytes: documentMaxBytes(e),
    uploadTicketSeconds: e.int('UPLOAD_TICKET_SECONDS', 600, 10),
  };
}
