import type { Resolvers } from '../generated/resolvers-types';
import { DateTime } from '../../../platform/scalars';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Dossier } from './Dossier';
import { PortalSyncItem } from './PortalSyncItem';
import { PortalSyncStatus } from './PortalSyncStatus';
import { IvanChange } from './IvanChange';
import { AuditTrailEntry } from './AuditTrailEntry';
import { Agency, AgencyStep, DossierChange, Citizen, DossierHistoryEntry, DossierStatusLookup, Organization, Procedure } from './entities';

export const resolvers: Resolvers = {
  DateTime, Query, Mutation, Dossier, Agency, AgencyStep, DossierChange, Citizen, DossierHistoryEntry, DossierStatusLookup, Organization, Procedure, PortalSyncItem, PortalSyncStatus, IvanChange, AuditTrailEntry,
};
