import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Principal } from './principal';
import { GapFreeSequence, highestId } from './sequence';

/**
 * The append-only, hash-chained audit log (ARCHITECTURE "Security model"): who did what to which
 * record, when, and how it ended. Entry n stores the hash of entry n−1 and its own hash over both,
 * so editing or deleting any entry breaks every hash after it (`verifyAuditChain` finds where).
 * Numbers are claimed like every other gap-free sequence here: by inserting under the unique _id.
 */
export interface AuditEntry {
  _id: number;
  at: Date;
  actor: { client: string; subject: string; agencyCode: string | null };
  /** What was done, e.g. DOCUMENT_DOWNLOAD. */
  action: string;
  /** What it was done to, e.g. document:<id>. */
  target: string;
  /** ALLOWED, DENIED, or what stopped it (e.g. TAMPERED). */
  outcome: string;
  requestId: string;
  detail: string | null;
  previousHash: string;
  hash: string;
}

const AuditSchema = new Schema<AuditEntry>(
  {
    _id: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { type: new Schema({ client: String, subject: String, agencyCode: String }, { _id: false }), required: true },
    action: { type: String, required: true },
    target: { type: String, required: true },
    outcome: { type: String, required: true },
    requestId: { type: String, required: true },
    detail: { type: String, default: null },
    previousHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_log', versionKey: false },
);

export type AuditModel = Model<AuditEntry>;
export const auditModel = (db: Connection): AuditModel =>
  (db.models.AuditEntry as AuditModel | undefined) ?? db.model<AuditEntry>('AuditEntry', AuditSchema);

const GENESIS = '0'.repeat(64);

function hashOf(e: Omit<AuditEntry, 'hash'>): string {
  const { _id, at, actor, action, target, outcome, requestId, detail, previousHash } = e;
  const canonical = JSON.stringify([_id, at.toISOString(), actor.client, actor.subject, actor.agencyCode, action, target, outcome, requestId, detail, previousHash]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface AuditRecord {
  principal: Principal;
  requestId: string;
  action: string;
  target: string;
  outcome: string;
  detail?: string;
}

/** Appends audit entries for one database; one instance per process keeps the next number in mind. */
export class AuditLog {
  private readonly numbers: GapFreeSequence;

  constructor(private readonly Audit: AuditModel) {
    this.numbers = new GapFreeSequence(() => highestId(Audit));
  }

  async record(r: AuditRecord, at = new Date()): Promise<void> {
    const { principal: p } = r;
    await this.numbers.claim(
      async (n) => {
        const previousHash = n === 1 ? GENESIS : (await this.Audit.findById(n - 1).select({ hash: 1 }).lean().exec())?.hash;
        if (!previousHash) throw new Error(`audit entry ${n - 1} is missing: the audit chain is broken`);
        const entry = {
          _id: n, at, actor: { client: p.client, subject: p.subject, agencyCode: p.agencyCode ?? null },
          action: r.action, target: r.target, outcome: r.outcome, requestId: r.requestId, detail: r.detail ?? null, previousHash,
        };
        await this.Audit.create({ ...entry, hash: hashOf(entry) });
      },
      async () => undefined,
    );
  }
}

/** Checks the whole chain; answers the first entry that does not hold, or null when all do. */
export async function verifyAuditChain(Audit: AuditModel): Promise<{ brokenAt: number; reason: string } | null> {
  let expected = GENESIS;
  let n = 1;
  for await (const e of Audit.find().sort({ _id: 1 }).lean().cursor()) {
    if (e._id !== n) return { brokenAt: n, reason: `entry ${n} is missing` };
    if (e.previousHash !== expected) return { brokenAt: n, reason: `entry ${n} does not follow entry ${n - 1}` };
    const { hash, ...rest } = e;
    if (hashOf(rest) !== hash) return { brokenAt: n, reason: `entry ${n} was changed after it was written` };
    expected = hash;
    n += 1;
  }
  return null;
}
