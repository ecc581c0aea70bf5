import { readEnv, setting, type Env } from '../../platform/config';
import { DOCUMENT_MAX_BYTES } from '../../platform/documents-protocol';

/** Settings of the documents subgraph beyond the common ones, read once at start. */
export interface DocumentsConfig {
  /** The largest file accepted, in bytes (a scanned component; 20 MiB by default). */
  maxBytes: number;
  /** How long an upload ticket from startDocumentUpload stays good. */
  uploadTicketSeconds: number;
}

const DOCUMENTS_SETTINGS = { DOCUMENT_MAX_BYTES, UPLOAD_TICKET_SECONDS: setting.int(600, 10) };

export function loadDocumentsConfig(env: Env): DocumentsConfig {
  const v = readEnv(DOCUMENTS_SETTINGS, env);
  return { maxBytes: v.DOCUMENT_MAX_BYTES, uploadTicketSeconds: v.UPLOAD_TICKET_SECONDS };
}
