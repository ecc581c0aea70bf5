import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Principal } from './principal';
import { GapFreeSequence, highestId } from './sequence';
import { isDuplicateKey } from './mongo';

/**
 * The append-only, hash-chained audit log of every exchange (R-Q-2; ARCHITECTURE "Security
 * model"): who did what to which record, when, and how it ended. Entry n stores the hash of entry
 * n−1 and its own hash over both, so editing, deleting or reordering any entry breaks the chain
 * there (`verifyAuditChain` finds where). There is one log for the whole system, in its own
 * database (`<MONGODB_DB_PREFIX>audit`): the gateway records every GraphQL operation, REST route
 * and SOAP call, the documents subgraph its uploads, downloads and digitisations, the identity
 * subgraph the steps of account safety (OTP requests and checks, contact changes and their notices).
 *
 * Numbers are claimed like every other gap-free sequence here: by inserting under the unique _id.
 * Several writers (gateway workers, gateway processes, the documents subgraph) may append at once:
 * a second writer of number n is refused by the unique _id and tries n+1 after reading n's hash,
 * so the chain cannot fork. Nothing scans the log: the previous hash is read by _id, the last
 * number found by look-ups of _id (platform/sequence.ts), as FerretDB pushes no sort into SQL.
 */
export interface AuditEntry {
  _id: number;
  at: Date;
  /** Who: client type, token subject, and the agency or I-VAN provider acting. Never a personal id. */
  actor: { client: string; subject: string; agencyCode: string | null; providerId?: string | null };
  /** What was done, e.g. GRAPHQL_QUERY, GRAPHQL_MUTATION, REST, SOAP, DOCUMENT_DOWNLOAD. */
  action: string;
  /** What it was done to or by: an operation name, a route, document:<id>. */
  target: string;
  /** OK / ALLOWED / DENIED, or the errors' extensions.code (e.g. FORBIDDEN, TAMPERED). */
  outcome: string;
  requestId: string;
  /** The W3C trace id of the request, when it had one. */
  traceId?: string | null;
  detail: string | null;
  /** Identifiers touched: dossier:<code>, procedure:<code>, document:<id>; no personal data. */
  touched?: string[];
  /** SHA-256 of the GraphQL document (hex), for GraphQL operations. */
  documentHash?: string | null;
  previousHash: string;
  hash: string;
}

const AuditSchema = new Schema<AuditEntry>(
  {
    _id: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { type: new Schema({ client: String, subject: String, agencyCode: String, providerId: String }, { _id: false }), required: true },
    action: { type: String, required: true },
    target: { type: String, required: true },
    outcome: { type: String, required: true },
    requestId: { type: String, required: true },
    traceId: { type: String, default: null },
    detail: { type: String, default: null },
    touched: { type: [String], default: [] },
    documentHash: { type: String, default: null },
    previousHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_log', versionKey: false },
);

/**
 * One small row per (dossier, entry) for `auditTrail(dossierCode)`: read by one top-level equality
 * on dossierCode, which FerretDB serves from its index, instead of a filter on the entries' touched
 * arrays, which it would run over the whole log. Derived from the chain, which stays the record.
 */
export interface AuditDossierRow {
  /** `<dossierCode>#<entry number>`: written twice, stored once. */
  _id: string;
  dossierCode: string;
  entry: number;
  at: Date;
  actor: AuditEntry['actor'];
  action: string;
  target: string;
  outcome: string;
}

const AuditDossierSchema = new Schema<AuditDossierRow>(
  {
    _id: { type: String, required: true },
    dossierCode: { type: String, required: true, index: true },
    entry: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { type: new Schema({ client: String, subject: String, agencyCode: String, providerId: String }, { _id: false }), required: true },
    action: { type: String, required: true },
    target: { type: String, required: true },
    outcome: { type: String, required: true },
  },
  { collection: 'audit_dossiers', versionKey: false },
);

export type AuditModel = Model<AuditEntry>;
export type AuditDossierModel = Model<AuditDossierRow>;
export const auditModel = (db: Connection): AuditModel =>
  (db.models.AuditEntry as AuditModel | undefined) ?? db.model<AuditEntry>('AuditEntry', AuditSchema);
export const auditDossierModel = (db: Connection): AuditDossierModel =>
  (db.models.AuditDossierRow as AuditDossierModel | undefined) ?? db.model<AuditDossierRow>('AuditDossierRow', AuditDossierSchema);

/** The audit database beside a service's own, on the same connection pool (the one database every service writes). */
export const auditDatabase = (db: Connection, name: string): Connection => db.useDb(name, { useCache: true });
/** `<MONGODB_DB_PREFIX>audit`. */
export const auditDatabaseName = (prefix: string) => `${prefix}audit`;

export const GENESIS = '0'.repeat(64);

/** The hash of an entry: SHA-256 over its fields in a fixed order, and the previous entry's hash. */
export function auditHashOf(e: Omit<AuditEntry, 'hash'>): string {
  const { _id, at, actor, action, target, outcome, requestId, detail, previousHash } = e;
  const canonical = JSON.stringify([
    _id, at.toISOString(), actor.client, actor.subject, actor.agencyCode, actor.providerId ?? null, action, target, outcome, requestId,
    e.traceId ?? null, detail, e.touched ?? [], e.documentHash ?? null, previousHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface AuditRecord {
  principal: Pick<Principal, 'client' | 'subject' | 'agencyCode' | 'ivanProviderId'>;
  requestId: string;
  action: string;
  target: string;
  outcome: string;
  detail?: string | null;
  traceId?: string | null;
  touched?: string[];
  documentHash?: string | null;
  /** When it happened (ISO, as carried through the Redis inbox); now when unset. */
  at?: string;
}

const DOSSIER_PREFIX = 'dossier:';

/** Appends audit entries; one instance per process keeps the next number in mind. */
export class AuditLog {
  private readonly numbers: GapFreeSequence;

  constructor(private readonly Audit: AuditModel, private readonly Dossiers?: AuditDossierModel) {
    this.numbers = new GapFreeSequence(() => highestId(Audit));
  }

  private async hashOfEntry(n: number): Promise<string> {
    if (n === 0) return GENESIS;
    const previous = (await this.Audit.findById(n).select({ hash: 1 }).lean().exec())?.hash;
    if (!previous) throw new Error(`audit entry ${n} is missing: the audit chain is broken`);
    return previous;
  }

  /** One append at a time per process: concurrent appends of one process would only collide on the same number. */
  private tail: Promise<unknown> = Promise.resolve();
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Appends one record; resolves once it is stored. */
  record(r: AuditRecord, at = r.at ? new Date(r.at) : new Date()): Promise<void> {
    return this.serial(() => this.append(r, at));
  }

  private async append(r: AuditRecord, at: Date): Promise<void> {
    const n = await this.numbers.claim(
      async (n) => {
        const entry = entryOf(n, { ...r, at: at.toISOString() }, await this.hashOfEntry(n - 1));
        await this.Audit.create(entry);
        return n;
      },
      async () => undefined,
    );
    await this.index([entryOf(n, { ...r, at: at.toISOString() }, '')]);
  }

  /**
   * Appends records in order with one ordered insert when no other writer interferes (the batch's
   * hashes are chained in memory from the last stored entry); what another writer's entries took
   * is appended one by one after them. Answers once all are stored.
   */
  recordAll(records: AuditRecord[]): Promise<void> {
    return this.serial(() => this.appendAll(records));
  }

  private async appendAll(records: AuditRecord[]): Promise<void> {
    let rest = records;
    while (rest.length) {
      const built: AuditEntry[] = [];
      const { first, stored } = await this.numbers.claimRun(rest.length, async (first) => {
        let previous = await this.hashOfEntry(first - 1);
        rest.forEach((r, i) => {
          const e = entryOf(first + i, r, previous);
          built.push(e);
          previous = e.hash;
        });
        // Built whole and typed here: straight to the driver, without mongoose's per-document casting.
        await this.Audit.collection.insertMany(built as never[], { ordered: true });
      });
      await this.index(built.filter((e) => e._id < first + stored));
      rest = rest.slice(stored);
      if (rest.length) {
        await this.append(rest[0]!, rest[0]!.at ? new Date(rest[0]!.at) : new Date());
        rest = rest.slice(1);
      }
    }
  }

  private async index(entries: AuditEntry[]): Promise<void> {
    if (!this.Dossiers) return;
    const rows = entries.flatMap((e) =>
      (e.touched ?? []).filter((t) => t.startsWith(DOSSIER_PREFIX)).map((t): AuditDossierRow => {
        const dossierCode = t.slice(DOSSIER_PREFIX.length);
        return { _id: `${dossierCode}#${e._id}`, dossierCode, entry: e._id, at: e.at, actor: e.actor, action: e.action, target: e.target, outcome: e.outcome };
      }),
    );
    if (!rows.length) return;
    // Unordered and straight to the driver; a row already there (an entry appended twice after a writer's crash) is skipped.
    await this.Dossiers.collection.insertMany(rows as never[], { ordered: false }).catch((err: unknown) => {
      const errors = (err as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
      const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
      if (!isDuplicateKey(err) && !(list.length && list.every((e) => e.code === 11000))) throw err;
    });
  }
}

function entryOf(n: number, r: AuditRecord, previousHash: string): AuditEntry {
  const p = r.principal;
  const entry: Omit<AuditEntry, 'hash'> = {
    _id: n, at: r.at ? new Date(r.at) : new Date(),
    actor: { client: p.client, subject: p.subject, agencyCode: p.agencyCode ?? null, providerId: p.ivanProviderId ?? null },
    action: r.action, target: r.target, outcome: r.outcome, requestId: r.requestId, traceId: r.traceId ?? null, detail: r.detail ?? null,
    touched: r.touched ?? [], documentHash: r.documentHash ?? null, previousHash,
  };
  return { ...entry, hash: auditHashOf(entry) };
}

export type ChainBreak = { brokenAt: number; kind: 'edited' | 'deleted' | 'reordered'; reason: string };

/**
 * Checks the whole chain in order; answers the first entry that does not hold, or null when all do.
 * An entry whose number is missing was deleted; one whose own hash holds under another number, or
 * which holds but does not follow its predecessor, was moved (reordered); any other, edited.
 */
export async function verifyAuditChain(Audit: AuditModel): Promise<(ChainBreak & { entries: number }) | null> {
  let expected = GENESIS;
  let n = 1;
  for await (const e of Audit.find().sort({ _id: 1 }).lean().cursor()) {
    const broken = checkEntry(e, n, expected);
    if (broken) return { ...broken, entries: n - 1 };
    expected = e.hash;
    n += 1;
  }
  return null;
}

function checkEntry(e: AuditEntry, n: number, expected: string): ChainBreak | null {
  if (e._id !== n) return { brokenAt: n, kind: 'deleted', reason: `entry ${n} is missing (deleted): the next stored entry is ${e._id}` };
  const { hash, ...rest } = e;
  const holds = auditHashOf(rest) === hash;
  if (holds && e.previousHash === expected) return null;
  if (holds) return { brokenAt: n, kind: 'reordered', reason: `entry ${n} does not follow entry ${n - 1}: entries were reordered or replaced` };
  // Swapped entries keep their content but not their number: try the numbers around it.
  for (const m of [n - 2, n - 1, n + 1, n + 2]) {
    if (m >= 1 && auditHashOf({ ...rest, _id: m }) === hash) return { brokenAt: n, kind: 'reordered', reason: `entry ${n} holds entry ${m}'s record: entries were reordered` };
  }
  return { brokenAt: n, kind: 'edited', reason: `entry ${n} was changed after it was written` };
}
