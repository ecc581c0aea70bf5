import type { RequestBase, SubgraphDeps } from '../kit/context';
import { dossierStateModel, type DossierStateModel } from './models/dossier-state';

export interface Context extends RequestBase {
  models: { DossierState: DossierStateModel };
}

export function createContext(base: RequestBase, { db }: Pick<SubgraphDeps, 'db'>): Context {
  return { ...base, models: { DossierState: dossierStateModel(db) } };
}
