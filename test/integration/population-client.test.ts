import { Redis } from 'ioredis';
import { createPopulationClient, type PopulationClientOptions } from '../../adapters/population/client';
import { generatePopulation, startPopulationSimulator } from '../../adapters/population/simulator';
import { personalIdProblem } from '../../platform/identifiers';

/** Contract tests of the SOAP client against the simulator, one per fault knob (R-ID-2, R-INT-3). */
let sim: Awaited<ReturnType<typeof startPopulationSimulator>>;
let redis: Redis;
const people = generatePopulation(3000);
const someone = people[0]!;
const lan = { personalId: '001190012345', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-05-17' };

beforeAll(async () => {
  sim = await startPopulationSimulator({ citizens: [...people, lan] });
  redis = new Redis(`${process.env.REDIS_URL}/14`);
  await redis.flushdb();
});
afterAll(async () => {
  await sim.stop();
  redis.disconnect();
});
beforeEach(() => {
  Object.assign(sim.knobs, { latencyMs: 0, faultNext: 0 });
});

const client = (o: Partial<PopulationClientOptions> = {}) => createPopulationClient({ endpoint: sim.endpoint, timeoutMs: 500, backoffMs: 20, ...o });
// The adapter's error (issue 17); the identity subgraph answers it as UPSTREAM_UNAVAILABLE, serviceName population.
const unavailable = { system: 'population', kind: 'unavailable' };

describe('the generated population', () => {
  test('has thousands of citizens, all with valid personal ids that agree with their dates of birth', () => {
    expect(people.length).toBe(3000);
    for (const p of people) expect(personalIdProblem(p.personalId, new Date(p.dateOfBirth))).toBeNull();
  });
});

describe('population database client against its SOAP simulator', () => {
  test('match, mismatch naming the field, and not found', async () => {
    const c = await client();
    await expect(c.verifyCitizen(someone.personalId, someone.fullName, someone.dateOfBirth)).resolves.toEqual({ result: 'MATCH' });
    await expect(c.verifyCitizen(lan.personalId, 'Nguyễn Thị Lan', '1990-05-18')).resolves.toEqual({ result: 'MISMATCH', field: 'dateOfBirth' });
    await expect(c.verifyCitizen('001190099999', 'Nguyễn Thị Lan', '1990-05-17')).resolves.toEqual({ result: 'NOT_FOUND' });
  });

  test('names compare after NFC and case folding, never with accents stripped (Nguyễn ≠ Nguyên)', async () => {
    const c = await client();
    await expect(c.verifyCitizen(lan.personalId, 'NGUYỄN THỊ LAN'.normalize('NFD'), lan.dateOfBirth)).resolves.toEqual({ result: 'MATCH' });
    await expect(c.verifyCitizen(lan.personalId, 'Nguyên Thị Lan', lan.dateOfBirth)).resolves.toEqual({ result: 'MISMATCH', field: 'fullName' });
    await expect(c.verifyCitizen(lan.personalId, 'Nguyen Thi Lan', lan.dateOfBirth)).resolves.toEqual({ result: 'MISMATCH', field: 'fullName' });
  });

  test('slow: an answer within the timeout is used', async () => {
    sim.knobs.latencyMs = 200;
    await expect((await client()).verifyCitizen(lan.personalId, lan.fullName, lan.dateOfBirth)).resolves.toEqual({ result: 'MATCH' });
  });

  test('fault: a SOAP fault is retried and the next answer used', async () => {
    sim.knobs.faultNext = 1;
    const before = sim.stats.calls;
    await expect((await client()).verifyCitizen(lan.personalId, lan.fullName, lan.dateOfBirth)).resolves.toEqual({ result: 'MATCH' });
    expect(sim.stats.calls - before).toBe(2);
  });

  test('timeout: three attempts past the timeout give UPSTREAM_UNAVAILABLE, not a crash', async () => {
    sim.knobs.latencyMs = 800;
    const before = sim.stats.calls;
    await expect((await client()).verifyCitizen(lan.personalId, lan.fullName, lan.dateOfBirth)).rejects.toMatchObject(unavailable);
    expect(sim.stats.calls - before).toBe(3);
  });

  test('down: the circuit opens after repeated failures and fails fast; recovery closes it', async () => {
    const c = await client({ retries: 0, breaker: { failureThreshold: 3, resetMs: 300 } });
    await sim.stop();
    try {
      for (let i = 0; i < 3; i++) await expect(c.verifyCitizen(lan.personalId, lan.fullName, lan.dateOfBirth)).rejects.toMatchObject(unavailable);
      const started = Date.now();
      await expect(c.verifyCitizen(lan.personalId, lan.fullName, lan.dateOfBirth)).rejects.toMatchObject({ message: expect.stringContaining('circuit open') });
      expect(Date.now() - started).toBeLessThan(100); // no network call was made
    } finally {
      await sim.start();
    }
    await new Promise((r) => setTimeout(r, 350));
    await expect(c.verifyCitizen(lan.personalId, lan.fullName, lan.dateOfBirth)).resolves.toEqual({ result: 'MATCH' });
    await expect(c.verifyCitizen(someone.personalId, someone.fullName, someone.dateOfBirth)).resolves.toEqual({ result: 'MATCH' });
  });

  test('answers are cached in Redis for the configured time', async () => {
    const c = await client({ cache: { redis, ttlSeconds: 60 } });
    const before = sim.stats.calls;
    await c.verifyCitizen(someone.personalId, someone.fullName, someone.dateOfBirth);
    await c.verifyCitizen(someone.personalId, someone.fullName, someone.dateOfBirth);
    expect(sim.stats.calls - before).toBe(1);
    const keys = await redis.keys('population:verify:*');
    expect(keys).toHaveLength(1);
    const ttl = await redis.ttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});
