import { ACTIONS, allowedActions, npspStatusOf, publicStatusOf, STATES, type DossierAction, type DossierState } from '../../subgraphs/dossiers/workflow/states';
import type { ActionInput } from '../../subgraphs/dossiers/services/transitions';
import { codesOf, principals } from '../support/harness';
import { dossiersWorld, HCM, HN, orgInput, VSS } from '../support/dossiers';

let w: Awaited<ReturnType<typeof dossiersWorld>>;
beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 4 });
});
afterAll(() => w.close());

const vn = (local: string) => new Date(`${local}+07:00`);
const EXTRA: Partial<Record<DossierAction, Partial<ActionInput>>> = {
  ASSIGN: { departmentCode: 'CD' },
  TRANSFER: { toAgencyCode: HCM },
  RETURN_RESULT: { returnMethod: 'DESK' },
};
const argsFor = (action: DossierAction): Partial<ActionInput> => ({ ...(ACTIONS[action].needsReason ? { reason: `lý do ${action}` } : {}), ...EXTRA[action] });

/** Drives a new dossier through `path`, as the officer of whichever agency handles it. */
async function walk(path: DossierAction[]) {
  let d = await w.receive();
  for (const action of path) {
    const who = d.handlingAgencyCode === HCM ? principals.officerHcm : principals.officer;
    d = await w.act({ code: d.code, action, expectedVersion: d.seq, ...argsFor(action) }, who);
  }
  return d;
}

describe('workflow states (R-DOS-3)', () => {
  test('every internal state maps onto one of the five public states and a national portal code 1–10', () => {
    for (const s of Object.keys(STATES) as DossierState[]) {
      expect(['RECEIVED', 'PROCESSING', 'RESULT_READY', 'RESULT_RETURNED', 'REJECTED']).toContain(publicStatusOf(s));
      expect(npspStatusOf(s)).toBeGreaterThanOrEqual(1);
      expect(npspStatusOf(s)).toBeLessThanOrEqual(10);
    }
    expect(npspStatusOf('SUPPLEMENT_REQUESTED')).toBe(5);
    expect(npspStatusOf('RESULT_RETURNED')).toBe(10);
  });

  test('every legal transition from every state succeeds and lands in its target state', async () => {
    // A path reaching each state, then each action allowed from it.
    const reach: Record<DossierState, DossierAction[]> = {
      RECEIVED: [], ASSIGNED: ['ASSIGN'], PROCESSING: ['START_PROCESSING'], SUPPLEMENT_REQUESTED: ['START_PROCESSING', 'REQUEST_SUPPLEMENT'],
      SUSPENDED: ['START_PROCESSING', 'SUSPEND'], TRANSFERRED: ['START_PROCESSING', 'TRANSFER'], RESULT_READY: ['START_PROCESSING', 'COMPLETE'],
      REJECTED: ['REJECT'], WITHDRAWN: ['WITHDRAW'], RESULT_RETURNED: ['START_PROCESSING', 'COMPLETE', 'RETURN_RESULT'],
    };
    let transitions = 0;
    for (const [state, path] of Object.entries(reach) as [DossierState, DossierAction[]][]) {
      for (const action of allowedActions(state)) {
        const d = await walk([...path, action]);
        expect([state, action, d.state]).toEqual([state, action, ACTIONS[action].to]);
        transitions++;
      }
    }
    expect(transitions).toBe(Object.values(ACTIONS).reduce((n, a) => n + a.from.length, 0));
  });

  test('an illegal transition names the current state and the allowed actions, and changes nothing', async () => {
    const d = await walk(['START_PROCESSING']);
    const events = await w.models.DossierEvent.countDocuments({ dossierCode: d.code });
    await expect(w.act({ code: d.code, action: 'RETURN_RESULT', expectedVersion: d.seq, returnMethod: 'DESK' })).rejects.toMatchObject({
      message: `cannot RETURN_RESULT dossier ${d.code}: it is PROCESSING; allowed now: REQUEST_SUPPLEMENT, TRANSFER, SUSPEND, WITHDRAW, COMPLETE`,
      extensions: { code: 'BAD_USER_INPUT', currentState: 'PROCESSING' },
    });
    const done = await walk(['REJECT']);
    await expect(w.act({ code: done.code, action: 'START_PROCESSING', expectedVersion: done.seq })).rejects.toMatchObject({
      message: expect.stringContaining('allowed now: none (REJECTED is final)'),
    });
    expect(await w.models.DossierEvent.countDocuments({ dossierCode: d.code })).toBe(events);
    expect(await w.models.Dossier.findOne({ code: d.code }).lean()).toMatchObject({ state: 'PROCESSING', seq: d.seq });
  });

  test('a missing reason or argument is BAD_USER_INPUT', async () => {
    const d = await w.receive();
    await expect(w.act({ code: d.code, action: 'REJECT', expectedVersion: 1, reason: '  ' })).rejects.toMatchObject({ message: 'REJECT needs a reason' });
    await expect(w.act({ code: d.code, action: 'ASSIGN', expectedVersion: 1 })).rejects.toMatchObject({ message: 'ASSIGN needs departmentCode' });
  });

  test('of concurrent actions on one version exactly one wins; the others get CONFLICT', async () => {
    const d = await w.receive();
    const results = await Promise.allSettled(
      (['START_PROCESSING', 'ASSIGN', 'START_PROCESSING', 'ASSIGN', 'START_PROCESSING', 'ASSIGN'] as const).map((action) =>
        w.act({ code: d.code, action, expectedVersion: 1, departmentCode: 'CD' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.extensions.code)).toEqual(Array(5).fill('CONFLICT'));
    expect(await w.models.DossierEvent.countDocuments({ dossierCode: d.code })).toBe(2);
    await expect(w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 1 })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', currentVersion: 2 },
    });
  });
});

describe('supplements, transfers, results and history', () => {
  test('a supplement moves the appointment and both dates are kept (R-DOS-8)', async () => {
    let d = await w.receive(orgInput(), principals.officer, vn('2026-03-02T09:00:00')); // due Mon 9/3 09:00
    d = await w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 1 }, principals.officer, vn('2026-03-03T09:00:00'));
    d = await w.act({ code: d.code, action: 'REQUEST_SUPPLEMENT', expectedVersion: 2, reason: 'Thiếu danh sách lao động' }, principals.officer, vn('2026-03-04T09:00:00'));
    d = await w.act({ code: d.code, action: 'RECEIVE_SUPPLEMENT', expectedVersion: 3 }, principals.officer, vn('2026-03-06T14:00:00'));
    expect(d.appointmentAt).toEqual(vn('2026-03-13T14:00:00'));
    expect(d.appointmentHistory.map((a) => a.appointmentAt)).toEqual([vn('2026-03-09T09:00:00'), vn('2026-03-13T14:00:00')]);
  });

  test('the applicant may send the supplement and withdraw, but not process (R-DOS-8)', async () => {
    let d = await w.receive(await w.sign(orgInput({ channel: undefined, agencyCode: HN })), principals.ivanA);
    d = await w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 1 });
    d = await w.act({ code: d.code, action: 'REQUEST_SUPPLEMENT', expectedVersion: 2, reason: 'Thiếu tờ khai' });
    await expect(w.act({ code: d.code, action: 'COMPLETE', expectedVersion: 3 }, principals.ivanA)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    d = await w.act({ code: d.code, action: 'RECEIVE_SUPPLEMENT', expectedVersion: 3 }, principals.ivanA);
    d = await w.act({ code: d.code, action: 'WITHDRAW', expectedVersion: 4, reason: 'Đơn vị rút hồ sơ' }, principals.ivanA);
    expect(d).toMatchObject({ state: 'WITHDRAWN', status: 'REJECTED' });
    await expect(w.act({ code: d.code, action: 'WITHDRAW', expectedVersion: 5, reason: 'x' }, principals.ivanB)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  test('a transfer chain across three agencies is kept end to end, each agency acting only while it holds the dossier (R-DOS-7)', async () => {
    let d = await w.receive();
    d = await w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 1 });
    d = await w.act({ code: d.code, action: 'TRANSFER', expectedVersion: 2, toAgencyCode: HCM, reason: 'Liên thông: xác minh quá trình đóng tại TP.HCM' });
    await expect(w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 3 })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    d = await w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 3 }, principals.officerHcm);
    d = await w.act({ code: d.code, action: 'TRANSFER', expectedVersion: 4, toAgencyCode: VSS, reason: 'Trình BHXH Việt Nam phê duyệt' }, principals.officerHcm);
    d = await w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 5 }, principals.officerCentral);
    d = await w.act({ code: d.code, action: 'COMPLETE', expectedVersion: 6 }, principals.officerCentral);
    expect(d.agencyChain.map((s) => [s.agencyCode, s.reason, s.transferredAt !== null])).toEqual([
      [HN, 'Liên thông: xác minh quá trình đóng tại TP.HCM', true],
      [HCM, 'Trình BHXH Việt Nam phê duyệt', true],
      [VSS, null, false],
    ]);
    expect(d).toMatchObject({ receivingAgencyCode: HN, handlingAgencyCode: VSS, agencyCodes: [HN, HCM, VSS], state: 'RESULT_READY' });
  });

  test('the result return records its method and time (R-DOS-9)', async () => {
    const d = await walk(['START_PROCESSING', 'COMPLETE']);
    const at = new Date();
    const r = await w.act({ code: d.code, action: 'RETURN_RESULT', expectedVersion: d.seq, returnMethod: 'POSTAL' }, principals.officer, at);
    expect(r).toMatchObject({ state: 'RESULT_RETURNED', status: 'RESULT_RETURNED', returnMethod: 'POSTAL', returnedAt: at });
  });

  test('history lists every change with who, when, agency, department and why, through GraphQL (R-DOS-11)', async () => {
    const d = await walk(['ASSIGN', 'START_PROCESSING', 'SUSPEND']);
    const res = await w.h.exec(`query($c: ID!) { dossier(code: $c) { version state status npspStatusCode allowedActions history { version action fromState toState actorClient actorSubject agencyCode departmentCode reason at } } }`, { c: d.code });
    expect(res.errors).toBeUndefined();
    const dossier = res.data?.dossier as { history: Record<string, unknown>[] };
    expect(dossier).toMatchObject({ version: 4, state: 'SUSPENDED', status: 'PROCESSING', npspStatusCode: 8, allowedActions: ['RESUME', 'WITHDRAW'] });
    expect(dossier.history.map(({ at: _at, ...e }) => e)).toEqual([
      { version: 1, action: 'RECEIVE', fromState: null, toState: 'RECEIVED', actorClient: 'officer', actorSubject: 'officer-hn', agencyCode: HN, departmentCode: null, reason: null },
      { version: 2, action: 'ASSIGN', fromState: 'RECEIVED', toState: 'ASSIGNED', actorClient: 'officer', actorSubject: 'officer-hn', agencyCode: HN, departmentCode: 'CD', reason: null },
      { version: 3, action: 'START_PROCESSING', fromState: 'ASSIGNED', toState: 'PROCESSING', actorClient: 'officer', actorSubject: 'officer-hn', agencyCode: HN, departmentCode: 'CD', reason: null },
      { version: 4, action: 'SUSPEND', fromState: 'PROCESSING', toState: 'SUSPENDED', actorClient: 'officer', actorSubject: 'officer-hn', agencyCode: HN, departmentCode: 'CD', reason: 'lý do SUSPEND' },
    ]);
  });

  test('mutations through GraphQL validate and report the same errors', async () => {
    const res = await w.h.exec(`mutation($i: DossierActionInput!) { actOnDossier(input: $i) { code } }`, {
      i: { code: 'NO-SUCH', action: 'COMPLETE', expectedVersion: 1 },
    });
    expect(codesOf(res.errors)).toEqual(['NOT_FOUND']);
  });
});
