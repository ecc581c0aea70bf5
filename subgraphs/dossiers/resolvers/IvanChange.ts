import type { IvanChangeResolvers } from '../generated/resolvers-types';
import type { DossierState, DossierStatus } from '../generated/resolvers-types';

export const IvanChange: IvanChangeResolvers = {
  number: (c) => c.n,
  version: (c) => c.seq,
  fromState: (c) => c.fromState as DossierState | null,
  toState: (c) => c.toState as DossierState,
  status: (c) => c.status as DossierStatus,
};
