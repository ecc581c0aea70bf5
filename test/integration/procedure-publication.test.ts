import { proceduresSubgraph } from '../../subgraphs/procedures/subgraph';
import { domainOf } from '../../subgraphs/procedures/context';
import { ProcedureRepository } from '../../subgraphs/procedures/repositories/procedures';
import { publishProcedure, updateProcedure } from '../../subgraphs/procedures/services/publication';
import { relayChanges } from '../../subgraphs/procedures/services/change-relay';
import { STREAMS, type ProcedureChangeEvent } from '../../platform/events';
import { codesOf, principals, subgraphHarness } from '../support/harness';
import { procedureContent } from '../support/procedures';

let h: Awaited<ReturnType<typeof subgraphHarness>>;
let domain: ReturnType<typeof domainOf>;

const content = procedureContent;

const CREATE = `mutation($code: ID!, $i: ProcedureContentInput!) { createProcedure(code: $code, input: $i) { code status version revision } }`;
const UPDATE = `mutation($code: ID!, $i: ProcedureContentInput!) { updateProcedure(code: $code, input: $i) { name processingDays pendingChanges { name processingDays } } }`;
const PUBLISH = `mutation($code: ID!, $r: Int) { publishProcedure(code: $code, expectedRevision: $r) { status version revision name processingDays publishedAt publishedBy { client subject } } }`;
const WITHDRAW = `mutation($code: ID!, $why: String!) { withdrawProcedure(code: $code, reason: $why) { status version withdrawnAt withdrawalReason withdrawnBy { subject } } }`;
const CHANGES = `query($after: String, $first: Int) { procedureChanges(after: $after, first: $first) {
  edges { cursor node { sequence kind code version status reason content { name processingDays } } } pageInfo { hasNextPage endCursor } } }`;

type ChangeNode = { sequence: number; kind: string; code: string; version: number; status: string; reason: string | null; content: { name: string; processingDays: number } };
type ChangePage = { edges: { cursor: string; node: ChangeNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Reads the whole feed from `after` as the national portal would, page by page. */
async function readFeed(after: string | null = null, first = 7): Promise<{ nodes: ChangeNode[]; cursor: string | null }> {
  const nodes: ChangeNode[] = [];
  let cursor = after;
  for (;;) {
    const res = await h.exec(CHANGES, { after: cursor, first }, principals.npsp);
    expect(res.errors).toBeUndefined();
    const page = res.data!.procedureChanges as ChangePage;
    nodes.push(...page.edges.map((e) => e.node));
    cursor = page.pageInfo.endCursor ?? cursor;
    if (!page.pageInfo.hasNextPage) return { nodes, cursor };
  }
}

beforeAll(async () => {
  h = await subgraphHarness(proceduresSubgraph, { redisDb: 1 });
  domain = domainOf(h.deps);
  await h.deps.redis.flushdb();
});
afterAll(() => h.close());

describe('publication (R-PRO-2)', () => {
  test('only holders of procedure:publish change the catalogue; bad content names every field; nothing is stored either way', async () => {
    const refused = await h.exec(CREATE, { code: '1.003001', i: content() }, principals.citizen);
    expect(codesOf(refused.errors)).toEqual(['FORBIDDEN']);
    const bad = await h.exec(CREATE, { code: '1.3001', i: content({ name: ' ', processingDays: -1, agencyLevels: [], components: [{ documentTypeCode: '', name: 'x', originals: 0, copies: 0 }] }) });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((bad.errors?.[0]?.extensions?.inputErrors as { field: string }[]).map((e) => e.field)).toEqual(
      ['code', 'name', 'agencyLevels', 'processingDays', 'components[0].documentTypeCode', 'components[0]'],
    );
    expect(await domain.models.Procedure.countDocuments({ code: { $in: ['1.003001', '1.3001'] } })).toBe(0);
  });

  test('a draft is hidden from the public until published; publishing records who and when and starts the feed', async () => {
    expect((await h.exec(CREATE, { code: '1.003002', i: content() })).data?.createProcedure).toEqual({ code: '1.003002', status: 'DRAFT', version: 0, revision: 0 });
    expect((await h.exec(`{ procedure(code: "1.003002") { code } }`, undefined, principals.anonymous)).data?.procedure).toBeNull();
    const before = Date.now();
    const res = await h.exec(PUBLISH, { code: '1.003002' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.publishProcedure).toMatchObject({ status: 'PUBLISHED', version: 1, revision: 1, publishedBy: { client: 'officer', subject: 'officer-hn' } });
    expect(Date.parse((res.data?.publishProcedure as { publishedAt: string }).publishedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await h.exec(`{ procedure(code: "1.003002") { status version } }`, undefined, principals.anonymous)).data?.procedure).toEqual({ status: 'PUBLISHED', version: 1 });
    const again = await h.exec(PUBLISH, { code: '1.003002' });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('no pending changes') });
  });

  test('edits of a published procedure wait as the next version; the old version stays readable as it was', async () => {
    await h.exec(CREATE, { code: '1.003003', i: content() });
    await h.exec(PUBLISH, { code: '1.003003' });
    const edited = await h.exec(UPDATE, { code: '1.003003', i: content({ name: 'Giải quyết hưởng chế độ ốm đau', processingDays: 5 }) });
    expect(edited.data?.updateProcedure).toEqual({ name: 'Giải quyết hưởng trợ cấp ốm đau', processingDays: 6, pendingChanges: { name: 'Giải quyết hưởng chế độ ốm đau', processingDays: 5 } });
    const publicView = await h.exec(`{ procedure(code: "1.003003") { processingDays pendingChanges { name } } }`, undefined, principals.anonymous);
    expect(publicView.data?.procedure).toEqual({ processingDays: 6, pendingChanges: null });

    const stale = await h.exec(PUBLISH, { code: '1.003003', r: 0 });
    expect(codesOf(stale.errors)).toEqual(['CONFLICT']);
    const v2 = await h.exec(PUBLISH, { code: '1.003003', r: 1 });
    expect(v2.data?.publishProcedure).toMatchObject({ version: 2, revision: 2, name: 'Giải quyết hưởng chế độ ốm đau', processingDays: 5 });

    const versions = await h.exec(`{ procedure(code: "1.003003") { versions { version content { processingDays } } } v1: procedureVersion(code: "1.003003", version: 1) { content { name processingDays } } }`);
    expect(versions.data).toEqual({
      procedure: { versions: [{ version: 1, content: { processingDays: 6 } }, { version: 2, content: { processingDays: 5 } }] },
      v1: { content: { name: 'Giải quyết hưởng trợ cấp ốm đau', processingDays: 6 } },
    });
  });

  test('_entities resolves ProcedureVersion references by code and version (what a dossier was received under)', async () => {
    const res = await h.exec(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProcedureVersion { code version publishedBy { subject } content { processingDays } } } }`,
      { r: [{ __typename: 'ProcedureVersion', code: '1.003003', version: 1 }, { __typename: 'ProcedureVersion', code: '1.003003', version: 9 }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([{ code: '1.003003', version: 1, publishedBy: { subject: 'officer-hn' }, content: { processingDays: 6 } }, null]);
  });

  test('withdrawal needs a reason and a published procedure, and is recorded', async () => {
    await h.exec(CREATE, { code: '1.003004', i: content() });
    expect(codesOf((await h.exec(WITHDRAW, { code: '1.003004', why: 'Bãi bỏ' })).errors)).toEqual(['CONFLICT']); // still a draft
    await h.exec(PUBLISH, { code: '1.003004' });
    expect(codesOf((await h.exec(WITHDRAW, { code: '1.003004', why: '  ' })).errors)).toEqual(['BAD_USER_INPUT']);
    const res = await h.exec(WITHDRAW, { code: '1.003004', why: 'Bãi bỏ theo Quyết định 1234/QĐ-BHXH' });
    expect(res.data?.withdrawProcedure).toMatchObject({ status: 'WITHDRAWN', version: 1, withdrawalReason: 'Bãi bỏ theo Quyết định 1234/QĐ-BHXH', withdrawnBy: { subject: 'officer-hn' } });
    expect(codesOf((await h.exec(WITHDRAW, { code: '1.003004', why: 'again' })).errors)).toEqual(['CONFLICT']);
  });
});

describe('procedure change feed (R-PRO-3)', () => {
  test('needs the procedure:sync scope', async () => {
    expect(codesOf((await h.exec(CHANGES, {}, principals.anonymous)).errors)).toEqual(['FORBIDDEN']);
    expect(codesOf((await h.exec(CHANGES, {}, principals.citizen)).errors)).toEqual(['FORBIDDEN']);
  });

  test('lists publications, new versions and withdrawals in order, with content, resumable from any cursor', async () => {
    const { nodes } = await readFeed();
    const mine = nodes.filter((n) => n.code === '1.003004');
    expect(mine.map((n) => [n.kind, n.version, n.status, n.reason])).toEqual([
      ['PUBLISHED', 1, 'PUBLISHED', null],
      ['WITHDRAWN', 1, 'WITHDRAWN', 'Bãi bỏ theo Quyết định 1234/QĐ-BHXH'],
    ]);
    expect(nodes.filter((n) => n.code === '1.003003').map((n) => [n.kind, n.content.processingDays])).toEqual([['PUBLISHED', 6], ['CHANGED', 5]]);
    expect(nodes.map((n) => n.sequence)).toEqual(nodes.map((_, i) => i + 1));
    // Resuming from the cursor of any entry gives exactly the entries after it.
    const all = await h.exec(CHANGES, { first: 100 }, principals.npsp);
    const edges = (all.data!.procedureChanges as ChangePage).edges;
    const resumed = await readFeed(edges[2]!.cursor, 3);
    expect(resumed.nodes.map((n) => n.sequence)).toEqual(nodes.slice(3).map((n) => n.sequence));
    expect(codesOf((await h.exec(CHANGES, { after: 'garbage' }, principals.npsp)).errors)).toEqual(['BAD_USER_INPUT']);
  });

  test('none missed or repeated while publications happen concurrently in two processes', async () => {
    const { cursor: start } = await readFeed();
    const codes = Array.from({ length: 12 }, (_, i) => `1.004${String(i).padStart(3, '0')}`);
    for (const code of codes) await h.exec(CREATE, { code, i: content() });
    // Two change logs stand for two procedures processes, each with its own cached sequence.
    const logs = [new ProcedureRepository(domain.models), new ProcedureRepository(domain.models)];
    const officer = { client: 'officer', subject: 'officer-hn' };
    let writing = true;
    const writers = codes.map(async (code, i) => {
      for (let round = 0; round < 4; round++) {
        if (round > 0) await updateProcedure(domain, { code, input: content({ processingDays: 6 + round }) });
        // A concurrent change of the same procedure is refused as CONFLICT; retry as an officer would.
        for (;;) {
          try {
            await publishProcedure({ procedures: logs[(i + round) % 2]! }, { code, by: officer });
            break;
          } catch (err) {
            if ((err as { extensions?: { code?: string } }).extensions?.code !== 'CONFLICT') throw err;
          }
        }
      }
    });
    // The portal reads the feed while the writers write, resuming from its last cursor.
    const seen: ChangeNode[] = [];
    const reader = (async () => {
      let cursor = start;
      while (writing || seen.length < codes.length * 4) {
        // Only a read begun after the last write may end the loop when it finds nothing new: one
        // begun before could have missed what was written while it ran.
        const afterTheWriters = !writing;
        const page = await readFeed(cursor, 5);
        seen.push(...page.nodes);
        cursor = page.cursor;
        if (afterTheWriters && page.nodes.length === 0) break;
      }
    })();
    await Promise.all(writers);
    writing = false;
    await reader;

    expect(seen).toHaveLength(codes.length * 4);
    const sequences = seen.map((n) => n.sequence);
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(sequences.at(-1)! - sequences[0]! + 1).toBe(sequences.length); // no gap
    for (const code of codes) {
      expect(seen.filter((n) => n.code === code).map((n) => [n.kind, n.version, n.content.processingDays])).toEqual([
        ['PUBLISHED', 1, 6], ['CHANGED', 2, 7], ['CHANGED', 3, 8], ['CHANGED', 4, 9],
      ]);
    }
  });

  test('a change appended by a writer that crashed before applying it is applied by the next writer and by the relay, and published in order', async () => {
    const log = new ProcedureRepository(domain.models);
    const p = (await domain.models.Procedure.findOne({ code: '1.003002' }).lean().exec())!;
    // The crash: the change is in the log, the procedure was never updated.
    await log.append({ code: p.code, revision: p.revision + 1, kind: 'CHANGED', version: p.version + 1, status: 'PUBLISHED', content: content({ processingDays: 3 }), source: 'LOCAL', reason: null, at: new Date(), by: { client: 'officer', subject: 'officer-hn' } });
    expect((await domain.models.Procedure.findOne({ code: p.code }).lean().exec())!.processingDays).toBe(6);

    await h.deps.redis.del(STREAMS.procedureChanges);
    await relayChanges(domain.models, h.deps.redis);
    expect((await domain.models.Procedure.findOne({ code: p.code }).lean().exec())).toMatchObject({ processingDays: 3, version: 2, revision: 2 });
    const entries = (await h.deps.redis.xrange(STREAMS.procedureChanges, '-', '+')).map(([, f]) => JSON.parse(f[1]!) as ProcedureChangeEvent);
    const total = await domain.models.ProcedureChange.countDocuments();
    expect(entries.map((e) => e.sequence)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(entries.at(-1)).toMatchObject({ code: p.code, revision: 2, kind: 'CHANGED', processingDays: 3, status: 'PUBLISHED' });
    expect(await relayChanges(domain.models, h.deps.redis)).toBe(0); // each published once
  });
});
