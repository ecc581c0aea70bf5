import { backfill, type Upgrade } from '../kit/upgrades';
import { blockOf } from '../kit/sequence';
import { applicantKeyOf, dossierModel, queueKeyOf } from './models/dossier';
import { eventLogModel } from './models/event-log';
import { portalSyncItemModel } from './models/portal-sync';

/** Lookup keys that data stored by older versions lacks (kit/upgrades.ts). */
export const upgrades: Upgrade[] = [
  backfill('dossiers.applicantKey', dossierModel, 'applicantKey', (d) => applicantKeyOf(d.applicant)),
  backfill('dossiers.queue', dossierModel, 'queue', (d) => queueKeyOf(d.handlingAgencyCode, d.state)),
  backfill('dossier_event_log.block', eventLogModel, 'block', (l) => blockOf(l._id)),
  backfill('portal_sync_items.block', portalSyncItemModel, 'block', (i) => blockOf(i.globalSeq)),
];
