import { startNpspSimulator, type NpspSimulator } from '../../adapters/npsp/simulator';
import { relayOutbox, startOutboxRelay } from '../../subgraphs/dossiers/services/outbox';
import { backoffMs, enqueue, sendDue, startPortalSync, syncStatus } from '../../subgraphs/dossiers/services/portal-sync';
import type { ActionInput } from '../../subgraphs/dossiers/services/transitions';
import { STATES, type DossierState } from '../../subgraphs/dossiers/workflow/states';
import { codesOf, principals } from '../support/harness';
import { dossiersWorld, orgInput } from '../support/dossiers';

let sim: NpspSimulator;
let w: Awaited<ReturnType<typeof dossiersWorld>>;
const POLICY = { baseMs: 20, maxMs: 400 };

beforeAll(async () => {
  sim = await startNpspSimulator({ username: 'vss', password: 'secret', procedures: [] });
  w = await dossiersWorld({ redisDb: 20, env: { NPSP_URL: sim.url, NPSP_USERNAME: 'vss', NPSP_PASSWORD: 'secret' } });
});
afterAll(async () => {
  await w.close();
  await sim.stop();
});

const vn = (local: string) => new Date(`${local}+07:00`);
const waitFor = async (what: string, done: () => Promise<boolean>, ms = 60_000) => {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
};
/** Moves a dossier through `steps`, each an action with what it needs. */
const walk = async (code: string, steps: Omit<ActionInput, 'code' | 'expectedVersion'>[], at?: Date) => {
  let version = 1;
  for (const step of steps) version = (await w.act({ code, expectedVersion: version, ...step }, principals.officer, at)).seq;
  return version;
};

describe('dossier status push to the national portal (R-INT-2)', () => {
  test('each change goes out in order with its national status code, and a supplement carries both appointment dates', async () => {
    const d = await w.receive(orgInput(), principals.officer, vn('2026-03-02T09:00:00'));
    await walk(d.code, [{ action: 'START_PROCESSING' }], vn('2026-03-02T10:00:00'));
    await walk(d.code, [], undefined);
    await w.act({ code: d.code, expectedVersion: 2, action: 'REQUEST_SUPPLEMENT', reason: 'Thiếu danh sách D02-LT' }, principals.officer, vn('2026-03-03T09:00:00'));
    await w.act({ code: d.code, expectedVersion: 3, action: 'RECEIVE_SUPPLEMENT' }, principals.officer, vn('2026-03-05T14:00:00'));
    await w.act({ code: d.code, expectedVersion: 4, action: 'COMPLETE' }, principals.officer, vn('2026-03-09T10:00:00'));
    await w.act({ code: d.code, expectedVersion: 5, action: 'RETURN_RESULT', returnMethod: 'DESK' }, principals.officer, vn('2026-03-09T15:00:00'));
    await relayOutbox(w.models, w.h.deps.redis);
    await enqueue(w.models);
    for (let i = 0; i < 6; i++) await sendDue(w.models, w.domain.portal!, POLICY); // one change per dossier per round

    const applied = sim.dossiers.get(d.code)!.applied;
    expect(applied.map((r) => [r.syncSeq, r.statusCode])).toEqual([[1, 2], [2, 4], [3, 5], [4, 4], [5, 9], [6, 10]]);
    expect(sim.calls.DongBoHoSoMC).toBe(1);
    const first = applied[0]!.appointmentAt;
    expect(applied[2]!.supplements).toEqual([{ requestedAt: vn('2026-03-03T09:00:00'), reason: 'Thiếu danh sách D02-LT', previousAppointmentAt: first, receivedAt: null, newAppointmentAt: null }]);
    const after = applied[3]!;
    expect(after.supplements[0]).toMatchObject({ previousAppointmentAt: first, receivedAt: vn('2026-03-05T14:00:00'), newAppointmentAt: after.appointmentAt });
    expect(after.appointmentAt.getTime()).toBeGreaterThan(first.getTime());
    expect(applied[5]!.returnedAt).toEqual(vn('2026-03-09T15:00:00'));
    expect(await w.domain.portal!.lookupDossier(d.code)).toMatchObject({ syncSeq: 6, statusCode: 10 });
  });

  test('status codes 1–10 follow the workflow table', () => {
    expect(Object.fromEntries(Object.entries(STATES).map(([s, v]) => [s, v.npsp]))).toEqual({
      RECEIVED: 2, REJECTED: 3, ASSIGNED: 2, PROCESSING: 4, SUPPLEMENT_REQUESTED: 5, SUSPENDED: 8, TRANSFERRED: 4, WITHDRAWN: 7, RESULT_READY: 9, RESULT_RETURNED: 10,
    } satisfies Record<DossierState, number>);
  });

  test('a refused dossier backs off alone while other dossiers go through; a repeat is not applied twice', async () => {
    const stuck = await w.receive();
    const other = await w.receive();
    sim.knobs.rejectDossiers.add(stuck.code);
    await relayOutbox(w.models, w.h.deps.redis);
    await enqueue(w.models);
    const otherItem = (await w.models.PortalSyncItem.findById(`${other.code}:1`).lean())!;
    const report = await sendDue(w.models, w.domain.portal!, POLICY);
    expect(report).toMatchObject({ sent: 1, refused: 1, outage: false });
    expect(sim.dossiers.has(other.code)).toBe(true);
    const item = (await w.models.PortalSyncItem.findById(`${stuck.code}:1`).lean())!;
    expect(item).toMatchObject({ attempts: 1, lastError: expect.stringContaining('03') });
    expect(item.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(item.lastAttemptAt!.getTime());
    const status = await w.h.exec(`{ portalSync { enabled backlog failing failingItems { dossierCode seq attempts lastError } oldestPending { dossierCode seq service statusCode attempts lastError } lastError { dossierCode seq message } } }`, undefined, principals.officer);
    expect(status.data?.portalSync).toMatchObject({
      enabled: true, backlog: 1, failing: 1,
      failingItems: [{ dossierCode: stuck.code, seq: 1, attempts: 1, lastError: expect.stringContaining('03') }],
      oldestPending: { dossierCode: stuck.code, seq: 1, service: 'DongBoHoSoMC', statusCode: 2, attempts: 1 },
      lastError: { dossierCode: stuck.code, seq: 1, message: expect.stringContaining('invalid data') },
    });
    expect(codesOf((await w.h.exec('{ portalSync { backlog } }', undefined, principals.ivanA)).errors)).toEqual(['FORBIDDEN']);

    sim.knobs.rejectDossiers.delete(stuck.code);
    await waitFor('the refused dossier to go through on its own', async () => {
      await sendDue(w.models, w.domain.portal!, POLICY);
      return sim.dossiers.has(stuck.code);
    });
    // A crash after the portal took an item but before it was deleted: it goes again, and is not applied again.
    await w.models.PortalSyncItem.create(otherItem);
    await sendDue(w.models, w.domain.portal!, POLICY);
    expect(sim.dossiers.get(other.code)).toMatchObject({ duplicates: 1, applied: [expect.objectContaining({ syncSeq: 1 })] });
  });

  test('retry waits grow with each attempt, stay under the cap, and are spread by jitter', () => {
    const p = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 10].map((n) => backoffMs(n, p, () => 1))).toEqual([1000, 2000, 4000, 60_000]);
    expect(backoffMs(3, p, () => 0.5)).toBe(2000);
    expect(backoffMs(3, p, () => 0)).toBe(0);
  });

  test('the portal is down while 500 dossiers change state; when it returns every change arrives once, in order per dossier, with no operator action', async () => {
    sim.knobs.down = true;
    const T0 = Date.now();
    const stops = [
      startOutboxRelay(w.models, w.h.deps.redis, w.h.deps.logger, 100),
      startPortalSync(w.models, w.domain.portal!, POLICY, w.h.deps.logger, 200),
    ];
    try {
      // Every dossier is received; one in five then moves on (processing, a supplement asked and
      // handed in), so order per dossier is tested too: about 900 changes in all.
      const histories: Omit<ActionInput, 'code' | 'expectedVersion'>[][] = [
        [{ action: 'START_PROCESSING' }, { action: 'REQUEST_SUPPLEMENT', reason: 'Thiếu tờ khai' }, { action: 'RECEIVE_SUPPLEMENT' }],
        [], [], [], [],
      ];
      const codes: string[] = [];
      const versions = new Map<string, number>();
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < 500) {
          const i = next++;
          const d = await w.receive();
          codes.push(d.code);
          versions.set(d.code, await walk(d.code, histories[i % histories.length]!));
        }
      }));
      const changes = [...versions.values()].reduce((a, b) => a + b, 0);
      console.log(`portal down: ${codes.length} dossiers, ${changes} changes made in ${Date.now() - T0} ms`);
      await waitFor('every change to be queued for the portal', async () => (await syncStatus(w.models)).backlog >= changes, 180_000);
      const whileDown = await syncStatus(w.models);
      expect(whileDown.lastError?.message).toContain('national public service portal');
      expect(codes.every((c) => !sim.dossiers.has(c))).toBe(true);

      const T1 = Date.now();
      sim.knobs.down = false;
      await waitFor('the backlog to drain', async () => (await syncStatus(w.models)).backlog === 0, 120_000);
      console.log(`portal back: backlog of ${changes} drained in ${Date.now() - T1} ms`);

      for (const code of codes) {
        const log = sim.dossiers.get(code)!;
        expect(log.applied.map((r) => r.syncSeq)).toEqual(Array.from({ length: versions.get(code)! }, (_, i) => i + 1));
      }
      expect(sim.outOfOrder).toBe(0);
      const applied = codes.reduce((n, c) => n + sim.dossiers.get(c)!.applied.length, 0);
      expect(applied).toBe(changes);
      // The national status of each dossier is what its last change says.
      const last = await w.models.Dossier.find({ code: { $in: codes } }).lean();
      for (const d of last) expect(sim.dossiers.get(d.code)!.applied.at(-1)!.statusCode).toBe(STATES[d.state as DossierState].npsp);
    } finally {
      sim.knobs.down = false;
      for (const stop of stops) await stop();
    }
  }, 400_000);
});
