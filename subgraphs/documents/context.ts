import type DataLoader from 'dataloader';
import { auditDatabase, auditDossierModel, auditModel, AuditLog } from '../../platform/audit';
import { perProcess, type RequestBase, type SubgraphDeps } from '../../platform/context';
import { manyByKey, oneByKey } from '../../platform/loaders';
import { loadDocumentsConfig, type DocumentsConfig } from './config';
import { documentModel, toView, type DocumentModel, type DocumentView } from './models/document';
import { documentLinkModel, type DocumentLinkModel, type DocumentLinkRecord } from './models/document-link';
import { dossierRefModel, type DossierRefModel, type DossierRefRecord } from './models/dossier-ref';
import { scannerKeyModel, type ScannerKeyModel } from './models/scanner-key';
import { uploadTicketModel, type UploadTicketModel } from './models/upload-ticket';
import { digitisationCodeModel, type DigitisationCodeModel } from './models/digitisation-code';
import { FileStore } from './services/file-store';
import { keyStoreOf, type KeyStore } from '../../platform/key-store';
import { localTimestamps } from '../../adapters/timestamp/local';
import type { TimestampPort } from '../../adapters/timestamp/port';
import { DocumentRepository, objectIdOf } from './repositories/documents';

export interface DocumentModels {
  Document: DocumentModel;
  DocumentLink: DocumentLinkModel;
  DossierRef: DossierRefModel;
  ScannerKey: ScannerKeyModel;
  UploadTicket: UploadTicketModel;
  DigitisationCode: DigitisationCodeModel;
}

/** What lives as long as the process: models, the documents' store, the file store, the audit log, the agencies' keys and the time-stamping authority. */
export interface DocumentsDomain {
  models: DocumentModels;
  /** The document aggregate's persistence: documents, digitisation codes, reuse links. */
  documents: DocumentRepository;
  files: FileStore;
  audit: AuditLog;
  /** The agencies' key sets (agency-<code>): results and countersignatures (platform/key-store.ts). */
  keys: KeyStore;
  timestamps: TimestampPort;
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
  const keys = keyStoreOf(deps.config.keys);
  const models = documentModels(deps.db);
  return {
    models,
    documents: new DocumentRepository(models),
    files: new FileStore(deps.db),
    // The one audit log of the system, in its own database (platform/audit.ts), not this subgraph's.
    audit: new AuditLog(auditModel(auditDatabase(deps.db, deps.config.auditDatabaseName)), auditDossierModel(auditDatabase(deps.db, deps.config.auditDatabaseName))),
    keys,
    timestamps: localTimestamps(keys),
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

export function createContext(base: RequestBase, deps: SubgraphDeps): Context {
  const domain = domainOf(deps);
  const { Document, DocumentLink, DossierRef } = domain.models;
  // Every look-up below is one equality on _id or on a field that leads an index (models/*.ts):
  // FerretDB pushes nothing else into SQL (README, Design; test/integration/documents-indexes.test.ts).
  const document = oneByKey(async (id) => {
    const doc = await domain.documents.byId(id);
    return doc ? toView(doc) : null;
  });
  /** The documents reuse links point to, each through the document loader (one look-up by id each). */
  const reusedFrom = async (links: DocumentLinkRecord[]): Promise<Listed[]> => {
    const docs = await document.loadMany(links.map((l) => l.documentId.toString()));
    return links.flatMap((l, i) => {
      const doc = docs[i];
      return doc && !(doc instanceof Error) ? [{ dossierCode: l.dossierCode, doc }] : [];
    });
  };
  return {
    ...base,
    ...domain,
    loaders: {
      document,
      documentsByDossier: manyByKey(async (dossierCode): Promise<Listed[]> => {
        const [own, links] = await Promise.all([Document.find({ dossierCode }).lean().exec(), DocumentLink.find({ dossierCode }).lean().exec()]);
        const listed = [...own.map((d) => ({ dossierCode, doc: toView(d) })), ...(await reusedFrom(links))];
        return listed.sort((a, b) => byAge(a.doc, b.doc));
      }),
      reusedByDossier: manyByKey(async (dossierCode) => reusedFrom(await DocumentLink.find({ dossierCode }).lean().exec())),
      // Newest first, sorted here: FerretDB sorts in its memory anyway, after reading whatever the filter selected.
      documentsByOwner: manyByKey(async (ownerKey) => (await Document.find({ ownerKey }).lean().exec()).map(toView).sort((a, b) => byAge(b, a))),
      dossierRef: oneByKey((code) => DossierRef.findById(code).lean().exec()),
      linksByDocument: manyByKey(async (id) => {
        const documentId = objectIdOf(id);
        return documentId ? DocumentLink.find({ documentId }).lean().exec() : [];
      }),
    },
  };
}
