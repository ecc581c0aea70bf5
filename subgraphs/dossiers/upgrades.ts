import { backfill, type Upgrade } from '../../platform/upgrades';
import { blockOf } from '../../platform/sequence';
import { applicantKeyOf, dossierModel, queueKeyOf } from './models/dossier';
import { eventLogModel } from './models/event-log';
import { ivanFeedStateModel } from './models/ivan-change';
import { portalSyncItemModel } from './models/portal-sync';

/** Lookup keys that data stored by older versions lacks (platform/upgrades.ts). */
export const upgrades: Upgrade[] = [
  backfill('dossiers.applicantKey', dossierModel, 'applicantKey', (d) => applicantKeyOf(d.applicant)),
  backfill('dossiers.queue', dossierModel, 'queue', (d) => queueKeyOf(d.handlingAgencyCode, d.state)),
  backfill('dossier_event_log.block', eventLogModel, 'block', (l) => blockOf(l._id)),
  backfill('portal_sync_items.block', portalSyncItemModel, 'block', (i) => blockOf(i.globalSeq)),
  {
    // The I-VAN change feed and pushes are keyed by provider; older log entries name it only on
    // their dossier. The feed then follows the log again from the start (it keeps one entry per
    // logged change), so changes logged before the upgrade reach their provider's feed too.
    name: 'dossier_event_log.ivanProviderId',
    async run(db) {
      const EventLog = eventLogModel(db);
      const Dossier = dossierModel(db);
      const lacking = await EventLog.find({ ivanProviderId: { $exists: false } }).select({ _id: 1, dossierCode: 1, 'event.channel': 1 }).lean().exec();
      const providers = new Map<string, string | null>();
      for (const l of lacking) {
        if (l.event.channel === 'IVAN' && !providers.has(l.dossierCode)) {
          providers.set(l.dossierCode, (await Dossier.findOne({ code: l.dossierCode }).select({ ivanProviderId: 1 }).lean().exec())?.ivanProviderId ?? null);
        }
        await EventLog.updateOne({ _id: l._id }, { $set: { ivanProviderId: providers.get(l.dossierCode) ?? null } }).exec();
      }
      if (providers.size) await ivanFeedStateModel(db).deleteOne({ _id: 'ivan-changes' }).exec();
      return lacking.length;
    },
  },
];
