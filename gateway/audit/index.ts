import type { Redis } from 'ioredis';
import { auditCheckpointModel, AuditCheckpointer, type CheckpointSeal } from '../../platform/audit-checkpoints';
import { AuditLog, auditDossierModel, auditModel } from '../../platform/audit';
import { connectDatabase } from '../../platform/mongo';
import type { Logger } from '../../platform/logger';
import type { AuditConfig } from '../config';
import { createAuditInbox, inboxKey, startAuditWriter } from './inbox';
import type { AuditSink } from './plugin';

/** The gateway's side of the audit trail: its connection to the audit database, the inbox and the writer. */
export async function startAudit(config: AuditConfig, redis: Redis, seal: CheckpointSeal, logger: Logger): Promise<AuditSink & { stop(): Promise<void> }> {
  const db = await connectDatabase(config.mongoUri, config.database);
  const Audit = auditModel(db);
  await Promise.all([Audit.init(), auditDossierModel(db).init(), auditCheckpointModel(db).init()]);
  const log = new AuditLog(Audit, auditDossierModel(db));
  const key = inboxKey(config.database);
  const inbox = createAuditInbox(redis, key, logger);
  const checkpoints = new AuditCheckpointer(Audit, auditCheckpointModel(db), seal, { entries: config.checkpointEvery, ms: config.checkpointMs });
  const writer = startAuditWriter({ redis, key, log, checkpoints, logger });
  return {
    append: (r) => log.record(r),
    add: (r) => inbox.add(r),
    async stop() {
      await writer.stop();
      inbox.stop();
      await db.close();
    },
  };
}
