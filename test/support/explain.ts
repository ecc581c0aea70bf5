import type { Connection } from 'mongoose';

/**
 * Proves that hot paths read through indexes: records every command a piece of work sends to the
 * database, asks the server to explain each read (a find, count, aggregate, or the filter of an
 * update, delete or findAndModify), and names each one that reads a big table sequentially.
 *
 * On the embedded FerretDB the explanation is PostgreSQL's plan for the very SQL FerretDB
 * generated (its `explain` runs `EXPLAIN` on it), so a filter that FerretDB does not push down,
 * or one no index serves, shows up as a `Seq Scan`. On MongoDB a `COLLSCAN` is the same finding.
 */
type Command = Record<string, unknown> & { $db?: string };

interface Recorded {
  db: string;
  collection: string;
  /** The read as an explainable command. */
  read: Record<string, unknown>;
  name: string;
}

const READS: Record<string, (c: Command) => Record<string, unknown>[]> = {
  find: (c) => [{ find: c.find, filter: c.filter ?? {}, ...(c.sort ? { sort: c.sort } : {}), ...(c.limit ? { limit: c.limit } : {}) }],
  count: (c) => [{ find: c.count, filter: c.query ?? {} }],
  aggregate: (c) => [{ aggregate: c.aggregate, pipeline: c.pipeline, cursor: {} }],
  findAndModify: (c) => [{ find: c.findAndModify, filter: c.query ?? {} }],
  update: (c) => (c.updates as { q: object }[]).map((u) => ({ find: c.update, filter: u.q })),
  delete: (c) => (c.deletes as { q: object }[]).map((d) => ({ find: c.delete, filter: d.q })),
};

/** Runs `work` and returns the reads it sent (platform/mongo.ts connects with monitorCommands). */
export async function recordReads(db: Connection, work: () => Promise<unknown>): Promise<Recorded[]> {
  const client = db.getClient();
  if (!client.options.monitorCommands) throw new Error('connect with monitorCommands: true to record commands');
  const recorded: Recorded[] = [];
  const listener = (e: { commandName: string; command: Command; databaseName: string }) => {
    const toReads = READS[e.commandName];
    if (!toReads) return;
    const collection = String(e.command[e.commandName]);
    for (const read of toReads(e.command)) {
      recorded.push({ db: e.databaseName, collection, read, name: `${e.commandName} ${collection} ${JSON.stringify(read.filter ?? read.pipeline)}` });
    }
  };
  client.on('commandStarted', listener);
  try {
    await work();
  } finally {
    client.off('commandStarted', listener);
  }
  return recorded;
}

interface PgPlan {
  'Node Type': string;
  'Relation Name'?: string;
  'Plan Rows'?: number;
  Plans?: PgPlan[];
}

const seqScannedTables = (plan: PgPlan): string[] => [
  ...(plan['Node Type'] === 'Seq Scan' ? [plan['Relation Name'] ?? '?'] : []),
  ...(plan.Plans ?? []).flatMap(seqScannedTables),
];

/** Whether the explained read scans its whole collection; `rows` is how many documents that collection holds. */
async function scansWhole(db: Connection, r: Recorded): Promise<{ whole: boolean; plan: unknown }> {
  const explained = (await db.getClient().db(r.db).command({ explain: r.read, verbosity: 'queryPlanner' })) as Record<string, unknown>;
  const planner = explained.queryPlanner as Record<string, unknown> | undefined;
  if (planner && 'Plan' in planner) {
    // FerretDB on PostgreSQL: PostgreSQL's own plan.
    return { whole: seqScannedTables(planner.Plan as PgPlan).length > 0, plan: planner.Plan };
  }
  // MongoDB: a collection scan anywhere in the winning plan.
  return { whole: JSON.stringify(planner?.winningPlan ?? explained).includes('COLLSCAN'), plan: planner?.winningPlan };
}

/**
 * How many documents a collection holds. collStats answers from the server's statistics, which
 * FerretDB refreshes first (ANALYZE, as autovacuum would); a count would read the whole table.
 */
export async function documentsIn(db: Connection, dbName: string, collection: string): Promise<number> {
  const stats = (await db.getClient().db(dbName).command({ collStats: collection })) as { count?: number };
  return stats.count ?? 0;
}

/** documentsIn for a mongoose model's collection. */
export const documentsOf = (model: { db: Connection; collection: { collectionName: string } }) => documentsIn(model.db, model.db.name, model.collection.collectionName);

/** Collection sizes, asked once per test file: tests fill their collections before any check. */
const sizes = new Map<string, number>();

/**
 * Every read of `work` on a collection holding at least `minDocuments` documents (so a scan
 * would cost) that the server answers by reading the whole collection, as readable lines.
 */
export async function wholeCollectionReads(db: Connection, work: () => Promise<unknown>, minDocuments = 1000): Promise<string[]> {
  const reads = await recordReads(db, work);
  // A hot path that read nothing proves nothing about its reads.
  if (reads.length === 0) throw new Error('the work sent no read to the database');
  const problems: string[] = [];
  for (const r of reads) {
    const key = `${r.db}.${r.collection}`;
    if (!sizes.has(key)) sizes.set(key, await documentsIn(db, r.db, r.collection));
    if (sizes.get(key)! < minDocuments) continue;
    const { whole, plan } = await scansWhole(db, r);
    if (whole) problems.push(`${r.name} reads all ${sizes.get(key)} documents: ${JSON.stringify(plan)}`);
  }
  return problems;
}
