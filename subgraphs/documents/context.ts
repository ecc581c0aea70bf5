import { Types } from 'mongoose';
import type DataLoader from 'dataloader';
import { auditModel, AuditLog } from '../kit/audit';
import { perProcess, type RequestBase, type SubgraphDeps } from '../kit/context';
import { manyByKey, oneByKey } from '../kit/loaders';
import { loadDocumentsConfig, type DocumentsConfig } from './config';
import { documentModel, toView, type DocumentModel, type DocumentView } from './models/document';
import { documentLinkModel, type DocumentLinkModel, type DocumentLinkRecord } from './models/document-link';
import { dossierRefModel, type DossierRefModel, type DossierRefRecord } from './models/dossier-ref';
import { scannerKeyModel, type ScannerKeyModel } from './models/scanner-key';
import { uploadTicketModel, type UploadTicketModel } from './models/upload-ticket';
import { digitisationCodeModel, type DigitisationCodeModel } from './models/digitisation-code';
import { FileStore } from './services/file-store';
import { AgencySigner } from './services/signatures';

export interface DocumentModels {
  Document: DocumentModel;
  DocumentLink: DocumentLinkModel;
  DossierRef: DossierRefModel;
  ScannerKey: ScannerKeyModel;
  UploadTicket: UploadTicketModel;
  DigitisationCode: DigitisationCodeModel;
}

/** What lives as long as the process: models, the file store, the audit log, the agency key. */
export interface DocumentsDomain {
  models: DocumentModels;
  files: FileStore;
  audit: AuditLog;
  agency: () => Promise<AgencySigner>;
  config: DocumentsConfig;
}

export const documentModels = (db: SubgraphDeps['db']): DocumentModels => ({
  Document: documentModel(db),
  DocumentLink: documentLinkModel(db),
  DossierRef: dossierRefModel(db),
  ScannerKey: scannerKeyModel(db),
  UploadTicket: uploadTicketModel(db),
  DigitisationCode: digitisationCodeModel(db),
});

export const domainOf = perProcess((deps): DocumentsDomain => {
  let agency: Promise<AgencySigner> | undefined;
  return {
    models: documentModels(deps.db),
    files: new FileStore(deps.db),
    audit: new AuditLog(auditModel(deps.db)),
    agency: () => (agency ??= AgencySigner.load(deps.config.keysDir)),
    config: loadDocumentsConfig(deps.config.env),
  };
});

export interface Context extends RequestBase, DocumentsDomain {
  loaders: {
    document: DataLoader<string, DocumentView | null>;
    /** Documents handed in with or issued for each dossier, and those reused from the owner's store. */
    documentsByDossier: DataLoader<string, Listed[]>;
    reusedByDossier: DataLoader<string, Listed[]>;
    /** Digitised documents by owner key (P:<personal id>, O:<unit code>). */
    documentsByOwner: DataLoader<string, DocumentView[]>;
    dossierRef: DataLoader<string, DossierRefRecord | null>;
    /** Reuse links of each document (by document id). */
    linksByDocument: DataLoader<string, DocumentLinkRecord[]>;
  };
}

/** A document as listed for one dossier (a reused document is listed for several). */
export interface Listed {
  dossierCode: string;
  doc: DocumentView;
}

const byAge = (a: DocumentView, b: DocumentView) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

const reusedFrom = (links: { dossierCode: string; documentId: Types.ObjectId }[], byId: Map<string, DocumentView>): Listed[] =>
  links.flatMap((l) => {
    const doc = byId.get(l.documentId.toString());
    return doc ? [{ dossierCode: l.dossierCode, doc }] : [];
  });

export function createContext(base: RequestBase, deps: SubgraphDeps): Context {
  const domain = domainOf(deps);
  const { Document, DocumentLink, DossierRef } = domain.models;
  const linksOf = async (codes: string[]) => DocumentLink.find({ dossierCode: { $in: codes } }).lean().exec();
  return {
    ...base,
    ...domain,
    loaders: {
      document: oneByKey(
        async (ids) => (await Document.find({ _id: { $in: ids.flatMap((id) => objectIdOf(id) ?? []) } }).lean().exec()).map(toView),
        (d) => d.id,
      ),
      documentsByDossier: manyByKey(async (codes): Promise<Listed[]> => {
        const links = await linksOf(codes);
        const docs = (await Document.find({ $or: [{ dossierCode: { $in: codes } }, { _id: { $in: links.map((l) => l.documentId) } }] }).lean().exec()).map(toView);
        const byId = new Map(docs.map((d) => [d.id, d]));
        const own = docs.filter((d) => codes.includes(d.dossierCode)).map((doc) => ({ dossierCode: doc.dossierCode, doc }));
        return [...own, ...reusedFrom(links, byId)].sort((a, b) => byAge(a.doc, b.doc));
      }, (l) => l.dossierCode),
      reusedByDossier: manyByKey(async (codes): Promise<Listed[]> => {
        const links = await linksOf(codes);
        const docs = (await Document.find({ _id: { $in: links.map((l) => l.documentId) } }).lean().exec()).map(toView);
        return reusedFrom(links, new Map(docs.map((d) => [d.id, d])));
      }, (l) => l.dossierCode),
      documentsByOwner: manyByKey(
        async (keys) => (await Document.find({ ownerKey: { $in: keys } }).sort({ createdAt: -1, _id: -1 }).lean().exec()).map(toView),
        (d) => d.ownerKey ?? '',
      ),
      dossierRef: oneByKey(async (codes) => DossierRef.find({ _id: { $in: codes } }).lean().exec(), (r) => r._id),
      linksByDocument: manyByKey(
        async (ids) => DocumentLink.find({ documentId: { $in: ids.flatMap((id) => objectIdOf(id) ?? []) } }).lean().exec(),
        (l) => l.documentId.toString(),
      ),
    },
  };
}

/** A document id from a client: 24 hex digits, or null (mongoose also takes any 12-character string). */
export const objectIdOf = (id: string): Types.ObjectId | null => (/^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null);
