import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { appError, ErrorCode, forbidden, invalidInput, notFound, type InputError } from '../../../platform/errors';
import type { Principal } from '../../../platform/principal';
import type { Context, DocumentsDomain } from '../context';
import { toView, type DocumentRecord, type DocumentView } from '../models/document';
import type { DossierRefRecord } from '../models/dossier-ref';
import type { UploadTicketRecord } from '../models/upload-ticket';
import { scannerKeyState } from '../models/scanner-key';
import { stateAt } from '../../../platform/key-store';
import { SCAN_SIGNATURE_HEADER, uploadPath } from '../../../platform/documents-protocol';
import { countPages, sniffContentType } from './content';
import { checkIntegrity } from './integrity';
import { requireDigitiser } from './scanner-keys';
import { sha256Hex } from '../../../platform/digest';
import { verifyScanSignature } from './signatures';

export interface UploadInput {
  dossierCode: string;
  documentTypeCode: string;
  name: string;
  pages: number;
  fileName: string;
}

const DOSSIER_CODE = /^[0-9A-Z.]+-\d{6}-\d{4}$/;
const DOCUMENT_TYPE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const MAX_PAGES = 2000;

/** The dossier as its events have told this subgraph; a dossier received a moment ago may take an instant to arrive. */
async function awaitDossier(ctx: Context, code: string): Promise<DossierRefRecord | null> {
  for (let i = 0; i < 30; i++) {
    const ref = await ctx.models.DossierRef.findById(code).lean().exec();
    if (ref) return ref;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/**
 * Step 1 of a scan (Art. 8): checks the declaration and issues a single-use upload ticket bound
 * to the officer. A component the owner's data store already holds for this dossier is not
 * scanned again (Art. 13.3b): it was linked at reception (R-DOC-4).
 */
export async function startUpload(ctx: Context, input: UploadInput, now = new Date()): Promise<{ documentId: string; uploadPath: string; expiresAt: Date; maxBytes: number }> {
  const officer = requireDigitiser(ctx);
  const errors: InputError[] = [];
  if (!DOSSIER_CODE.test(input.dossierCode)) errors.push({ field: 'dossierCode', message: `"${input.dossierCode}" is not a dossier code like 000.00.01.H26-261126-0001` });
  if (!DOCUMENT_TYPE.test(input.documentTypeCode)) errors.push({ field: 'documentTypeCode', message: 'a document type code is 1–32 letters, digits, "-" or "_" (e.g. TK1-TS)' });
  if (!input.name.trim()) errors.push({ field: 'name', message: 'the component name is required' });
  if (!Number.isInteger(input.pages) || input.pages < 1 || input.pages > MAX_PAGES) errors.push({ field: 'pages', message: `the paper's page count, 1–${MAX_PAGES}` });
  const fileName = input.fileName.trim();
  if (!fileName || fileName.length > 255 || /[/\\]/.test(fileName) || [...fileName].some((c) => c.charCodeAt(0) < 32)) errors.push({ field: 'fileName', message: 'a file name of 1–255 characters without slashes or control characters' });
  if (errors.length) throw invalidInput(errors);

  const dossier = await awaitDossier(ctx, input.dossierCode);
  if (!dossier) throw notFound(`no dossier ${input.dossierCode} has reached the documents service`);
  if (dossier.handlingAgencyCode !== officer.agencyCode) throw forbidden(`dossier ${input.dossierCode} is handled by ${dossier.handlingAgencyCode}, not your agency`);
  const held = (await ctx.loaders.reusedByDossier.load(input.dossierCode)).find((l) => l.doc.documentTypeCode === input.documentTypeCode);
  // A held copy that fails its check is no reason not to scan the paper again.
  if (held && (await checkIntegrity(held.doc, ctx)).status === 'VALID') {
    throw appError(ErrorCode.CONFLICT, `the owner's data store already holds ${input.documentTypeCode} (document ${held.doc.id}, ${held.doc.digitisationCode}), linked to this dossier: it is not scanned again (Art. 13.3b)`, { documentId: held.doc.id });
  }
  const ticket = randomBytes(24).toString('base64url');
  const documentId = new Types.ObjectId();
  const expiresAt = new Date(now.getTime() + ctx.config.uploadTicketSeconds * 1000);
  await ctx.models.UploadTicket.create({
    _id: ticket, documentId, subject: officer.subject, agencyCode: officer.agencyCode, dossierCode: input.dossierCode, procedureCode: dossier.procedureCode,
    documentTypeCode: input.documentTypeCode, name: input.name.normalize('NFC').trim(), pages: input.pages, fileName, expiresAt,
  });
  return { documentId: documentId.toString(), uploadPath: uploadPath(ticket), expiresAt, maxBytes: ctx.config.maxBytes };
}

export interface ReceivedFile {
  bytes: Buffer;
  /** The Content-Type the client sent, if any: checked against the bytes, never trusted. */
  claimedType: string | null;
  scanSignature: string | null;
}

/** Step 2 begins: the ticket must be live and the caller's, before a byte of the file is read. */
export async function openTicket(domain: DocumentsDomain, p: Principal, ticketId: string, now = new Date()): Promise<UploadTicketRecord> {
  const ticket = await domain.models.UploadTicket.findById(ticketId).lean().exec();
  if (!ticket || ticket.expiresAt <= now) throw notFound('this upload ticket is unknown, used or expired: ask startDocumentUpload for a new one');
  if (ticket.subject !== p.subject) throw forbidden('this upload ticket was issued to another officer');
  return ticket;
}

/**
 * Step 2: the bytes for a ticket. Everything is checked before anything is written: the type from
 * the bytes, the page count (Art. 8.2c), the scanner's signature over the hash (Art. 8.1); then
 * the ticket is used up, `accepted` records the acceptance (the audit entry), the file goes to
 * GridFS and the document record follows. A failure after the file was written removes it again,
 * so a refused upload leaves nothing behind.
 */
export async function acceptUpload(
  domain: DocumentsDomain, p: Principal, ticket: UploadTicketRecord, file: ReceivedFile, accepted: (documentId: string) => Promise<void>, now = new Date(),
): Promise<DocumentView> {
  const { UploadTicket, ScannerKey, Document } = domain.models;

  const fail = (field: string, message: string) => invalidInput([{ field, message }]);
  const type = sniffContentType(file.bytes);
  if (!type) throw fail('file', 'the bytes are not a PDF, JPEG or PNG file, whatever the Content-Type says');
  const claimed = file.claimedType?.split(';')[0]!.trim().toLowerCase();
  if (claimed && claimed !== 'application/octet-stream' && claimed !== type) throw fail('content-type', `the Content-Type says ${claimed} but the bytes are ${type}`);
  let pages: number;
  try {
    pages = await countPages(file.bytes, type);
  } catch (err) {
    throw fail('file', (err as Error).message);
  }
  if (pages !== ticket.pages) throw fail('file', `the file has ${pages} page(s) but the paper has ${ticket.pages} (Art. 8.2c: one image per page)`);
  const sha256 = sha256Hex(file.bytes);
  if (!file.scanSignature) {
    throw fail(SCAN_SIGNATURE_HEADER, `sign {"documentId","dossierCode","documentTypeCode","sha256","pages","scannedAt"} with your registered scanner key and send the JWS in ${SCAN_SIGNATURE_HEADER} (Art. 8.1)`);
  }
  const id = ticket.documentId;
  const subject = { documentId: id.toString(), dossierCode: ticket.dossierCode, documentTypeCode: ticket.documentTypeCode, sha256, pages };
  const scan = await verifyScanSignature(file.scanSignature, ScannerKey, subject);
  if (!scan.ok) throw fail(SCAN_SIGNATURE_HEADER, scan.reason);
  if (scan.key.subject !== p.subject) throw forbidden('the scan is signed with another officer\'s key');
  const keyState = stateAt(scannerKeyState(scan.key), now);
  if (!keyState.ok) throw fail(SCAN_SIGNATURE_HEADER, `${keyState.reason}: sign with your current key (registerScannerKey)`);
  const scannedAt = new Date(scan.claims.scannedAt);
  if (scannedAt.getTime() > now.getTime() + 5 * 60_000) throw fail(SCAN_SIGNATURE_HEADER, 'the signed scan time is in the future');

  // Dated by the time-stamping authority, not by the workstation's clock: a key revoked later leaves this scan valid.
  const stamp = await domain.timestamps.stamp(sha256Hex(file.scanSignature));
  const { deletedCount } = await UploadTicket.deleteOne({ _id: ticket._id }).exec();
  if (deletedCount !== 1) throw appError(ErrorCode.CONFLICT, 'this upload ticket was used by another request at the same moment');
  await accepted(id.toString());
  const record: DocumentRecord = {
    _id: id, kind: 'COMPONENT', dossierCode: ticket.dossierCode, procedureCode: ticket.procedureCode, agencyCode: ticket.agencyCode,
    documentTypeCode: ticket.documentTypeCode, name: ticket.name,
    file: { fileName: ticket.fileName, contentType: type, size: file.bytes.length, pages, sha256, uploadedAt: now },
    uploadedBy: { client: p.client, subject: p.subject },
    scan: { jws: file.scanSignature, keyId: scan.key._id, signedBy: scan.key.name, signerSubject: scan.key.subject, scannedAt, timestamp: stamp.token, stampedAt: stamp.at },
    metadata: null, digitisationCode: null, ownerKey: null, agencySignature: null, createdAt: now, updatedAt: now,
  };
  try {
    await domain.files.put(id, ticket.fileName, file.bytes, type);
    await Document.create(record);
  } catch (err) {
    await domain.files.remove(id);
    throw err;
  }
  return toView(record);
}
