import { startIvanSimulator, type IvanSimulator } from '../../adapters/ivan/simulator';
import { RETRY_BLOCK } from '../../subgraphs/dossiers/models/portal-sync';
import { deliveryStatus, enqueue, sendDue, startIvanDelivery } from '../../subgraphs/dossiers/services/ivan-delivery';
import { relayOutbox, startOutboxRelay } from '../../subgraphs/dossiers/services/outbox';
import type { ActionInput } from '../../subgraphs/dossiers/services/transitions';
import type { IvanReceiverPort } from '../../adapters/ivan/port';
import { DEFAULT_SCOPES, type Principal } from '../../platform/principal';
import { codesOf, principals } from '../support/harness';
import { dossiersWorld, HN, orgInput } from '../support/dossiers';

/**
 * Status changes pushed to I-VAN partners (R-INT-1, issue 14): registration and who may see or
 * change it, refusals backing off per change, and a partner's outage while 300 of its dossiers
 * change state, drained after it returns with nothing lost, nothing applied twice, order kept per
 * dossier, across a restart of the worker, with no operator action.
 */
let simA: IvanSimulator;
let simB: IvanSimulator;
let w: Awaited<ReturnType<typeof dossiersWorld>>;
const POLICY = { baseMs: 50, maxMs: 1000 };
const admin: Principal = { ...principals.officer, scopes: [...principals.officer.scopes, 'ivan:manage'] };

beforeAll(async () => {
  [simA, simB] = await Promise.all([startIvanSimulator(), startIvanSimulator()]);
  w = await dossiersWorld({ redisDb: 27 });
});
afterAll(async () => {
  await w.close();
  await simA.stop();
  await simB.stop();
});

const waitFor = async (what: string, done: () => Promise<boolean>, ms = 60_000) => {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const REGISTER = `mutation($input: IvanCallbackInput!) { registerIvanCallback(input: $input) { providerId kind url secret registeredAt } }`;
const DELIVERIES = `query($p: String) { ivanDeliveries(providerId: $p) { providerId registered kind url backlog failing pausedUntil lastDeliveredAt
  oldestPending { idempotencyKey dossierCode seq toState attempts lastError } lastError { message dossierCode seq } } }`;
/** Registers through GraphQL and tells the simulator the secret it was answered. */
const register = async (p: Principal, sim: IvanSimulator, receiver: string, kind: 'WEBHOOK' | 'SOAP', providerId?: string) => {
  const url = kind === 'WEBHOOK' ? sim.webhookUrl(receiver) : sim.soapUrl(receiver);
  const res = await w.h.exec(REGISTER, { input: { kind, url, providerId } }, p);
  expect(res.errors).toBeUndefined();
  const reg = res.data!.registerIvanCallback as { secret: string };
  sim.setSecret(receiver, reg.secret);
  return reg;
};
/** An I-VAN intake, signed by its employer as every one must be (R-ID-4). */
const fileAs = async (p: Principal) => w.receive(await w.sign(orgInput({ channel: undefined, agencyCode: HN })), p);
const walk = async (code: string, steps: Omit<ActionInput, 'code' | 'expectedVersion'>[]) => {
  let version = 1;
  for (const step of steps) version = (await w.act({ code, expectedVersion: version, ...step }, principals.officer)).seq;
  return version;
};

describe('status pushes to I-VAN partners (R-INT-1)', () => {
  test('R-INT-1: registration is validated first, answers a fresh secret once, and each provider sees and changes only its own', async () => {
    expect(DEFAULT_SCOPES.officer).toContain('ivan:manage');
    const bad = await w.h.exec(REGISTER, { input: { kind: 'WEBHOOK', url: 'ftp://partner.example/cb' } }, principals.ivanA);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', inputErrors: [{ field: 'url', message: 'must be http or https, not ftp' }] });
    for (const url of ['not a url', 'https://user:pw@partner.example/cb', `https://partner.example/${'x'.repeat(2100)}`]) {
      expect(codesOf((await w.h.exec(REGISTER, { input: { kind: 'SOAP', url } }, principals.ivanA)).errors)).toEqual(['BAD_USER_INPUT']);
    }
    // An operator must name the provider; every bad field is named at once.
    const both = await w.h.exec(REGISTER, { input: { kind: 'WEBHOOK', url: 'mailto:x@y.z' } }, admin);
    expect((both.errors?.[0]?.extensions?.inputErrors as { field: string }[]).map((e) => e.field)).toEqual(['providerId', 'url']);
    expect(await w.models.IvanCallback.countDocuments()).toBe(0);

    expect(codesOf((await w.h.exec(REGISTER, { input: { kind: 'WEBHOOK', url: 'https://b.example/cb', providerId: 'IVAN-B' } }, principals.ivanA)).errors)).toEqual(['FORBIDDEN']);
    expect(codesOf((await w.h.exec(REGISTER, { input: { kind: 'WEBHOOK', url: 'https://b.example/cb', providerId: 'IVAN-B' } }, principals.officerHcm)).errors)).toEqual(['FORBIDDEN']);
    expect(codesOf((await w.h.exec(REGISTER, { input: { kind: 'WEBHOOK', url: 'https://b.example/cb' } }, principals.citizen)).errors)).toEqual(['FORBIDDEN']);

    const first = await register(principals.ivanA, simA, 'IVAN-A', 'SOAP');
    expect(first).toMatchObject({ providerId: 'IVAN-A', kind: 'SOAP', url: simA.soapUrl('IVAN-A'), secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const again = await register(principals.ivanA, simA, 'IVAN-A', 'WEBHOOK');
    expect(again.secret).not.toBe(first.secret);
    expect(await w.models.IvanCallback.findById('IVAN-A').lean()).toMatchObject({ kind: 'WEBHOOK', url: simA.webhookUrl('IVAN-A'), secret: again.secret });
    // The secret is answered by the registration only: the status shows none.
    const own = await w.h.exec(DELIVERIES, {}, principals.ivanA);
    expect(own.data?.ivanDeliveries).toMatchObject({ providerId: 'IVAN-A', registered: true, kind: 'WEBHOOK', backlog: 0, failing: 0, oldestPending: null });
    expect(JSON.stringify(own.data)).not.toContain(again.secret);

    // Another provider can neither read nor remove the first one's; an operator with sync:monitor reads any.
    expect(codesOf((await w.h.exec(DELIVERIES, { p: 'IVAN-A' }, principals.ivanB)).errors)).toEqual(['FORBIDDEN']);
    expect(codesOf((await w.h.exec(`mutation { removeIvanCallback(providerId: "IVAN-A") }`, undefined, principals.ivanB)).errors)).toEqual(['FORBIDDEN']);
    expect((await w.h.exec(DELIVERIES, {}, principals.ivanB)).data?.ivanDeliveries).toMatchObject({ providerId: 'IVAN-B', registered: false });
    expect((await w.h.exec(DELIVERIES, { p: 'IVAN-A' }, principals.officer)).data?.ivanDeliveries).toMatchObject({ providerId: 'IVAN-A', registered: true });
    expect(codesOf((await w.h.exec(DELIVERIES, {}, principals.officer)).errors)).toEqual(['BAD_USER_INPUT']);
    expect(codesOf((await w.h.exec(DELIVERIES, { p: 'IVAN-A' }, principals.dashboard)).errors)).toEqual(['FORBIDDEN']);

    // The admin path registers for any provider, and removes.
    const forB = await w.h.exec(REGISTER, { input: { kind: 'WEBHOOK', url: 'https://b.example/cb', providerId: 'IVAN-B' } }, admin);
    expect(forB.data?.registerIvanCallback).toMatchObject({ providerId: 'IVAN-B' });
    expect((await w.h.exec(`mutation { removeIvanCallback(providerId: "IVAN-B") }`, undefined, admin)).data).toEqual({ removeIvanCallback: true });
    expect((await w.h.exec(`mutation { removeIvanCallback }`, undefined, principals.ivanB)).data).toEqual({ removeIvanCallback: false });
    expect(await w.models.IvanCallback.exists({ _id: 'IVAN-B' })).toBeNull();
  });

  test('R-INT-1: a refused change (4xx) backs off alone, its dossier waits in order, other dossiers go on', async () => {
    const stuck = await fileAs(principals.ivanA);
    const other = await fileAs(principals.ivanA);
    const desk = await w.receive(orgInput({ agencyCode: HN }), principals.officer); // not an I-VAN dossier: never pushed
    simA.knobs.refuseDossiers.add(stuck.code);
    await relayOutbox(w.models, w.h.deps.redis);
    await enqueue(w.models);
    expect(await w.models.IvanDeliveryItem.exists({ dossierCode: desk.code })).toBeNull();
    const [report] = await sendDue(w.models, w.domain.ivanReceiver, POLICY);
    expect(report).toMatchObject({ providerId: 'IVAN-A', sent: 1, refused: 1, outage: false });
    const item = (await w.models.IvanDeliveryItem.findById(`${stuck.code}:1`).lean())!;
    expect(item).toMatchObject({ attempts: 1, block: RETRY_BLOCK, lastError: expect.stringContaining('422') });
    expect(item.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(item.lastAttemptAt!.getTime());

    // Both dossiers move on; the refused one's next change waits behind its head, the other's goes.
    await walk(stuck.code, [{ action: 'START_PROCESSING' }]);
    await walk(other.code, [{ action: 'START_PROCESSING' }]);
    await relayOutbox(w.models, w.h.deps.redis);
    await enqueue(w.models);
    await new Promise((r) => setTimeout(r, POLICY.maxMs));
    await sendDue(w.models, w.domain.ivanReceiver, POLICY);
    expect(simA.byKey.has(`${other.code}:2`)).toBe(true);
    expect(simA.byKey.has(`${stuck.code}:2`)).toBe(false);
    const status = await w.h.exec(DELIVERIES, {}, principals.ivanA);
    expect(status.data?.ivanDeliveries).toMatchObject({
      backlog: 2, failing: 1, pausedUntil: null,
      oldestPending: { idempotencyKey: `${stuck.code}:1`, dossierCode: stuck.code, seq: 1, toState: 'RECEIVED', attempts: 2, lastError: expect.stringContaining('refused') },
      lastError: { dossierCode: stuck.code, seq: 1, message: expect.stringContaining('422') },
    });

    simA.knobs.refuseDossiers.delete(stuck.code);
    await waitFor('the refused dossier to go through on its own', async () => {
      await sendDue(w.models, w.domain.ivanReceiver, POLICY);
      return simA.byKey.has(`${stuck.code}:2`);
    });
    const arrivals = simA.received.filter((r) => r.change.dossierCode === stuck.code).map((r) => r.change.seq);
    expect(arrivals).toEqual([1, 2]);
    expect((await deliveryStatus(w.models, 'IVAN-A')).backlog).toBe(0);
  });

  test('R-INT-1: the receiver is down while 300 dossiers change state; after it returns every change arrives once per key, in order, across a worker restart, with no operator action', async () => {
    simA.reset();
    await register(principals.ivanA, simA, 'IVAN-A', 'WEBHOOK');
    await register(principals.ivanB, simB, 'IVAN-B', 'SOAP');
    simA.knobs.down = true;
    // Some answers get lost on the way back (the partner stored the change, we saw a timeout): those go again under the same key.
    const lose = new Set<string>();
    const lossy: IvanReceiverPort = {
      async deliver(target, change) {
        const result = await w.domain.ivanReceiver.deliver(target, change);
        if (result.outcome !== 'DELIVERED' || !lose.delete(change.idempotencyKey)) return result;
        return { outcome: 'OUTAGE', httpStatus: null, message: 'answer lost (test)' };
      },
    };
    const relay = startOutboxRelay(w.models, w.h.deps.redis, w.h.deps.logger, 100);
    let worker = startIvanDelivery(w.models, lossy, POLICY, w.h.deps.logger, 100);
    try {
      // One dossier in three moves on twice more, so order per dossier is tested too.
      const histories: Omit<ActionInput, 'code' | 'expectedVersion'>[][] = [[{ action: 'START_PROCESSING' }, { action: 'COMPLETE' }], [], []];
      const versions = new Map<string, number>();
      let next = 0;
      const T0 = Date.now();
      await Promise.all(Array.from({ length: 6 }, async () => {
        while (next < 300) {
          const i = next++;
          const d = await fileAs(principals.ivanA);
          versions.set(d.code, await walk(d.code, histories[i % histories.length]!));
        }
      }));
      const codes = [...versions.keys()];
      const changes = [...versions.values()].reduce((a, b) => a + b, 0);
      console.log(`I-VAN receiver down: ${codes.length} dossiers, ${changes} changes made in ${Date.now() - T0} ms`);

      // Meanwhile another provider's receiver is up, and its dossiers' changes go through.
      const forB = await fileAs(principals.ivanB);
      await waitFor('the other provider to be served during the outage', async () => simB.byKey.has(`${forB.code}:1`));
      await waitFor('every change to be queued for the partner', async () => (await deliveryStatus(w.models, 'IVAN-A')).backlog >= changes);
      const whileDown = await w.h.exec(DELIVERIES, { p: 'IVAN-A' }, principals.officer);
      expect(whileDown.data?.ivanDeliveries).toMatchObject({ backlog: changes, failing: 0, lastError: { message: expect.stringContaining('503') } });
      expect(simA.received).toHaveLength(0);
      // Outages charge no change.
      expect(await w.models.IvanDeliveryItem.countDocuments({ providerId: 'IVAN-A', attempts: 0 })).toBe(changes);
      expect(simA.stats.requests).toBeGreaterThan(0);

      const lost = codes.slice(0, 5).map((c) => `${c}:1`);
      for (const key of lost) lose.add(key);
      const T1 = Date.now();
      simA.knobs.down = false;
      await waitFor('part of the backlog to drain', async () => simA.byKey.size >= changes / 3);
      // The worker stops half-way (a deploy, a crash after its round) and another takes over.
      await worker();
      worker = startIvanDelivery(w.models, lossy, POLICY, w.h.deps.logger, 100);
      await waitFor('the backlog to drain', async () => (await deliveryStatus(w.models, 'IVAN-A')).backlog === 0);
      const drainMs = Date.now() - T1;


      const duplicates = simA.received.filter((r) => r.duplicate);
      console.log(`I-VAN receiver back: ${simA.byKey.size} changes delivered (of ${changes}), backlog drained in ${drainMs} ms, ${duplicates.length} duplicate deliveries (${lost.length} answers were lost on purpose; every duplicate a retry under the same Idempotency-Key)`);
      for (const code of codes) {
        const firsts = simA.received.filter((r) => r.change.dossierCode === code && !r.duplicate).map((r) => r.change.seq);
        expect(firsts).toEqual(Array.from({ length: versions.get(code)! }, (_, i) => i + 1));
      }
      expect(simA.byKey.size).toBe(changes);
      expect(simA.stats.outOfOrder).toBe(0);
      expect(simA.received.every((r) => r.signature === 'verified')).toBe(true);
      expect(lose.size).toBe(0);
      expect(duplicates.map((d) => d.idempotencyKey).sort()).toEqual(expect.arrayContaining(lost.sort()));
      expect(duplicates.every((d) => simA.byKey.get(d.idempotencyKey)!.change.seq === d.change.seq)).toBe(true);
      // What the partner holds last for each dossier is its state now.
      const last = await w.models.Dossier.find({ code: { $in: codes } }).lean();
      for (const d of last) expect(simA.byKey.get(`${d.code}:${versions.get(d.code)}`)!.change.toState).toBe(d.state);
      const after = await w.h.exec(DELIVERIES, {}, principals.ivanA);
      expect(after.data?.ivanDeliveries).toMatchObject({ backlog: 0, failing: 0, pausedUntil: null, lastDeliveredAt: expect.any(String) });
    } finally {
      simA.knobs.down = false;
      await worker();
      await relay();
    }
  }, 180_000);
});
