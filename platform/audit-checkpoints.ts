import { Schema, type Connection, type Model } from 'mongoose';
import type { AuditModel } from './audit';
import { GapFreeSequence, highestId } from './sequence';

/**
 * Signed checkpoints of the audit chain (R-Q-2; X-Road signs and timestamps its message log the
 * same way): checkpoint k says "entry n had hash h at time t", signed (JWS, EdDSA) with the
 * gateway's internal key set and stamped by the time-stamping authority, like every signature of
 * ours (issue 19: a key revoked later leaves earlier checkpoints valid). A chain rewritten from some entry on (every hash recomputed, so
 * it verifies again) no longer matches the checkpoints after that entry, and the log cut short no
 * longer reaches the last one; forging a checkpoint needs the private key.
 */
export interface AuditCheckpoint {
  /** Checkpoint number, gap-free from 1. */
  _id: number;
  /** The audit entry it seals, and that entry's hash. */
  entry: number;
  hash: string;
  at: Date;
  kid: string;
  /** Compact JWS over {entry, hash, at}. */
  jws: string;
  /** Timestamp token over the JWS (absent on checkpoints made before issue 19). */
  timestamp?: string | null;
}

/**
 * Signs and stamps a checkpoint's payload, and checks one at its stamped time: a stamped
 * signature of adapters/timestamp (the platform knows only this shape).
 */
export interface CheckpointSeal {
  seal(payload: { entry: number; hash: string; at: string }): Promise<{ jws: string; kid: string; timestamp?: string | null }>;
  check(c: { jws: string; kid: string; timestamp?: string | null; at: Date }): Promise<{ ok: true; payload: string; signedAt: Date } | { ok: false; reason: string }>;
}

const CheckpointSchema = new Schema<AuditCheckpoint>(
  {
    _id: { type: Number, required: true },
    entry: { type: Number, required: true },
    hash: { type: String, required: true },
    at: { type: Date, required: true },
    kid: { type: String, required: true },
    jws: { type: String, required: true },
    timestamp: { type: String, default: null },
  },
  { collection: 'audit_checkpoints', versionKey: false },
);

export type AuditCheckpointModel = Model<AuditCheckpoint>;
export const auditCheckpointModel = (db: Connection): AuditCheckpointModel =>
  (db.models.AuditCheckpoint as AuditCheckpointModel | undefined) ?? db.model<AuditCheckpoint>('AuditCheckpoint', CheckpointSchema);

const payloadOf = (c: Pick<AuditCheckpoint, 'entry' | 'hash' | 'at'>) => JSON.stringify({ entry: c.entry, hash: c.hash, at: c.at.toISOString() });

/** Writes checkpoints of the chain; the writer holding the audit lease calls `maybe` after each batch. */
export class AuditCheckpointer {
  private readonly numbers: GapFreeSequence;
  private last: { entry: number; at: number } | undefined;
  private appended = 0;

  constructor(
    private readonly Audit: AuditModel,
    private readonly Checkpoints: AuditCheckpointModel,
    private readonly seal: CheckpointSeal,
    private readonly every: { entries: number; ms: number },
  ) {
    this.numbers = new GapFreeSequence(() => highestId(Checkpoints));
  }

  private async lastCheckpoint(): Promise<{ entry: number; at: number }> {
    if (this.last) return this.last;
    const k = await highestId(this.Checkpoints);
    const c = k ? await this.Checkpoints.findById(k).lean().exec() : null;
    return (this.last = c ? { entry: c.entry, at: c.at.getTime() } : { entry: 0, at: 0 });
  }

  /**
   * Signs a checkpoint of the chain's last entry when `every.entries` were appended (`appended`:
   * by this writer since its last call) or `every.ms` passed since the last one. Between those it
   * reads nothing, so calling it after every batch costs no look-ups.
   */
  async maybe(appended = 0, now = Date.now()): Promise<AuditCheckpoint | null> {
    this.appended += appended;
    const last = await this.lastCheckpoint();
    if (this.appended < this.every.entries && now - last.at < this.every.ms) return null;
    const entry = await highestId(this.Audit);
    if (entry <= last.entry) {
      // Nothing new: look again after another interval.
      this.last = { entry: last.entry, at: now };
      this.appended = 0;
      return null;
    }
    return this.sign(entry, new Date(now));
  }

  async sign(entry: number, at = new Date()): Promise<AuditCheckpoint> {
    const hash = (await this.Audit.findById(entry).select({ hash: 1 }).lean().exec())?.hash;
    if (!hash) throw new Error(`audit entry ${entry} is missing`);
    const { jws, kid, timestamp } = await this.seal.seal({ entry, hash, at: at.toISOString() });
    const checkpoint = await this.numbers.claim(
      async (n) => {
        const c: AuditCheckpoint = { _id: n, entry, hash, at, kid, jws, timestamp: timestamp ?? null };
        await this.Checkpoints.create(c);
        return c;
      },
      async () => undefined,
    );
    this.last = { entry, at: at.getTime() };
    this.appended = 0;
    return checkpoint;
  }
}

export type CheckpointProblem = { checkpoint: number; entry: number; reason: string };

/**
 * Checks every checkpoint: its stamped signature (`seal.check`), that its payload is what it
 * claims, and that the chain's entry still has the sealed hash. Answers the first that fails, or null.
 */
export async function verifyCheckpoints(
  Audit: AuditModel,
  Checkpoints: AuditCheckpointModel,
  seal: CheckpointSeal,
): Promise<{ problem: CheckpointProblem | null; checkpoints: number; lastEntry: number }> {
  let count = 0;
  let lastEntry = 0;
  for await (const c of Checkpoints.find().sort({ _id: 1 }).lean().cursor()) {
    count += 1;
    const fail = (reason: string) => ({ problem: { checkpoint: c._id, entry: c.entry, reason }, checkpoints: count, lastEntry });
    if (c._id !== count) return fail(`checkpoint ${count} is missing`);
    const checked = await seal.check(c);
    if (!checked.ok) return fail(`checkpoint ${c._id}'s signature does not hold: ${checked.reason}`);
    if (checked.payload !== payloadOf(c)) return fail(`checkpoint ${c._id} was changed after it was signed`);
    const sealed = await Audit.findById(c.entry).select({ hash: 1 }).lean().exec();
    if (!sealed) return fail(`entry ${c.entry}, sealed by checkpoint ${c._id}, is missing: the log was cut short`);
    if (sealed.hash !== c.hash) return fail(`entry ${c.entry} no longer has the hash checkpoint ${c._id} sealed: the chain was rewritten`);
    lastEntry = c.entry;
  }
  return { problem: null, checkpoints: count, lastEntry };
}
