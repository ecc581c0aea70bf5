import type { SubgraphDeps } from '../../platform/context';
import { exportOutbox, exportStreamLag } from '../../platform/backlog-metrics';
import { STREAMS } from '../../platform/events';
import { gauge, perScrape } from '../../platform/metrics';
import { domainOf } from './context';
import { syncStatus } from './services/portal-sync';
import { deliveryStatus } from './services/ivan-delivery';

/**
 * The dossiers subgraph's gauges (issue 16): its event outbox and the lag of every consumer of
 * the dossier stream it publishes (statistics, documents), the national-portal push and the
 * I-VAN status pushes. Partners are summed: provider ids are not labels.
 */
export function registerDossierMetrics(deps: SubgraphDeps): void {
  const { models, portal } = domainOf(deps);
  exportOutbox('dossier-events', () => models.DossierEvent.find({ published: false }).select({ at: 1 }).lean().exec());
  exportStreamLag(deps.redis, STREAMS.dossierEvents);

  if (portal) {
    const readSync = perScrape(async () => {
      const status = await syncStatus(models);
      syncBacklog.set(status.backlog + status.notYetEnqueued);
      syncFailing.set(status.failing);
    });
    const syncBacklog = gauge({ name: 'vss_portal_sync_backlog', help: 'Dossier changes waiting to be pushed to the national portal (queued and not yet queued)', collect: readSync });
    const syncFailing = gauge({ name: 'vss_portal_sync_failing', help: 'National-portal pushes that failed and wait for a retry', collect: readSync });
  }
  const readDeliveries = perScrape(async () => {
    const providers = await models.IvanCallback.find().select({ _id: 1 }).lean().exec();
    const statuses = await Promise.all(providers.map((p) => deliveryStatus(models, p._id)));
    deliveryBacklog.set(statuses.reduce((n, s) => n + s.backlog, 0));
    deliveryFailing.set(statuses.reduce((n, s) => n + s.failing, 0));
  });
  const deliveryBacklog = gauge({ name: 'vss_ivan_delivery_backlog', help: 'Status pushes waiting for I-VAN partners, all partners', collect: readDeliveries });
  const deliveryFailing = gauge({ name: 'vss_ivan_delivery_failing', help: 'Status pushes to I-VAN partners refused and waiting for a retry, all partners', collect: readDeliveries });
}
