import { createFairQueue } from '../../gateway/fair-queue';

/** Turns per client key when the gateway is busy (issue 13: one caller cannot starve the others). */
test('a partner with one request waiting goes next after one request of the greedy caller, not after all of them', async () => {
  const turns = createFairQueue(1, 5_000);
  const order: string[] = [];
  const first = await turns.enter('greedy');
  const waiting = [
    ...Array.from({ length: 5 }, (_, i) => turns.enter('greedy').then((release) => ({ who: `greedy-${i}`, release }))),
    turns.enter('partner').then((release) => ({ who: 'partner', release })),
  ];
  const run = waiting.map(async (p) => {
    const { who, release } = await p;
    order.push(who);
    await new Promise((r) => setTimeout(r, 5));
    release();
  });
  first();
  await Promise.all(run);
  expect(order).toEqual(['greedy-0', 'partner', 'greedy-1', 'greedy-2', 'greedy-3', 'greedy-4']);
});

test('below its limit nobody waits; a request that waits too long is shed with OVERLOADED', async () => {
  const turns = createFairQueue(2, 50);
  const a = await turns.enter('a');
  const b = await turns.enter('b');
  await expect(turns.enter('c')).rejects.toMatchObject({ extensions: { code: 'OVERLOADED', retryAfterSeconds: 1 } });
  a();
  a(); // releasing twice frees one turn, not two
  const c = await turns.enter('c');
  await expect(turns.enter('d')).rejects.toMatchObject({ extensions: { code: 'OVERLOADED' } });
  b();
  c();
});

test('while the gateway is not busy nobody waits, however many requests one key has running', async () => {
  let busy = false;
  const turns = createFairQueue(1, 50, () => busy);
  const releases = await Promise.all(Array.from({ length: 10 }, () => turns.enter('intakes')));
  busy = true;
  await expect(turns.enter('other')).rejects.toMatchObject({ extensions: { code: 'OVERLOADED' } });
  releases.forEach((release) => release());
  expect(typeof (await turns.enter('other'))).toBe('function');
});
