import type { DossierResolvers, DossierState } from '../generated/resolvers-types';
import { allowedActions, npspStatusOf } from '../workflow/states';
import { receiptPath } from '../routes';

export const Dossier: DossierResolvers = {
  __resolveReference: ({ code }, ctx) => ctx.visibleDossier(code),
  state: (d) => d.state as DossierState,
  npspStatusCode: (d) => npspStatusOf(d.state as DossierState),
  procedure: (d) => ({ code: d.procedureCode }),
  procedureAsReceived: (d) => (d.procedureVersion ? { code: d.procedureCode, version: d.procedureVersion } : null),
  receivingAgency: (d) => ({ code: d.receivingAgencyCode }),
  handlingAgency: (d) => ({ code: d.handlingAgencyCode }),
  deadlineStatus: (d, _, ctx) => ctx.calendar.deadlineStatus(d.appointmentAt, new Date(), d.completedAt),
  version: (d) => d.seq,
  allowedActions: (d) => allowedActions(d.state as DossierState),
  history: (d, _, ctx) => ctx.loaders.history.load(d.code),
  receiptUrl: (d) => receiptPath(d.code),
};
