import type { DossierEvent } from '../../../platform/events';
import type { RollupStore } from './rollup-store';

/**
 * Makes the rollups again from scratch out of the durable dossier event log (any order will do:
 * each event is applied once by its (dossier, seq)). The new generation is filled beside the live
 * one — the live consumer writes to both meanwhile — and then takes its place.
 */
export async function rebuildRollups(store: RollupStore, events: AsyncIterable<DossierEvent>, batchSize = 2000): Promise<{ events: number; generation: number }> {
  const gen = await store.beginRebuild();
  let batch: DossierEvent[] = [];
  let n = 0;
  for await (const e of events) {
    batch.push(e);
    if (batch.length === batchSize) {
      await store.apply(batch, [gen]);
      n += batch.length;
      batch = [];
    }
  }
  await store.apply(batch, [gen]);
  n += batch.length;
  await store.finishRebuild(gen);
  return { events: n, generation: gen };
}
