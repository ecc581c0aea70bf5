import { isValidObjectId } from 'mongoose';
import type { RequestBase, SubgraphDeps } from '../kit/context';
import { manyByKey, oneByKey } from '../kit/loaders';
import { documentModel, toView, type DocumentModel, type DocumentView } from './models/document';

export interface Context extends RequestBase {
  models: { Document: DocumentModel };
  loaders: {
    document: ReturnType<typeof oneByKey<DocumentView>>;
    documentsByDossier: ReturnType<typeof manyByKey<DocumentView>>;
  };
}

export function createContext(base: RequestBase, { db }: Pick<SubgraphDeps, 'db'>): Context {
  const Document = documentModel(db);
  return {
    ...base,
    models: { Document },
    loaders: {
      document: oneByKey(
        async (ids) => (await Document.find({ _id: { $in: ids.filter((id) => isValidObjectId(id)) } }).lean().exec()).map(toView),
        (d) => d.id,
      ),
      documentsByDossier: manyByKey(
        async (codes) => (await Document.find({ dossierCode: { $in: codes } }).sort({ createdAt: 1, _id: 1 }).lean().exec()).map(toView),
        (d) => d.dossierCode,
      ),
    },
  };
}
