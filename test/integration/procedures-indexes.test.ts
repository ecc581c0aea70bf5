import { Types } from 'mongoose';
import { proceduresSubgraph } from '../../subgraphs/procedures/subgraph';
import { domainOf } from '../../subgraphs/procedures/context';
import { ProcedureRepository } from '../../subgraphs/procedures/repositories/procedures';
import { relayChanges } from '../../subgraphs/procedures/services/change-relay';
import { createProcedure, publishProcedure, updateProcedure, withdrawProcedure } from '../../subgraphs/procedures/services/publication';
import { searchTextOf, type ProcedureRecord } from '../../subgraphs/procedures/models/procedure';
import type { ProcedureChangeRecord } from '../../subgraphs/procedures/models/procedure-change';
import { STREAMS, type ProcedureChangeEvent } from '../../platform/events';
import { encodeCursor } from '../../platform/pagination';
import { BLOCK_SIZE, blockOf } from '../../platform/sequence';
import { wholeCollectionReads, documentsOf } from '../support/explain';
import { principals, subgraphHarness } from '../support/harness';
import { procedureContent } from '../support/procedures';

/**
 * Every hot path of the procedures subgraph is an index lookup by equality on FerretDB/PostgreSQL
 * (issue 12, R-Q-1: 24/7 at national volume), proven by PostgreSQL's plans at a volume where a
 * scan would show: ≥ 5 000 procedures and ≥ 5 000 change-log entries. They are made by the real
 * publication services for four procedures (a new version, a withdrawal, a plain publication, a
 * draft), then copied under new codes and numbers, gap-free, each entry with its block. The tests
 * run in order, each from what the previous one left.
 */
const REDIS_DB = 37;
// Each check explains its reads and counts the collections they touch, seconds on this machine.
jest.setTimeout(120_000);
const SETS = 1300;
const OFFICER = { client: 'officer', subject: 'officer-hn' };

let h: Awaited<ReturnType<typeof subgraphHarness>>;
let domain: ReturnType<typeof domainOf>;
/** What the log holds at each number, as filled (index 0 is number 1). */
const log: { code: string; kind: string; version: number }[] = [];

const content = procedureContent;

/** The code of template `t`'s copy in set `k`: 2.000000, 3.000000, … */
const copyCode = (t: number, k: number) => `${t + 2}.${String(k).padStart(6, '0')}`;
const TEMPLATES = ['1.090001', '1.090002', '1.090003', '1.090004'];

async function fill() {
  const { models } = domain;
  const ctx = { procedures: new ProcedureRepository(models) };
  // The fourth template stays a draft: version 0, no change.
  const [changed, withdrawn, published] = TEMPLATES as [string, string, string];
  for (const code of TEMPLATES) await createProcedure(ctx, { code, input: content() });
  await publishProcedure(ctx, { code: changed, by: OFFICER });
  await updateProcedure(ctx, { code: changed, input: content({ processingDays: 5 }) });
  await publishProcedure(ctx, { code: changed, by: OFFICER });
  await publishProcedure(ctx, { code: withdrawn, by: OFFICER });
  await withdrawProcedure(ctx, { code: withdrawn, reason: 'Bãi bỏ theo Quyết định 1234/QĐ-BHXH', by: OFFICER });
  await publishProcedure(ctx, { code: published, by: OFFICER });

  const procedures = (await models.Procedure.find().lean().exec()) as ProcedureRecord[];
  const changes = (await models.ProcedureChange.find().sort({ _id: 1 }).lean().exec()) as ProcedureChangeRecord[];
  log.push(...changes.map((c) => ({ code: c.code, kind: c.kind, version: c.version })));
  const templateOf = (code: string) => TEMPLATES.indexOf(code);

  const procedureCopies: (ProcedureRecord & { _id: Types.ObjectId })[] = [];
  const changeCopies: ProcedureChangeRecord[] = [];
  for (let k = 0; k < SETS; k++) {
    for (const p of procedures) {
      const code = copyCode(templateOf(p.code), k);
      procedureCopies.push({ ...p, _id: new Types.ObjectId(), code, searchText: searchTextOf({ ...p, code }) });
    }
    for (const c of changes) {
      const n = changes.length + changeCopies.length + 1;
      const code = copyCode(templateOf(c.code), k);
      changeCopies.push({ ...c, _id: n, block: blockOf(n), code, published: true });
      log.push({ code, kind: c.kind, version: c.version });
    }
  }
  // lean: stored as given, exactly the shape the services stored (no casting, defaults or validation).
  for (let i = 0; i < procedureCopies.length; i += 1000) await models.Procedure.insertMany(procedureCopies.slice(i, i + 1000), { lean: true });
  for (let i = 0; i < changeCopies.length; i += 1000) await models.ProcedureChange.insertMany(changeCopies.slice(i, i + 1000), { lean: true });
  // The relay has published what the services made; only what the tests add is pending.
  await relayChanges(models, h.deps.redis);
}

beforeAll(async () => {
  h = await subgraphHarness(proceduresSubgraph, { redisDb: REDIS_DB });
  domain = domainOf(h.deps);
  await h.deps.redis.flushdb();
  await fill();
}, 300_000);
afterAll(() => h.close());

const expectIndexed = async (work: () => Promise<unknown>) => expect(await wholeCollectionReads(h.deps.db, work)).toEqual([]);
const FEED = `query($after: String, $first: Int) { procedureChanges(after: $after, first: $first) {
  edges { cursor node { sequence code kind version } } pageInfo { hasNextPage endCursor } } }`;
type FeedPage = { edges: { cursor: string; node: { sequence: number; code: string; kind: string; version: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const feed = async (after: number | null, first: number) => {
  const res = await h.exec(FEED, { after: after === null ? null : encodeCursor([after, after]), first }, principals.npsp);
  expect(res.errors).toBeUndefined();
  return res.data!.procedureChanges as FeedPage;
};
/** The log's entries from..to (numbers, inclusive), as the feed shows them. */
const entries = (from: number, to: number) => log.slice(from - 1, to).map((e, i) => ({ sequence: from + i, ...e }));

describe('procedures hot paths are index lookups at national volume (R-Q-1, issue 12)', () => {
  test('the tables hold ≥ 5 000 procedures and ≥ 5 000 gap-free change-log entries, each with its block', async () => {
    const { Procedure, ProcedureChange } = domain.models;
    expect(await documentsOf(Procedure)).toBe(TEMPLATES.length * (SETS + 1));
    expect(await documentsOf(ProcedureChange)).toBe(log.length);
    expect(log.length).toBeGreaterThanOrEqual(5000);
    const last = await ProcedureChange.findOne({ _id: log.length }).lean().exec();
    expect(last).toMatchObject({ block: blockOf(log.length), code: log.at(-1)!.code });
  });

  test('procedure(code) and _entities Procedure references: one equality on the unique code per key', async () => {
    const copy = copyCode(1, 777);
    await expectIndexed(async () => {
      const one = await h.exec(`query($c: ID!) { procedure(code: $c) { code status version withdrawalReason } }`, { c: copy }, principals.anonymous);
      expect(one.data?.procedure).toEqual({ code: copy, status: 'WITHDRAWN', version: 1, withdrawalReason: 'Bãi bỏ theo Quyết định 1234/QĐ-BHXH' });
      const refs = await h.exec(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Procedure { code status version processingDays } } }`,
        { r: [copyCode(0, 5), copyCode(2, 1200), '9.999999', copyCode(0, 5)].map((code) => ({ __typename: 'Procedure', code })) },
      );
      expect(refs.errors).toBeUndefined();
      expect(refs.data?._entities).toEqual([
        { code: copyCode(0, 5), status: 'PUBLISHED', version: 2, processingDays: 5 },
        { code: copyCode(2, 1200), status: 'PUBLISHED', version: 1, processingDays: 6 },
        null,
        { code: copyCode(0, 5), status: 'PUBLISHED', version: 2, processingDays: 5 },
      ]);
    });
  });

  test('procedureVersion, Procedure.versions and _entities ProcedureVersion: the code equality finds one procedure\'s changes', async () => {
    const code = copyCode(0, 1001);
    await expectIndexed(async () => {
      const res = await h.exec(`query($c: ID!) { procedure(code: $c) { versions { version content { processingDays } } } v1: procedureVersion(code: $c, version: 1) { version content { processingDays } } }`, { c: code });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        procedure: { versions: [{ version: 1, content: { processingDays: 6 } }, { version: 2, content: { processingDays: 5 } }] },
        v1: { version: 1, content: { processingDays: 6 } },
      });
      const refs = await h.exec(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProcedureVersion { code version content { processingDays } } } }`,
        { r: [{ code, version: 2 }, { code: copyCode(1, 3), version: 1 }, { code, version: 3 }].map((r) => ({ __typename: 'ProcedureVersion', ...r })) },
      );
      expect(refs.errors).toBeUndefined();
      expect(refs.data?._entities).toEqual([{ code, version: 2, content: { processingDays: 5 } }, { code: copyCode(1, 3), version: 1, content: { processingDays: 6 } }, null]);
    });
  });

  test('publishing from a process that just started finds the log\'s latest number by _id lookups, and the entry gets its block', async () => {
    const code = copyCode(3, 42); // a draft
    const n = log.length + 1;
    await expectIndexed(async () => {
      const p = await publishProcedure({ procedures: new ProcedureRepository(domain.models) }, { code, by: OFFICER });
      expect(p).toMatchObject({ code, status: 'PUBLISHED', version: 1, revision: 1 });
    });
    expect(await domain.models.ProcedureChange.findOne({ _id: n }).lean().exec()).toMatchObject({ code, revision: 1, block: blockOf(n), published: false });
    log.push({ code, kind: 'PUBLISHED', version: 1 });
  });

  test('catching up with a change a crashed writer never applied reads the procedure and its changes by code', async () => {
    const code = copyCode(2, 900);
    const n = log.length + 1;
    // The crash: the change is in the log, the procedure was never updated.
    const stored = await new ProcedureRepository(domain.models).append({ code, revision: 2, kind: 'CHANGED', version: 2, status: 'PUBLISHED', content: content({ processingDays: 3 }), source: 'LOCAL', reason: null, at: new Date(), by: OFFICER });
    expect(stored).toMatchObject({ _id: n, block: blockOf(n) });
    log.push({ code, kind: 'CHANGED', version: 2 });
    await expectIndexed(async () => expect(await new ProcedureRepository(domain.models).current(code)).toMatchObject({ code, version: 2, revision: 2, processingDays: 3 }));
  });

  test('the relay finds what is pending by the indexed `published: false`, and publishes it in order once', async () => {
    await h.deps.redis.del(STREAMS.procedureChanges);
    await expectIndexed(async () => expect(await relayChanges(domain.models, h.deps.redis)).toBe(2));
    const events = (await h.deps.redis.xrange(STREAMS.procedureChanges, '-', '+')).map(([, f]) => JSON.parse(f[1]!) as ProcedureChangeEvent);
    expect(events.map((e) => [e.sequence, e.code, e.kind])).toEqual([[log.length - 1, copyCode(3, 42), 'PUBLISHED'], [log.length, copyCode(2, 900), 'CHANGED']]);
    await expectIndexed(async () => expect(await relayChanges(domain.models, h.deps.redis)).toBe(0));
  });

  test('the portal\'s pull feed reads on by block equality, in order and across block boundaries, to the end of the log', async () => {
    const total = log.length;
    await expectIndexed(async () => {
      const first = await feed(null, 5);
      expect(first.edges.map((e) => e.node)).toEqual(entries(1, 5));
      expect(first.pageInfo.hasNextPage).toBe(true);
      // 251…260 crosses from block 0 (1–255) into block 1 (256–511); the cursor is the one the feed hands out.
      const before = await feed(240, 10);
      expect(before.pageInfo.endCursor).toBe(encodeCursor([250, 250]));
      const across = await feed(250, 10);
      expect(across.edges.map((e) => e.node)).toEqual(entries(251, 260));
      // A full page spanning three blocks.
      const wide = await feed(BLOCK_SIZE * 4 - 50, 100);
      expect(wide.edges.map((e) => e.node)).toEqual(entries(BLOCK_SIZE * 4 - 49, BLOCK_SIZE * 4 + 50));
      const end = await feed(total - 3, 100);
      expect(end.edges.map((e) => e.node)).toEqual(entries(total - 2, total));
      expect(end.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor([total, total]) });
      expect((await feed(total, 100)).edges).toEqual([]);
    });
  });

  test('entries stored by an older version, without a block, are given theirs by the subgraph\'s upgrade', async () => {
    const { ProcedureChange } = domain.models;
    // As an older version stored them: no block field.
    await ProcedureChange.updateMany({ _id: { $gt: 300, $lte: 320 } }, { $unset: { block: 1 } }).exec();
    expect((await feed(295, 10)).edges.map((e) => e.node.sequence)).toEqual([296, 297, 298, 299, 300]); // the feed stops at the first
    const upgrade = proceduresSubgraph.upgrades!.find((u) => u.name === 'procedure_changes.block')!;
    expect(await upgrade.run(h.deps.db)).toBe(20);
    expect((await ProcedureChange.findOne({ _id: 320 }).lean().exec())?.block).toBe(blockOf(320));
    expect((await feed(295, 30)).edges.map((e) => e.node)).toEqual(entries(296, 325));
  });
});
