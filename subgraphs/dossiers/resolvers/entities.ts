import type { AgencyResolvers, DossierChangeResolvers, AgencyStepResolvers, CitizenResolvers, DossierHistoryEntryResolvers, DossierStatusLookupResolvers, OrganizationResolvers, ProcedureResolvers } from '../generated/resolvers-types';
import { countKey } from '../context';
import { filterQuery, listDossiers, pageOf } from '../services/queries';
import { applicantKeyOf } from '../models/dossier';

export const Agency: AgencyResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  dossiers: ({ code }, { status, first, after }, ctx) =>
    listDossiers(ctx, { filter: { agencyCodes: code, ...filterQuery({ status }, ctx.calendar) }, first, after }),
  dossierCount: ({ code }, { status }, ctx) => ctx.loaders.count.load(countKey('agency', code, status)),
};

export const Procedure: ProcedureResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  dossierCount: ({ code }, { status }, ctx) => ctx.loaders.count.load(countKey('procedure', code, status)),
};

export const Citizen: CitizenResolvers = {
  __resolveReference: ({ personalId }) => ({ personalId }),
  dossiers: async ({ personalId }, args, ctx) => pageOf(await ctx.loaders.byApplicant.load(applicantKeyOf({ personalId, unitCode: null })), args),
};

export const Organization: OrganizationResolvers = {
  __resolveReference: ({ unitCode }) => ({ unitCode }),
  dossiers: async ({ unitCode }, args, ctx) => pageOf(await ctx.loaders.byApplicant.load(applicantKeyOf({ personalId: null, unitCode })), args),
};

export const AgencyStep: AgencyStepResolvers = {
  agency: (s) => ({ code: s.agencyCode }),
};

export const DossierHistoryEntry: DossierHistoryEntryResolvers = {
  version: (e) => e.seq,
  fromState: (e) => e.previousState as never,
  toState: (e) => e.state as never,
  actorClient: (e) => e.actor.client,
  actorSubject: (e) => e.actor.subject,
};

/** Only the Art. 12 fields leave this resolver (R-DOS-4): nothing personal. */
export const DossierStatusLookup: DossierStatusLookupResolvers = {
  handlingAgency: (l) => ({ code: l.handlingAgencyCode }),
};

export const DossierChange: DossierChangeResolvers = {
  sequence: (l) => l._id,
  dossierCode: (l) => l.dossierCode,
  version: (l) => l.seq,
  action: (l) => l.event.action,
  fromState: (l) => l.event.previousState as never,
  toState: (l) => l.event.state as never,
  status: (l) => l.event.status as never,
  previousStatus: (l) => l.event.previousStatus as never,
  agencyCode: (l) => l.event.agencyCode,
  departmentCode: (l) => l.event.departmentCode,
  procedureCode: (l) => l.event.procedureCode,
  channel: (l) => l.event.channel as never,
  at: (l) => new Date(l.event.at),
};
