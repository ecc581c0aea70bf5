import { startNpspSimulator, type NpspSimulator } from '../../adapters/npsp/simulator';
import type { Applicant } from '../../subgraphs/dossiers/models/dossier';
import { RETRY_BLOCK } from '../../subgraphs/dossiers/models/portal-sync';
import { dossierCode, dossierCodePrefix } from '../../subgraphs/dossiers/services/code';
import { relayOutbox, Sequencer } from '../../subgraphs/dossiers/services/outbox';
import { enqueue, sendDue, syncRecords } from '../../subgraphs/dossiers/services/portal-sync';
import type { ActionInput } from '../../subgraphs/dossiers/services/transitions';
import type { Principal } from '../../platform/principal';
import { blockOf } from '../../platform/sequence';
import { IvanFeedFollower } from '../../subgraphs/dossiers/services/ivan-changes';
import { dossiersSubgraph } from '../../subgraphs/dossiers/subgraph';
import { copyDossier, readFiled, writeFiled, type FiledDossier } from '../../scripts/lib/dossier-fill';
import { seededRandom } from '../../scripts/lib/random';
import { documentsOf, wholeCollectionReads } from '../support/explain';
import { principals } from '../support/harness';
import { dossiersWorld, HN, orgInput } from '../support/dossiers';

/**
 * R-Q-1 at national volume (issue 12): every hot path of the dossiers subgraph is an indexed
 * lookup. The collections hold ≥ 5 000 dossiers (copies of dossiers the services filed), their
 * events and log, and a portal backlog; each path runs for real and the plan of every read it
 * sends is checked (test/support/explain.ts).
 */
let sim: NpspSimulator;
let w: Awaited<ReturnType<typeof dossiersWorld>>;
const DOSSIERS = 5000;
const AGENCIES = Array.from({ length: 10 }, (_, i) => `000.00.0${i % 3}.H${30 + i}`);
const officerOf = (agencyCode: string): Principal => ({ ...principals.officer, subject: `officer-${agencyCode}`, agencyCode });
let copies: FiledDossier[];
let processing: { code: string; agencyCode: string };

const walk = async (code: string, steps: Omit<ActionInput, 'code' | 'expectedVersion'>[]) => {
  let version = 1;
  for (const step of steps) version = (await w.act({ code, expectedVersion: version, ...step })).seq;
};

beforeAll(async () => {
  sim = await startNpspSimulator({ username: 'vss', password: 'secret', procedures: [] });
  w = await dossiersWorld({ redisDb: 50, env: { NPSP_URL: sim.url, NPSP_USERNAME: 'vss', NPSP_PASSWORD: 'secret' } });
  // Templates: dossiers filed and moved by the services, one per typical history.
  const histories: Omit<ActionInput, 'code' | 'expectedVersion'>[][] = [
    [{ action: 'START_PROCESSING' }, { action: 'COMPLETE' }, { action: 'RETURN_RESULT', returnMethod: 'ONLINE' }],
    [{ action: 'START_PROCESSING' }, { action: 'COMPLETE' }, { action: 'RETURN_RESULT', returnMethod: 'DESK' }],
    [{ action: 'START_PROCESSING' }, { action: 'REQUEST_SUPPLEMENT', reason: 'Thiếu tờ khai' }, { action: 'RECEIVE_SUPPLEMENT' }, { action: 'COMPLETE' }],
    [{ action: 'REJECT', reason: 'Không thuộc thẩm quyền' }],
    [{ action: 'START_PROCESSING' }],
    [],
  ];
  const templates: FiledDossier[] = [];
  for (const steps of histories) {
    const d = await w.receive();
    await walk(d.code, steps);
    templates.push(await readFiled(w.models, d.code));
  }
  await relayOutbox(w.models, w.h.deps.redis);

  // Copies over 100 days and ten agencies, mostly finished, as a real history is.
  const random = seededRandom(12);
  const numbers = new Map<string, number>();
  copies = Array.from({ length: DOSSIERS }, (_, i) => {
    const agencyCode = AGENCIES[i % AGENCIES.length]!;
    const receivedAt = new Date(Date.now() - (100 - Math.floor((i / DOSSIERS) * 100)) * 86_400_000);
    const prefix = dossierCodePrefix(agencyCode, receivedAt);
    const n = (numbers.get(prefix) ?? 0) + 1;
    numbers.set(prefix, n);
    const template = templates[random() < 0.9 ? Math.floor(random() * 4) : 4 + Math.floor(random() * 2)]!;
    return copyDossier(template, { code: dossierCode(prefix, n), agencyCode, applicantId: `DN${String(i % 700).padStart(5, '0')}`, receivedAt });
  });
  const first = (await w.models.EventLog.countDocuments()) + 1;
  for (let i = 0; i < copies.length; i += 500) await writeFiled(w.models, copies.slice(i, i + 500), first + copies.slice(0, i).reduce((n, c) => n + c.events.length, 0));
  const last = first - 1 + copies.reduce((n, c) => n + c.events.length, 0);

  // A portal backlog of 5 000 changes, the items enqueue makes (the portal was down for a while).
  const backlog = copies.slice(-2500).flatMap((c) => syncRecords(c.events).map((record, i) => ({ record, event: c.events[i]! })));
  const firstQueued = last - backlog.length + 1;
  await w.models.PortalSyncItem.insertMany(backlog.slice(-5000).map(({ record, event }, i) => ({
    _id: `${event.dossierCode}:${event.seq}`, globalSeq: firstQueued + i, block: blockOf(firstQueued + i), dossierCode: event.dossierCode, seq: event.seq,
    service: event.seq === 1 ? 'DongBoHoSoMC' : 'CapNhatTienDoHoSoMC', record, attempts: 0, nextAttemptAt: new Date(), createdAt: new Date(),
  })));
  await w.models.PortalSyncState.updateOne({ _id: 'portal-sync' }, { $set: { enqueuedThrough: last, lowBlock: blockOf(firstQueued) } }, { upsert: true });
  const open = copies.find((c) => c.dossier.state === 'PROCESSING')!.dossier;
  processing = { code: open.code, agencyCode: open.handlingAgencyCode };
}, 180_000);
afterAll(async () => {
  await w?.close();
  await sim?.stop();
});

const db = () => w.h.deps.db;

describe('dossiers at 5 000+: every hot path is an indexed lookup (R-Q-1, issue 12)', () => {
  test('the collections hold what the test claims', async () => {
    expect(await documentsOf(w.models.Dossier)).toBeGreaterThanOrEqual(DOSSIERS);
    expect(await documentsOf(w.models.DossierEvent)).toBeGreaterThanOrEqual(DOSSIERS * 2);
    expect(await documentsOf(w.models.PortalSyncItem)).toBeGreaterThanOrEqual(5000);
  });

  test('an I-VAN poll, the public status lookup and federated references read one dossier by its code', async () => {
    const { code } = copies[1234]!.dossier;
    expect(await wholeCollectionReads(db(), async () => {
      const poll = await w.h.exec(`{ dossier(code: "${code}") { code status history { version action } } }`, undefined, principals.dashboard);
      expect(poll.data?.dossier).toMatchObject({ code, history: copies[1234]!.events.map((e) => ({ version: e.seq, action: e.action })) });
      const lookup = await w.h.exec(`{ dossierStatus(code: "${code}") { code status } }`, undefined, principals.anonymous);
      expect(lookup.data?.dossierStatus).toMatchObject({ code });
      const refs = await w.h.exec(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { code } } }`, { r: [{ __typename: 'Dossier', code }] }, principals.dashboard);
      expect(refs.data?._entities).toEqual([{ code }]);
    })).toEqual([]);
  });

  test("intake claims the day's next code by looking codes up, then stores the dossier", async () => {
    expect(await wholeCollectionReads(db(), async () => {
      const d = await w.receive(orgInput({ agencyCode: HN }));
      expect(d.code).toMatch(/-0\d{3}$/);
    })).toEqual([]);
  });

  test("an officer's action reads the dossier and its next event by key", async () => {
    expect(await wholeCollectionReads(db(), async () => {
      const d = await w.act({ code: processing.code, expectedVersion: 2, action: 'COMPLETE' }, officerOf(processing.agencyCode));
      expect(d.state).toBe('RESULT_READY');
    })).toEqual([]);
  });

  test('the outbox relay reads only the pending events, and the log numbers by lookups', async () => {
    await w.receive(orgInput({ agencyCode: HN }));
    expect(await wholeCollectionReads(db(), async () => {
      expect(await relayOutbox(w.models, w.h.deps.redis, new Sequencer(w.models))).toBeGreaterThan(0);
    })).toEqual([]);
  });

  test('the replay feed reads the event log by blocks, in order, across a block boundary', async () => {
    const after = 3 * 256 - 10;
    expect(await wholeCollectionReads(db(), async () => {
      const res = await w.h.exec(`{ dossierEvents(after: ${after}, first: 20) { sequence } }`, undefined, principals.dashboard);
      expect((res.data?.dossierEvents as { sequence: number }[]).map((e) => e.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => after + 1 + i));
    })).toEqual([]);
  });

  test('the portal push enqueues new changes and sends the due heads by block, a refused dossier waiting in the retry bucket', async () => {
    const { lowBlock } = (await w.models.PortalSyncState.findById('portal-sync').lean())!;
    const oldest = (await w.models.PortalSyncItem.find({ block: lowBlock }).lean()).sort((a, b) => a.globalSeq - b.globalSeq)[0]!;
    sim.knobs.rejectDossiers.add(oldest.dossierCode);
    const backlog = await w.models.PortalSyncItem.countDocuments();
    expect(await wholeCollectionReads(db(), async () => {
      expect(await enqueue(w.models)).toBeGreaterThan(0);
      const report = await sendDue(w.models, w.domain.portal!, { baseMs: 60_000, maxMs: 60_000 });
      expect(report).toMatchObject({ refused: 1, outage: false });
      expect(report.sent).toBeGreaterThan(0);
    })).toEqual([]);
    expect(await w.models.PortalSyncItem.countDocuments()).toBeLessThan(backlog);
    expect(await w.models.PortalSyncItem.findById(oldest._id).lean()).toMatchObject({ block: RETRY_BLOCK, attempts: 1 });
    sim.knobs.rejectDossiers.delete(oldest.dossierCode);
  });

  test("an officer's work queue (one agency, one state) reads that queue's bucket, not the agency's history", async () => {
    const agencyCode = AGENCIES[3]!;
    const expected = copies.filter((c) => c.dossier.handlingAgencyCode === agencyCode && c.dossier.state === 'PROCESSING').length;
    expect(await wholeCollectionReads(db(), async () => {
      const res = await w.h.exec(`{ dossiers(filter: { agency: "${agencyCode}", state: PROCESSING }, first: 100) { edges { node { code state } } } }`, undefined, officerOf(agencyCode));
      const edges = (res.data?.dossiers as { edges: { node: { state: string } }[] }).edges;
      expect(edges.length).toBe(Math.min(100, expected));
      expect(edges.every((e) => e.node.state === 'PROCESSING')).toBe(true);
    })).toEqual([]);
  });

  test("an applicant's dossiers, a partner's list and an agency's counts are equality buckets", async () => {
    const applicant: Applicant = copies[42]!.dossier.applicant;
    expect(await wholeCollectionReads(db(), async () => {
      const res = await w.h.exec(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { dossiers(first: 5) { edges { node { code } } } } ... on Agency { dossierCount } } }`, {
        r: [{ __typename: 'Organization', unitCode: applicant.unitCode }, { __typename: 'Agency', code: AGENCIES[2] }],
      }, principals.dashboard);
      const [org, agency] = res.data?._entities as [{ dossiers: { edges: unknown[] } }, { dossierCount: number }];
      expect(org.dossiers.edges.length).toBe(5);
      expect(agency.dossierCount).toBeGreaterThanOrEqual(DOSSIERS / AGENCIES.length);
      const partner = await w.h.exec('{ dossiers(first: 5) { edges { node { code } } } }', undefined, principals.ivanA);
      expect(partner.errors).toBeUndefined();
    })).toEqual([]);
  });

  test("an I-VAN provider's change feed (R-INT-1): older log entries get their provider from the upgrade, the follower numbers them, and a page across a block boundary is read by (provider, block)", async () => {
    const { Dossier, EventLog, IvanChange } = w.models;
    const codes = copies.slice(-150).map((c) => c.dossier.code);
    const events = await EventLog.countDocuments({ dossierCode: { $in: codes } }).exec();
    expect(events).toBeGreaterThan(270);
    // As an older version stored them: I-VAN dossiers whose log entries do not name the provider.
    await Dossier.updateMany({ code: { $in: codes } }, { $set: { channel: 'IVAN', ivanProviderId: 'IVAN-SCALE' } }).exec();
    await EventLog.updateMany({ dossierCode: { $in: codes } }, { $set: { 'event.channel': 'IVAN' }, $unset: { ivanProviderId: 1 } }).exec();
    const upgrade = dossiersSubgraph.upgrades!.find((u) => u.name === 'dossier_event_log.ivanProviderId')!;
    expect(await upgrade.run(db())).toBe(events);

    // The upgrade sends the follower back to the start of the log; reading the earlier 4 850
    // dossiers' changes, none of them I-VAN, only costs this test time, so it starts at theirs.
    const logged = (await EventLog.find({ ivanProviderId: 'IVAN-SCALE' }).lean().exec()).sort((a, b) => a._id - b._id);
    expect(logged).toHaveLength(events);
    const followFromTheirs = async () => {
      await w.models.IvanFeedState.updateOne({ _id: 'ivan-changes' }, { $set: { followedThrough: logged[0]!._id - 1 } }, { upsert: true }).exec();
      const follower = new IvanFeedFollower(w.models);
      while ((await follower.follow()) > 0);
    };
    await followFromTheirs();
    expect(await IvanChange.countDocuments({ providerId: 'IVAN-SCALE' })).toBe(events);
    // Following them again (a mark lost in a crash) adds nothing.
    await followFromTheirs();
    expect(await IvanChange.countDocuments({ providerId: 'IVAN-SCALE' })).toBe(events);

    const provider: Principal = { ...principals.ivanA, ivanProviderId: 'IVAN-SCALE' };
    expect(await wholeCollectionReads(db(), async () => {
      const res = await w.h.exec('{ ivanChanges(after: 250, first: 20) { last hasMore changes { number dossierCode version } } }', undefined, provider);
      expect(res.data?.ivanChanges).toEqual({
        last: 270, hasMore: true,
        changes: logged.slice(250, 270).map((l, i) => ({ number: 251 + i, dossierCode: l.dossierCode, version: l.seq })),
      });
    })).toEqual([]);
    const other = await w.h.exec('{ ivanChanges(providerId: "IVAN-SCALE") { last } }', undefined, principals.ivanB);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 120_000); // the upgrade reads the whole log of 5 000 dossiers once (about 10 s here)
});
