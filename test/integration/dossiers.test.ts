import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { dossiersSubgraph } from '../../subgraphs/dossiers/subgraph';
import { dossierModels } from '../../subgraphs/dossiers/context';
import { changeStatus, receiveDossier, type DossierModels } from '../../subgraphs/dossiers/services/dossiers';
import { relayOutbox } from '../../subgraphs/dossiers/services/outbox';
import { vietnamDateStamp } from '../../subgraphs/dossiers/services/code';
import { connectDatabase } from '../../subgraphs/kit/mongo';
import { STREAMS, type DossierEvent } from '../../subgraphs/kit/events';
import { codesOf, principals, subgraphHarness } from '../support/harness';

let h: Awaited<ReturnType<typeof subgraphHarness>>;
let models: DossierModels;
const HN = '000.00.01.H26';

beforeAll(async () => {
  h = await subgraphHarness(dossiersSubgraph, { redisDb: 3 });
  models = dossierModels(h.deps.db);
});
afterAll(() => h.close());

describe('dossier codes (R-DOS-1)', () => {
  test('concurrent intake on two connections issues unique, gap-free <agency>-<YYMMDD>-<NNNN> codes', async () => {
    const other = await connectDatabase(h.deps.config.mongoUri, h.deps.config.databaseName);
    try {
      const otherModels = dossierModels(other);
      const at = new Date('2026-03-02T03:00:00Z');
      const received = await Promise.all(
        Array.from({ length: 40 }, (_, i) => receiveDossier(i % 2 ? models : otherModels, { agencyCode: '000.00.01.H29', procedureCode: '1.002001', receivedAt: at })),
      );
      // Every number also has exactly one dossier and one first event.
      expect(await models.DossierEvent.countDocuments({ agencyCode: '000.00.01.H29', seq: 1 })).toBe(40);
      const codes = received.map((d) => d.code).sort();
      expect(codes).toEqual(Array.from({ length: 40 }, (_, i) => `000.00.01.H29-260302-${String(i + 1).padStart(4, '0')}`));
    } finally {
      await other.close();
    }
  });

  test('the date part is the day in Vietnam (UTC+7), not in UTC', () => {
    expect(vietnamDateStamp(new Date('2026-11-25T17:30:00Z'))).toBe('261126');
    expect(vietnamDateStamp(new Date('2026-11-25T16:59:59Z'))).toBe('261125');
  });

  test('intake refuses a malformed agency or procedure code with BAD_USER_INPUT and stores nothing', async () => {
    const before = await models.Dossier.countDocuments();
    await expect(receiveDossier(models, { agencyCode: 'HN', procedureCode: '1.002001' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'agencyCode' },
    });
    await expect(receiveDossier(models, { agencyCode: HN, procedureCode: 'abc' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'procedureCode' },
    });
    expect(await models.Dossier.countDocuments()).toBe(before);
  });
});

describe('dossier queries', () => {
  test('_entities resolves Dossier references with one database query per batch', async () => {
    const [a, b] = [await receiveDossier(models, { agencyCode: HN, procedureCode: '1.002003' }), await receiveDossier(models, { agencyCode: HN, procedureCode: '1.002004' })];
    const finds: string[] = [];
    mongoose.set('debug', (collection: string, method: string) => {
      if (collection === 'dossiers' && method === 'find') finds.push(method);
    });
    try {
      const res = await h.exec(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { code status procedure { code } handlingAgency { code } } } }`,
        { r: [{ __typename: 'Dossier', code: a!.code }, { __typename: 'Dossier', code: b!.code }, { __typename: 'Dossier', code: `${HN}-200101-9999` }] },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        { code: a!.code, status: 'RECEIVED', procedure: { code: '1.002003' }, handlingAgency: { code: HN } },
        { code: b!.code, status: 'RECEIVED', procedure: { code: '1.002004' }, handlingAgency: { code: HN } },
        null,
      ]);
      expect(finds).toHaveLength(1);
    } finally {
      mongoose.set('debug', false);
    }
  });

  test('dossiers pages newest first and a cursor resumes exactly after the last item', async () => {
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await h.exec(`query($after: String) { dossiers(first: 7, after: $after) { edges { node { code receivedAt } } pageInfo { hasNextPage endCursor } } }`, { after });
      const page = res.data?.dossiers as { edges: { node: { code: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      all.push(...page.edges.map((e) => e.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = (await models.Dossier.find().sort({ receivedAt: -1, code: -1 }).lean()).map((d) => d.code);
    expect(all).toEqual(expected);
    expect(new Set(all).size).toBe(all.length);
  });

  test('anonymous callers get FORBIDDEN for dossier and dossiers', async () => {
    const one = await h.exec(`{ dossier(code: "${HN}-260302-0001") { code } }`, undefined, principals.anonymous);
    expect(codesOf(one.errors)).toEqual(['FORBIDDEN']);
    const list = await h.exec(`{ dossiers { edges { cursor } } }`, undefined, principals.anonymous);
    expect(codesOf(list.errors)).toEqual(['FORBIDDEN']);
  });
});

describe('dossier state changes and events', () => {
  test('a change made against a stale version is refused with CONFLICT and changes nothing', async () => {
    const d = await receiveDossier(models, { agencyCode: HN, procedureCode: '1.002001' });
    await changeStatus(models, d.code, 'PROCESSING', 1);
    await expect(changeStatus(models, d.code, 'REJECTED', 1)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const stored = await models.Dossier.findOne({ code: d.code }).lean();
    expect(stored).toMatchObject({ status: 'PROCESSING', seq: 2 });
  });

  test('of concurrent changes to one dossier exactly one wins; the others get CONFLICT, none is lost silently', async () => {
    const d = await receiveDossier(models, { agencyCode: HN, procedureCode: '1.002001' });
    const results = await Promise.allSettled(
      (['PROCESSING', 'REJECTED', 'PROCESSING', 'REJECTED', 'PROCESSING', 'REJECTED'] as const).map((s) => changeStatus(models, d.code, s, 1)),
    );
    const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ status: string }>[];
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { extensions?: { code?: string } }).extensions?.code)).toEqual(Array(5).fill('CONFLICT'));
    const stored = await models.Dossier.findOne({ code: d.code }).lean();
    expect(stored).toMatchObject({ seq: 2, status: won[0]!.value.status });
    expect(await models.DossierEvent.countDocuments({ dossierCode: d.code })).toBe(2);
  });

  test('the outbox relay publishes every change in order per dossier and marks it published', async () => {
    await h.deps.redis.del(STREAMS.dossierEvents);
    const d = await receiveDossier(models, { agencyCode: HN, procedureCode: '1.002002' });
    await changeStatus(models, d.code, 'PROCESSING');
    await changeStatus(models, d.code, 'RESULT_READY');
    while ((await relayOutbox(models, h.deps.redis)) > 0);
    const entries = await h.deps.redis.xrange(STREAMS.dossierEvents, '-', '+');
    const events = entries.map(([, f]) => JSON.parse(f[1]!) as DossierEvent).filter((e) => e.dossierCode === d.code);
    expect(events.map((e) => [e.seq, e.type, e.previousStatus, e.status])).toEqual([
      [1, 'RECEIVED', null, 'RECEIVED'],
      [2, 'STATUS_CHANGED', 'RECEIVED', 'PROCESSING'],
      [3, 'STATUS_CHANGED', 'PROCESSING', 'RESULT_READY'],
    ]);
    expect(await models.DossierEvent.countDocuments({ published: false })).toBe(0);
  });

  test('a change whose writer crashed after appending its event is projected and published by the relay', async () => {
    const d = await receiveDossier(models, { agencyCode: HN, procedureCode: '1.002002' });
    // What a crash between "append event" and "update projection" leaves behind:
    await models.DossierEvent.create({
      dossierCode: d.code, seq: 2, type: 'STATUS_CHANGED', status: 'PROCESSING', previousStatus: 'RECEIVED',
      agencyCode: HN, procedureCode: '1.002002', at: new Date(),
    });
    expect(await models.Dossier.findOne({ code: d.code }).lean()).toMatchObject({ status: 'RECEIVED', seq: 1 });
    while ((await relayOutbox(models, h.deps.redis)) > 0);
    expect(await models.Dossier.findOne({ code: d.code }).lean()).toMatchObject({ status: 'PROCESSING', seq: 2 });
    const entries = await h.deps.redis.xrange(STREAMS.dossierEvents, '-', '+');
    expect(entries.some(([, f]) => (JSON.parse(f[1]!) as DossierEvent).id === `${d.code}:2`)).toBe(true);
  });

  test('while Redis is down events stay unpublished in the database, and go out once it is back', async () => {
    const d = await receiveDossier(models, { agencyCode: HN, procedureCode: '1.002003' });
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => {});
    await expect(relayOutbox(models, down)).rejects.toThrow();
    expect(await models.DossierEvent.findOne({ dossierCode: d.code, seq: 1 }).lean()).toMatchObject({ published: false });
    while ((await relayOutbox(models, h.deps.redis)) > 0);
    expect(await models.DossierEvent.findOne({ dossierCode: d.code, seq: 1 }).lean()).toMatchObject({ published: true });
    const entries = await h.deps.redis.xrange(STREAMS.dossierEvents, '-', '+');
    expect(entries.filter(([, f]) => (JSON.parse(f[1]!) as DossierEvent).id === `${d.code}:1`)).toHaveLength(1);
  });
});
