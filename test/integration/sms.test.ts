import { httpSmsGateway } from '../../adapters/sms/client';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../adapters/sms/port';
import { signBody } from '../../adapters/sms/signature';
import { startSmsSimulator } from '../../adapters/sms/simulator';
import { dossiersSubgraph } from '../../subgraphs/dossiers/subgraph';
import { httpSubgraph } from '../support/harness';
import { dossiersWorld } from '../support/dossiers';

const SECRET = 'test-webhook-secret';
let sim: Awaited<ReturnType<typeof startSmsSimulator>>;
beforeAll(async () => {
  sim = await startSmsSimulator({ apiKey: 'k', webhookSecret: SECRET });
});
afterAll(() => sim.stop());

describe('SMS gateway client against its simulator', () => {
  test('sends a message the simulator records', async () => {
    await httpSmsGateway(sim.url, 'k').send('0912345678', 'xin chao');
    expect(sim.sent.at(-1)).toMatchObject({ to: '0912345678', text: 'xin chao' });
  });

  test('retries once after a gateway failure, then gives UPSTREAM_UNAVAILABLE', async () => {
    sim.knobs.failNext = 1;
    await httpSmsGateway(sim.url, 'k').send('0912345678', 'lan hai');
    expect(sim.sent.at(-1)?.text).toBe('lan hai');
    sim.knobs.failNext = 2;
    await expect(httpSmsGateway(sim.url, 'k').send('0912345678', 'x')).rejects.toMatchObject({ system: 'sms', kind: 'unavailable' });
  });

  test('a slow gateway times out as UPSTREAM_UNAVAILABLE; a wrong key is refused', async () => {
    sim.knobs.latencyMs = 300;
    await expect(httpSmsGateway(sim.url, 'k', 100).send('0912345678', 'x')).rejects.toMatchObject({ message: expect.stringContaining('timed out') });
    sim.knobs.latencyMs = 0;
    await expect(httpSmsGateway(sim.url, 'wrong').send('0912345678', 'x')).rejects.toMatchObject({ message: expect.stringContaining('HTTP 401') });
  });
});

describe('status lookup by SMS (R-DOS-4)', () => {
  let w: Awaited<ReturnType<typeof dossiersWorld>>;
  let dossiers: Awaited<ReturnType<typeof httpSubgraph>>;
  beforeAll(async () => {
    w = await dossiersWorld({ redisDb: 13 });
    dossiers = await httpSubgraph(dossiersSubgraph, {
      prefix: w.h.prefix,
      redisDb: 13,
      env: { SMS_GATEWAY_URL: sim.url, SMS_API_KEY: 'k', SMS_WEBHOOK_SECRET: SECRET, PROCEDURES_URL: 'http://127.0.0.1:1/graphql', SMS_LOOKUPS_PER_HOUR: '4' },
    });
  });
  afterAll(async () => {
    await dossiers.stop();
    await w.close();
  });
  const webhook = () => dossiers.url.replace('/graphql', '/sms/inbound');
  // The last reply to this test's phone (the client tests above may still deliver late messages elsewhere).
  const lastReply = () => sim.sent.filter((m) => m.to === '0987654321').at(-1);

  test('"HS <code>" is answered by SMS with the public state, without diacritics', async () => {
    const d = await w.receive();
    expect(await sim.deliver(webhook(), '0987654321', `HS ${d.code}`)).toBe(200);
    expect(lastReply()).toMatchObject({ to: '0987654321', text: expect.stringMatching(new RegExp(`^HS ${d.code.replace(/\./g, '\\.')}: BHXH da tiep nhan ho so\\. Hen tra `)) });
  });

  test('an unknown code and a malformed message get a clear reply', async () => {
    await sim.deliver(webhook(), '0987654321', 'HS 000.00.01.H26-200101-9999');
    expect(lastReply()?.text).toBe('Khong tim thay ho so 000.00.01.H26-200101-9999. Kiem tra lai ma tren phieu tiep nhan.');
    await sim.deliver(webhook(), '0987654321', 'xin chao');
    expect(lastReply()?.text).toMatch(/^Sai cu phap/);
  });

  test('a webhook call without the gateway’s signature is refused and nothing is sent', async () => {
    const before = sim.sent.filter((m) => m.to === '0987654321').length;
    const res = await fetch(webhook(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '0987654321', text: 'HS X' }) });
    expect(res.status).toBe(401);
    expect(sim.sent.filter((m) => m.to === '0987654321').length).toBe(before);
  });

  test('a replayed call and a stale timestamp are refused; a phone asking too often is rate-limited', async () => {
    const body = JSON.stringify({ from: '0911111111', text: 'HS X' });
    const signed = (ts: number) => ({
      'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, ts, SECRET), [TIMESTAMP_HEADER]: String(ts),
    });
    const now = Math.floor(Date.now() / 1000);
    expect((await fetch(webhook(), { method: 'POST', headers: signed(now), body })).status).toBe(200);
    expect((await fetch(webhook(), { method: 'POST', headers: signed(now), body })).status).toBe(409);
    expect((await fetch(webhook(), { method: 'POST', headers: signed(now - 3600), body })).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await sim.deliver(webhook(), '0922222222', `HS Y${i}`));
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
