// Checks the audit trail (R-Q-2): `npm run audit:verify` (MONGODB_URI of the running system;
// MONGODB_DB_PREFIX and KEYS_DIR or KEYS_URL as the services use them). Exits 1 when the chain or a checkpoint is broken.
import { readEnv, setting } from '../platform/config';
import { auditDatabaseName, auditModel, verifyAuditChain } from '../platform/audit';
import { auditCheckpointModel, verifyCheckpoints, type CheckpointSeal } from '../platform/audit-checkpoints';
import { keyStoreOf } from '../platform/key-store';
import { localTimestamps } from '../adapters/timestamp/local';
import { checkpointSeal } from '../adapters/timestamp/stamped';
import { connectDatabase } from '../platform/mongo';

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  checkpoints: number;
  /** The first entry edited, deleted or reordered, and what was found. */
  chain: Awaited<ReturnType<typeof verifyAuditChain>>;
  checkpoint: Awaited<ReturnType<typeof verifyCheckpoints>>['problem'];
  lines: string[];
}

/** Verifies the chain, then every checkpoint against it: its stamped signature under the gateway's `internal` key set. */
export async function verifyAudit(mongoUri: string, database: string, seal: CheckpointSeal): Promise<AuditVerdict> {
  const db = await connectDatabase(mongoUri, database);
  try {
    const Audit = auditModel(db);
    const entries = await Audit.estimatedDocumentCount();
    const chain = await verifyAuditChain(Audit);
    const cps = await verifyCheckpoints(Audit, auditCheckpointModel(db), seal);
    const lines = [`audit log ${database}: ${entries} entries, ${cps.checkpoints} signed and stamped checkpoints`];
    if (chain) lines.push(`BROKEN at entry ${chain.brokenAt} (${chain.kind}): ${chain.reason}; entries 1–${chain.entries} hold`);
    else lines.push(`chain: entries 1–${entries} hold`);
    if (cps.problem) lines.push(`CHECKPOINT ${cps.problem.checkpoint} (entry ${cps.problem.entry}) fails: ${cps.problem.reason}`);
    else lines.push(`checkpoints: all ${cps.checkpoints} verify${cps.checkpoints ? `; the last seals entry ${cps.lastEntry}` : ''}`);
    return { ok: !chain && !cps.problem, entries, checkpoints: cps.checkpoints, chain, checkpoint: cps.problem, lines };
  } finally {
    await db.close();
  }
}

async function main() {
  const env = readEnv({ MONGODB_URI: setting.text(), MONGODB_DB_PREFIX: setting.text('vss_'), KEYS_DIR: setting.path('.data/keys'), KEYS_URL: setting.url().optional(), KEYS_TOKEN: setting.text().optional() });
  const keys = keyStoreOf({ dir: env.KEYS_DIR, url: env.KEYS_URL, token: env.KEYS_TOKEN });
  const verdict = await verifyAudit(env.MONGODB_URI, auditDatabaseName(env.MONGODB_DB_PREFIX), checkpointSeal(keys, localTimestamps(keys)));
  for (const line of verdict.lines) console.log(line);
  process.exit(verdict.ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`audit:verify: ${(err as Error).message}`);
    process.exit(2);
  });
}
