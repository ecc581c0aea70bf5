import { Redis } from 'ioredis';
import { relayOutbox, Sequencer } from '../../subgraphs/dossiers/services/outbox';
import { DossierRepository } from '../../subgraphs/dossiers/repositories/dossiers';
import { STREAMS, type DossierEvent } from '../../platform/events';
import { codesOf, principals } from '../support/harness';
import { dossiersWorld, HN } from '../support/dossiers';

let w: Awaited<ReturnType<typeof dossiersWorld>>;
beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 8 });
});
afterAll(() => w.close());

const streamEvents = async () =>
  (await w.h.deps.redis.xrange(STREAMS.dossierEvents, '-', '+')).map(([, f]) => JSON.parse(f[1]!) as DossierEvent);
const drain = async () => {
  while ((await relayOutbox(w.models, w.h.deps.redis)) > 0);
};

describe('dossier events', () => {
  test('every change is published once, in order per dossier, with who, old and new state, and a global sequence', async () => {
    let d = await w.receive();
    d = await w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 1 });
    d = await w.act({ code: d.code, action: 'COMPLETE', expectedVersion: 2 });
    await drain();
    const mine = (await streamEvents()).filter((e) => e.dossierCode === d.code);
    expect(mine.map((e) => [e.seq, e.action, e.previousState, e.state, e.actor.subject])).toEqual([
      [1, 'RECEIVE', null, 'RECEIVED', 'officer-hn'],
      [2, 'START_PROCESSING', 'RECEIVED', 'PROCESSING', 'officer-hn'],
      [3, 'COMPLETE', 'PROCESSING', 'RESULT_READY', 'officer-hn'],
    ]);
    expect(mine[1]!.globalSeq).toBe(mine[0]!.globalSeq + 1);
    expect(await w.models.DossierEvent.countDocuments({ published: false })).toBe(0);
  });

  test('a change whose writer crashed after appending its event is projected and published by the relay', async () => {
    const d = await w.receive();
    // The crash: the writer appended its event and died before projecting it.
    await new DossierRepository(w.models).append({
      dossierCode: d.code, seq: 2, action: 'START_PROCESSING', previousState: 'RECEIVED', state: 'PROCESSING', previousStatus: 'RECEIVED', status: 'PROCESSING',
      actor: { client: 'officer', subject: 'officer-hn', agencyCode: HN }, agencyCode: HN, departmentCode: null, procedureCode: d.procedureCode,
      channel: d.channel, reason: null, at: new Date(), changes: { state: 'PROCESSING', status: 'PROCESSING' },
    });
    expect(await w.models.Dossier.findOne({ code: d.code }).lean()).toMatchObject({ state: 'RECEIVED', seq: 1 });
    await drain();
    expect(await w.models.Dossier.findOne({ code: d.code }).lean()).toMatchObject({ state: 'PROCESSING', seq: 2 });
    expect((await streamEvents()).some((e) => e.id === `${d.code}:2`)).toBe(true);
  });

  test('while Redis is down events stay unpublished in the database, and go out once it is back', async () => {
    const d = await w.receive();
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => {});
    await expect(relayOutbox(w.models, down)).rejects.toThrow();
    expect(await w.models.DossierEvent.findOne({ dossierCode: d.code, seq: 1 }).lean()).toMatchObject({ published: false });
    await drain();
    expect(await w.models.DossierEvent.findOne({ dossierCode: d.code, seq: 1 }).lean()).toMatchObject({ published: true });
    expect((await streamEvents()).filter((e) => e.id === `${d.code}:1`)).toHaveLength(1);
  });

  test('two relays sequencing at once give every event one number, with no gap and no repeat', async () => {
    for (let i = 0; i < 20; i++) await w.receive();
    const pending = await w.models.DossierEvent.find({ published: false }).lean();
    const [s1, s2] = [new Sequencer(w.models), new Sequencer(w.models)];
    const numbers = await Promise.all(pending.flatMap((e) => [s1.sequence(e), s2.sequence(e)]));
    for (let i = 0; i < numbers.length; i += 2) expect(numbers[i]).toBe(numbers[i + 1]);
    const ids = (await w.models.EventLog.find().sort({ _id: 1 }).select({ _id: 1 }).lean()).map((l) => l._id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    await drain();
  });

  test('a relay that crashed after numbering a batch, before marking it published, publishes it again under the same numbers', async () => {
    await drain();
    for (let i = 0; i < 3; i++) await w.receive();
    const pending = (await w.models.DossierEvent.find({ published: false }).lean()).sort((a, b) => a.dossierCode.localeCompare(b.dossierCode));
    // The crash: the first two got their numbers in the log; nothing was published or marked.
    const numbered = await new Sequencer(w.models).sequenceAll(pending.slice(0, 2));
    const before = await w.models.EventLog.countDocuments();
    await drain();
    expect(await w.models.EventLog.countDocuments()).toBe(before + 1);
    const published = (await streamEvents()).filter((e) => pending.some((p) => p.dossierCode === e.dossierCode));
    expect(published.map((e) => e.globalSeq).slice(0, 2)).toEqual(numbered);
    expect(await w.models.DossierEvent.countDocuments({ published: false })).toBe(0);
  });

  test('a consumer replays from any sequence number through dossierEvents (needs dossier:events)', async () => {
    await drain();
    const all = await w.h.exec('{ dossierEvents(after: 0, first: 1000) { sequence dossierCode version action toState } }', undefined, principals.dashboard);
    const events = all.data?.dossierEvents as { sequence: number; dossierCode: string; version: number }[];
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    const from = Math.floor(events.length / 2);
    const rest = await w.h.exec(`{ dossierEvents(after: ${from}, first: 5) { sequence } }`, undefined, principals.dashboard);
    expect(rest.data?.dossierEvents).toEqual(events.slice(from, from + 5).map((e) => ({ sequence: e.sequence })));
    const officer = await w.h.exec('{ dossierEvents { sequence } }', undefined, principals.officer);
    expect(codesOf(officer.errors)).toEqual(['FORBIDDEN']);
  });
});

describe('projection repair', () => {
  test('a dossier set back to an older event by a late projection write is repaired before the next change', async () => {
    let d = await w.receive();
    d = await w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: 1 });
    // What a delayed projection of event 1 landing after event 2 leaves behind:
    await w.models.Dossier.updateOne({ code: d.code }, { $set: { state: 'RECEIVED', status: 'RECEIVED', seq: 1 } });
    const next = await w.act({ code: d.code, action: 'COMPLETE', expectedVersion: 2 });
    expect(next).toMatchObject({ state: 'RESULT_READY', seq: 3 });
    expect(await w.models.Dossier.findOne({ code: d.code }).lean()).toMatchObject({ state: 'RESULT_READY', seq: 3 });
  });
});
