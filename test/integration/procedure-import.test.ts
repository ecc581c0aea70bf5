import { generateNationalProcedures, startNpspSimulator, type NpspSimulator } from '../../adapters/npsp/simulator';
import type { NationalProcedure } from '../../adapters/npsp/port';
import { proceduresSubgraph } from '../../subgraphs/procedures/subgraph';
import { domainOf } from '../../subgraphs/procedures/context';
import { startImportSchedule } from '../../subgraphs/procedures/services/import-schedule';
import type { Principal } from '../../platform/principal';
import { codesOf, principals, subgraphHarness } from '../support/harness';

/**
 * The import from the national database on administrative procedures (R-PRO-3), through the
 * importNationalProcedures mutation and the schedule, against the NPSP simulator over HTTP.
 * Each describe block has a national database and a catalogue of its own; its tests run in
 * order, each starting from what the previous one left.
 */
const FULL_SIZE = 120;
const SIZE = 40;
const NPSP = { username: 'vss', password: 'secret' };
// Redis databases 0–15 and 20 belong to other test files; the test Redis has 64 of them.
const REDIS_DB = 30;
const IMPORT_LOCK = 'procedures:national-import';

/** Generated national procedures, codes 1.010000, 1.010001, …; the same list every time. */
const national = generateNationalProcedures(FULL_SIZE + 10);
const codeAt = (i: number) => national[i]!.code;

let sim: NpspSimulator;
let h: Awaited<ReturnType<typeof subgraphHarness>>;
let domain: ReturnType<typeof domainOf>;
/** Where the feed had got to before the test at hand. */
let feedEnd: string | null = null;

/** A national database holding `procedures`, and a procedures subgraph importing from it. */
async function startWorld(procedures: NationalProcedure[]) {
  sim = await startNpspSimulator({ ...NPSP, procedures });
  h = await subgraphHarness(proceduresSubgraph, {
    redisDb: REDIS_DB,
    env: { NPSP_URL: sim.url, NPSP_USERNAME: NPSP.username, NPSP_PASSWORD: NPSP.password, PROCEDURE_IMPORT_INTERVAL_MS: '0' },
  });
  domain = domainOf(h.deps);
  feedEnd = null;
}
async function stopWorld() {
  await h.close();
  await sim.stop();
}
afterEach(() => {
  Object.assign(sim.knobs, { down: false, latencyMs: 0, failNext: 0, expireSessions: false });
});

// ---- the national side ----

/** Changes a national record as the national database would: its change time moves on. */
function editNational(code: string, change: Partial<NationalProcedure>, updatedAt: Date) {
  const record = sim.procedures.get(code);
  if (!record) throw new Error(`no national procedure ${code}`);
  sim.procedures.set(code, { ...record, ...change, updatedAt });
}
const addNational = (p: NationalProcedure) => void sim.procedures.set(p.code, p);
/** Whole seconds: the portal keeps no milliseconds. */
const at = (iso: string) => new Date(iso);
const calls = (service: string) => sim.calls[service] ?? 0;

// ---- our side, through the graph ----

type Report = { listed: number; created: number; changed: number; withdrawn: number; unchanged: number; failed: { code: string; message: string }[] };
const IMPORT = `mutation { importNationalProcedures { listed created changed withdrawn unchanged failed { code message } } }`;

async function importNow(principal: Principal = principals.officer): Promise<Report> {
  const res = await h.exec(IMPORT, {}, principal);
  expect(res.errors).toBeUndefined();
  return res.data!.importNationalProcedures as Report;
}

type Row = { code: string; name: string; field: string; status: string; version: number; source: string; processingDays: number; withdrawalReason: string | null };
const PROCEDURES = `query($after: String) { procedures(first: 100, after: $after) {
  edges { node { code name field status version source processingDays withdrawalReason } } pageInfo { hasNextPage endCursor } } }`;

/** The whole catalogue as an officer sees it, page by page. */
async function catalogue(): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  let after: string | null = null;
  for (;;) {
    const res = await h.exec(PROCEDURES, { after });
    expect(res.errors).toBeUndefined();
    const page = res.data!.procedures as { edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    for (const { node } of page.edges) rows.set(node.code, node);
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

async function procedure(code: string): Promise<Row | null> {
  const res = await h.exec(`query($code: ID!) { procedure(code: $code) { code name field status version source processingDays withdrawalReason } }`, { code });
  expect(res.errors).toBeUndefined();
  return res.data!.procedure as Row | null;
}

type Change = { sequence: number; kind: string; code: string; version: number; status: string; content: { processingDays: number } };
const CHANGES = `query($after: String) { procedureChanges(after: $after, first: 100) {
  edges { node { sequence kind code version status content { processingDays } } } pageInfo { hasNextPage endCursor } } }`;

/** The change feed after `after`, as the national portal reads it (procedure:sync). */
async function feed(after: string | null = null): Promise<{ changes: Change[]; cursor: string | null }> {
  const changes: Change[] = [];
  let cursor = after;
  for (;;) {
    const res = await h.exec(CHANGES, { after: cursor }, principals.npsp);
    expect(res.errors).toBeUndefined();
    const page = res.data!.procedureChanges as { edges: { node: Change }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    changes.push(...page.edges.map((e) => e.node));
    cursor = page.pageInfo.endCursor ?? cursor;
    if (!page.pageInfo.hasNextPage) return { changes, cursor };
  }
}
/** The feed entries since the last call, moving the mark past them. */
async function newChanges(): Promise<Change[]> {
  const { changes, cursor } = await feed(feedEnd);
  feedEnd = cursor;
  return changes;
}

const counts = async () => ({ procedures: await domain.models.Procedure.countDocuments(), changes: await domain.models.ProcedureChange.countDocuments() });

const waitFor = async (what: string, done: () => Promise<boolean>, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe(`a full national catalogue of ${FULL_SIZE} procedures (R-PRO-3)`, () => {
  beforeAll(() => startWorld(national.slice(0, FULL_SIZE)));
  afterAll(stopWorld);

  test(`the first import creates and publishes every one of the ${FULL_SIZE}, source NATIONAL, each once on the feed`, async () => {
    const started = performance.now();
    const report = await importNow();
    console.log(`full import of ${FULL_SIZE} national procedures: ${Math.round(performance.now() - started)} ms`);

    expect(report).toEqual({ listed: FULL_SIZE, created: FULL_SIZE, changed: 0, withdrawn: 0, unchanged: 0, failed: [] });
    const rows = await catalogue();
    expect([...rows.keys()]).toEqual(national.slice(0, FULL_SIZE).map((p) => p.code));
    for (const p of national.slice(0, FULL_SIZE)) {
      expect(rows.get(p.code)).toEqual({ code: p.code, name: p.name, field: p.field, status: 'PUBLISHED', version: 1, source: 'NATIONAL', processingDays: p.processingDays, withdrawalReason: null });
    }

    const changes = await newChanges();
    expect(changes).toHaveLength(FULL_SIZE);
    expect(changes.filter((c) => c.kind !== 'PUBLISHED' || c.version !== 1 || c.status !== 'PUBLISHED')).toEqual([]);
    expect(new Set(changes.map((c) => c.code))).toEqual(new Set(rows.keys()));
    expect(changes.map((c) => c.sequence)).toEqual(changes.map((_, i) => i + 1));
  }, 600_000);

  test('a second import with nothing changed nationally changes nothing and fetches no procedure, only the list', async () => {
    const fetched = calls('LayThuTuc');
    const listed = calls('LayDanhSachTTHC');
    const before = await counts();

    const started = performance.now();
    const report = await importNow();
    console.log(`repeat import of ${FULL_SIZE} unchanged national procedures: ${Math.round(performance.now() - started)} ms`);

    expect(report).toEqual({ listed: FULL_SIZE, created: 0, changed: 0, withdrawn: 0, unchanged: FULL_SIZE, failed: [] });
    expect(calls('LayThuTuc') - fetched).toBe(0);
    expect(calls('LayDanhSachTTHC') - listed).toBe(Math.ceil(FULL_SIZE / 100));
    expect(await counts()).toEqual(before);
    expect(await newChanges()).toEqual([]);
  }, 300_000);
});

describe(`reconciling with the national database (R-PRO-3), ${SIZE} procedures`, () => {
  beforeAll(async () => {
    await startWorld(national.slice(0, SIZE));
    expect(await importNow()).toMatchObject({ created: SIZE, failed: [] });
  }, 120_000);
  afterAll(stopWorld);
  // Each test reads the feed from where it started, whatever the tests before it left there.
  beforeEach(() => newChanges());

  test('a national change makes version 2 (version 1 stays readable); a flagged and a vanished procedure are withdrawn; a new one is published', async () => {
    const [changed, flagged, vanished] = [codeAt(5), codeAt(6), codeAt(7)];
    const added = national[SIZE]!;
    const oldDays = sim.procedures.get(changed)!.processingDays;
    editNational(changed, { processingDays: oldDays + 7 }, at('2026-02-01T03:00:00Z'));
    editNational(flagged, { withdrawn: true }, at('2026-02-01T03:00:00Z'));
    sim.procedures.delete(vanished);
    addNational(added);

    expect(await importNow()).toEqual({ listed: SIZE, created: 1, changed: 1, withdrawn: 2, unchanged: SIZE - 3, failed: [] });

    expect(await procedure(changed)).toMatchObject({ status: 'PUBLISHED', version: 2, processingDays: oldDays + 7 });
    expect(await procedure(flagged)).toMatchObject({ status: 'WITHDRAWN', version: 1, withdrawalReason: expect.stringContaining('Bãi bỏ') });
    expect(await procedure(vanished)).toMatchObject({ status: 'WITHDRAWN', version: 1, withdrawalReason: expect.stringContaining('Không còn') });
    expect(await procedure(added.code)).toMatchObject({ status: 'PUBLISHED', version: 1, source: 'NATIONAL' });

    const versions = await h.exec(
      `query($c: ID!) { v1: procedureVersion(code: $c, version: 1) { content { processingDays } } v2: procedureVersion(code: $c, version: 2) { content { processingDays } } }`,
      { c: changed },
    );
    expect(versions.data).toEqual({ v1: { content: { processingDays: oldDays } }, v2: { content: { processingDays: oldDays + 7 } } });

    // Four entries straight after the previous ones, one per procedure touched.
    const changes = await newChanges();
    expect(changes.map((c) => c.sequence)).toEqual([1, 2, 3, 4].map((i) => SIZE + i));
    expect(Object.fromEntries(changes.map((c) => [c.code, [c.kind, c.version, c.status]]))).toEqual({
      [changed]: ['CHANGED', 2, 'PUBLISHED'],
      [flagged]: ['WITHDRAWN', 1, 'WITHDRAWN'],
      [vanished]: ['WITHDRAWN', 1, 'WITHDRAWN'],
      [added.code]: ['PUBLISHED', 1, 'PUBLISHED'],
    });
  }, 60_000);

  test('a national record whose change time moved but whose content is the same makes no new version, and is not fetched again', async () => {
    const touched = codeAt(8);
    editNational(touched, {}, at('2026-02-02T03:00:00Z'));
    const fetched = calls('LayThuTuc');

    expect(await importNow()).toMatchObject({ created: 0, changed: 0, withdrawn: 0, unchanged: SIZE, failed: [] });
    expect(calls('LayThuTuc') - fetched).toBe(1);
    expect(await procedure(touched)).toMatchObject({ status: 'PUBLISHED', version: 1 });
    expect(await newChanges()).toEqual([]);

    // Its new change time was recorded: the next import leaves it alone.
    await importNow();
    expect(calls('LayThuTuc') - fetched).toBe(1);
  }, 60_000);

  test('with the portal down the import answers UPSTREAM_UNAVAILABLE (npsp) and changes nothing; once it is back, the change is imported', async () => {
    editNational(codeAt(9), { processingDays: 30 }, at('2026-02-03T03:00:00Z'));
    const before = await counts();
    sim.knobs.down = true;

    const res = await h.exec(IMPORT);
    expect(codesOf(res.errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(res.errors?.[0]?.extensions).toMatchObject({ serviceName: 'npsp' });
    expect(await counts()).toEqual(before);
    expect(await procedure(codeAt(9))).toMatchObject({ version: 1 });

    sim.knobs.down = false;
    expect(await importNow()).toMatchObject({ changed: 1, failed: [] });
    expect(await procedure(codeAt(9))).toMatchObject({ version: 2, processingDays: 30 });
    expect(await newChanges()).toHaveLength(1);
  }, 60_000);

  test('a national record we refuse, or cannot read, lands in `failed` with its code and why; the others import, and it is tried again once fixed', async () => {
    const refused = codeAt(10); // published here already; its national change is out of range
    const oldDays = sim.procedures.get(refused)!.processingDays;
    editNational(refused, { processingDays: 400 }, at('2026-02-04T03:00:00Z'));
    const unreadable = { ...national[SIZE + 1]!, processingDays: -1 }; // breaks the portal's own format
    const fine = national[SIZE + 2]!;
    addNational(unreadable);
    addNational(fine);

    const report = await importNow();
    expect(report).toMatchObject({ listed: SIZE + 2, created: 1, changed: 0, withdrawn: 0, unchanged: SIZE - 1 });
    expect([...report.failed].sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: refused, message: expect.stringContaining('processingDays: is a whole number of working days, 0–365') },
      { code: unreadable.code, message: expect.stringMatching(/LayThuTuc answered what we cannot read: .*ThoiHanGiaiQuyet/) },
    ]);
    expect(await procedure(refused)).toMatchObject({ status: 'PUBLISHED', version: 1, processingDays: oldDays });
    expect(await procedure(unreadable.code)).toBeNull();
    expect(await procedure(fine.code)).toMatchObject({ status: 'PUBLISHED', version: 1 });

    // Nothing was recorded for the two, so they are tried again; fixed nationally, they import.
    editNational(refused, { processingDays: 40 }, at('2026-02-05T03:00:00Z'));
    editNational(unreadable.code, { processingDays: 12 }, at('2026-02-05T03:00:00Z'));
    expect(await importNow()).toMatchObject({ created: 1, changed: 1, failed: [] });
    expect(await procedure(refused)).toMatchObject({ version: 2, processingDays: 40 });
    expect(await procedure(unreadable.code)).toMatchObject({ status: 'PUBLISHED', version: 1, processingDays: 12 });
  }, 60_000);

  test('only holders of procedure:publish may run the import: anyone else gets FORBIDDEN and the portal is not asked', async () => {
    const listed = calls('LayDanhSachTTHC');
    for (const principal of [principals.citizen, principals.dashboard, principals.npsp]) {
      expect(codesOf((await h.exec(IMPORT, {}, principal)).errors)).toEqual(['FORBIDDEN']);
    }
    expect(calls('LayDanhSachTTHC')).toBe(listed);
  });

  test('a procedure that vanished from the national list and comes back unchanged is published again', async () => {
    const code = codeAt(12);
    const record = sim.procedures.get(code)!;
    sim.procedures.delete(code);
    expect(await importNow()).toMatchObject({ withdrawn: 1, failed: [] });
    expect(await procedure(code)).toMatchObject({ status: 'WITHDRAWN' });

    // Back in the national list as it was (a listing that missed it, or a deletion undone).
    addNational(record);
    expect(await importNow()).toMatchObject({ changed: 1, withdrawn: 0, failed: [] });
    expect(await procedure(code)).toMatchObject({ status: 'PUBLISHED', processingDays: record.processingDays });
    expect((await newChanges()).map((c) => [c.code, c.kind, c.status])).toEqual([[code, 'WITHDRAWN', 'WITHDRAWN'], [code, 'PUBLISHED', 'PUBLISHED']]);
  }, 60_000);

  test('national text in another Unicode form or with stray spaces is kept in NFC, trimmed; listing it again unchanged makes no new version', async () => {
    const p = national[SIZE + 3]!;
    addNational({ ...p, name: ` ${p.name.normalize('NFD')}  `, field: `${p.field.normalize('NFD')} ` });
    expect(p.name).not.toEqual(p.name.normalize('NFD')); // the test means something only with diacritics

    expect(await importNow()).toMatchObject({ created: 1, failed: [] });
    expect(await procedure(p.code)).toMatchObject({ name: p.name, field: p.field, version: 1 });

    editNational(p.code, {}, at('2026-02-07T03:00:00Z'));
    expect(await importNow()).toMatchObject({ created: 0, changed: 0, failed: [] });
    expect(await procedure(p.code)).toMatchObject({ name: p.name, field: p.field, version: 1 });

    // A real change makes version 2, its text still in NFC.
    editNational(p.code, { processingDays: p.processingDays + 1 }, at('2026-02-08T03:00:00Z'));
    expect(await importNow()).toMatchObject({ changed: 1, failed: [] });
    expect(await procedure(p.code)).toMatchObject({ name: p.name, field: p.field, version: 2, processingDays: p.processingDays + 1 });
    expect((await newChanges()).map((c) => [c.code, c.kind])).toEqual([[p.code, 'PUBLISHED'], [p.code, 'CHANGED']]);
  }, 60_000);

  test('the schedule imports a national change with no one calling the mutation, and asks the portal no more once stopped', async () => {
    const code = codeAt(11);
    editNational(code, { processingDays: 21 }, at('2026-02-06T03:00:00Z'));
    await h.deps.redis.del(IMPORT_LOCK);
    const stop = startImportSchedule({ ...domain, config: { ...domain.config, importIntervalMs: 200 } }, h.deps.redis, h.deps.logger);
    try {
      await waitFor('the scheduled import', async () => (await procedure(code))?.version === 2);
    } finally {
      await stop();
    }
    expect(await procedure(code)).toMatchObject({ status: 'PUBLISHED', version: 2, processingDays: 21 });
    expect((await newChanges()).map((c) => [c.code, c.kind, c.version, c.content.processingDays])).toEqual([[code, 'CHANGED', 2, 21]]);

    const listed = calls('LayDanhSachTTHC');
    await new Promise((r) => setTimeout(r, 600));
    expect(calls('LayDanhSachTTHC')).toBe(listed);
  }, 60_000);
});
