import { eachLimited, KeyedQueue } from '../../platform/concurrency';

/** Bounded concurrency on p-limit (issue 17, platform/concurrency.ts), as the outbox pushes and the intake use it. */
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('eachLimited', () => {
  test('starts the items in order with never more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      most = Math.max(most, ++inFlight);
      await tick();
      inFlight--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  test('work answering false stops the run: items in flight finish, items not started never start', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await tick(n === 1 ? 1 : 20);
      finished.push(n);
      return n !== 1; // an outage seen on the first item
    });
    expect(started).toEqual([1, 2]);
    expect(finished.sort()).toEqual([1, 2]);
  });
});

describe('KeyedQueue', () => {
  test('tasks of one key run one after another, in order, even when one fails; other keys run beside them', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`${name}:start`);
      await tick(ms);
      log.push(`${name}:end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([q.run('a', task('a1', 20, true)), q.run('a', task('a2', 1)), q.run('b', task('b1', 1))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log.indexOf('a2:start')).toBeGreaterThan(log.indexOf('a1:end'));
    expect(log.indexOf('b1:end')).toBeLessThan(log.indexOf('a1:end'));
  });
});
