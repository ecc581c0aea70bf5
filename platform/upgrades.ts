import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from './mongo';
import type { Logger } from './logger';

/**
 * Changes a new version makes to data stored by an older one (a lookup key copied to the top
 * level, a block number), run at start before anything reads that data. Each is recorded in
 * `upgrades` once done, so it runs once per database; one that fails stops the start and runs
 * again next time, so each must be repeatable. A new database records them without work.
 */
export interface Upgrade {
  /** Never renamed: it is how a database remembers that the upgrade was done. */
  name: string;
  run(db: Connection): Promise<number>;
}

interface UpgradeRecord {
  _id: string;
  at: Date;
  changed: number;
}
const UpgradeSchema = new Schema<UpgradeRecord>({ _id: String, at: Date, changed: Number }, { collection: 'upgrades', versionKey: false });

export async function runUpgrades(db: Connection, upgrades: readonly Upgrade[], logger: Logger): Promise<void> {
  const Done = (db.models.Upgrade as Model<UpgradeRecord> | undefined) ?? db.model<UpgradeRecord>('Upgrade', UpgradeSchema);
  for (const u of upgrades) {
    if (await Done.exists({ _id: u.name })) continue;
    const changed = await u.run(db);
    if (changed) logger.info('upgraded stored data', { upgrade: u.name, changed });
    await Done.create({ _id: u.name, at: new Date(), changed }).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err; // another process of this subgraph did it too
    });
  }
}

/** An upgrade that sets `field` on every document lacking it, computed from the document. */
export function backfill<T extends { _id?: unknown }>(name: string, model: (db: Connection) => Model<T>, field: string, value: (doc: T) => unknown): Upgrade {
  return {
    name,
    async run(db) {
      const M = model(db);
      // A scan, once: the documents lacking the field cannot be found any other way.
      const lacking = (await M.find({ [field]: { $exists: false } }).lean().exec()) as T[];
      for (const doc of lacking) await M.updateOne({ _id: doc._id }, { $set: { [field]: value(doc) } as Partial<T> }).exec();
      return lacking.length;
    },
  };
}
