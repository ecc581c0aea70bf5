// Rebuilds the statistics rollups from the dossier event log: `npm run stats:rebuild`
// (MONGODB_URI and REDIS_URL of the running system; MONGODB_DB_PREFIX as the services use it).
import { readEnv, setting } from '../platform/config';
import type { DossierEvent } from '../platform/events';
import { connectDatabase } from '../platform/mongo';
import { connectRedis } from '../platform/redis';
import { eventLogModel } from '../subgraphs/dossiers/models/event-log';
import { RollupStore } from '../subgraphs/statistics/services/rollup-store';
import { rebuildRollups } from '../subgraphs/statistics/services/rebuild';

/** The dossiers subgraph's event log, streamed in storage order (the rebuild needs no order). */
export async function* eventLog(mongoUri: string, dbName: string): AsyncGenerator<DossierEvent> {
  const db = await connectDatabase(mongoUri, dbName);
  try {
    for await (const entry of eventLogModel(db).find().select({ event: 1 }).lean().cursor({ batchSize: 1000 })) yield entry.event;
  } finally {
    await db.close();
  }
}

async function main() {
  const env = readEnv({ REDIS_URL: setting.text(), MONGODB_URI: setting.text(), MONGODB_DB_PREFIX: setting.text('vss_') });
  const redis = await connectRedis(env.REDIS_URL);
  const started = Date.now();
  const { events, generation } = await rebuildRollups(new RollupStore(redis), eventLog(env.MONGODB_URI, `${env.MONGODB_DB_PREFIX}dossiers`));
  console.log(`rebuilt the statistics from ${events} dossier events in ${Date.now() - started} ms (generation ${generation})`);
  redis.disconnect();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`stats:rebuild: ${(err as Error).message}`);
    process.exit(1);
  });
}
