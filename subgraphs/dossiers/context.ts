import type { RequestBase, SubgraphDeps } from '../kit/context';
import { oneByKey } from '../kit/loaders';
import { dossierModel, type DossierRecord } from './models/dossier';
import { dossierEventModel } from './models/dossier-event';
import type { DossierModels } from './services/dossiers';

export interface Context extends RequestBase {
  models: DossierModels;
  loaders: { dossier: ReturnType<typeof oneByKey<DossierRecord>> };
}

export const dossierModels = (db: SubgraphDeps['db']): DossierModels => ({ Dossier: dossierModel(db), DossierEvent: dossierEventModel(db) });

export function createContext(base: RequestBase, { db }: Pick<SubgraphDeps, 'db'>): Context {
  const models = dossierModels(db);
  return {
    ...base,
    models,
    loaders: {
      dossier: oneByKey((codes) => models.Dossier.find({ code: { $in: codes } }).lean().exec(), (d) => d.code),
    },
  };
}
