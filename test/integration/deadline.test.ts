import { randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { checkDeadline, deadlineApolloPlugin, deadlineSignal, readOptions, remainingMs, withDeadline } from '../../platform/deadline';
import { connectDatabase } from '../../platform/mongo';

/**
 * Every request has a deadline, and the database stops with it (issue 13, R-Q-1): reads made for a
 * query carry maxTimeMS equal to the time left, on the real embedded database, and a read asked
 * for after the deadline is refused before it is sent. Mutations finish what they started.
 */
let db: Connection;
const commands: { name: string; maxTimeMS?: unknown }[] = [];
const Thing = new Schema({ code: String, n: Number });

beforeAll(async () => {
  db = await connectDatabase(process.env.MONGODB_URI!, `deadline_${randomBytes(3).toString('hex')}`);
  db.getClient().on('commandStarted', (e) => commands.push({ name: e.commandName, maxTimeMS: (e.command as { maxTimeMS?: unknown }).maxTimeMS }));
  await db.model('Thing', Thing).insertMany(Array.from({ length: 50 }, (_, n) => ({ code: `T${n}`, n })));
});
afterAll(async () => {
  await db.dropDatabase();
  await db.close();
});

/** Runs `work` as a query's resolvers run: inside a deadline scope, after the operation is known. */
async function asQuery<T>(ms: number, work: () => Promise<T>, operation: 'query' | 'mutation' = 'query'): Promise<T> {
  return withDeadline(ms, new AbortController().signal, async () => {
    const hooks = await deadlineApolloPlugin().requestDidStart!({} as never);
    await hooks!.didResolveOperation!({ operation: { operation } } as never);
    return work();
  });
}

const lastCommand = (name: string) => commands.filter((c) => c.name === name).at(-1);

test("a query's reads carry maxTimeMS of the time it has left, and the database answers them", async () => {
  const Model = db.model('Thing');
  const found = await asQuery(5_000, () => Model.find({ n: { $lt: 10 } }).lean());
  expect(found).toHaveLength(10);
  expect(lastCommand('find')?.maxTimeMS).toBeGreaterThan(4_000);
  expect(lastCommand('find')?.maxTimeMS).toBeLessThanOrEqual(5_000);

  await asQuery(3_000, () => Model.aggregate([{ $match: { n: { $gte: 40 } } }, { $count: 'n' }]));
  expect(lastCommand('aggregate')?.maxTimeMS).toBeLessThanOrEqual(3_000);

  const byDriver = await asQuery(2_000, () => Model.collection.findOne({ code: 'T7' }, readOptions()));
  expect(byDriver?.n).toBe(7);
  expect(lastCommand('find')?.maxTimeMS).toBeLessThanOrEqual(2_000);
});

test('a read asked for after the deadline is refused with GATEWAY_TIMEOUT and never sent', async () => {
  const Model = db.model('Thing');
  const sent = commands.length;
  await expect(
    asQuery(20, async () => {
      await new Promise((r) => setTimeout(r, 60));
      return Model.find({}).lean();
    }),
  ).rejects.toMatchObject({ extensions: { code: 'GATEWAY_TIMEOUT' } });
  expect(commands.length).toBe(sent);
});

test('a mutation is not cut in the middle: its reads carry no maxTimeMS and run after the deadline', async () => {
  const Model = db.model('Thing');
  const found = await asQuery(
    20,
    async () => {
      await new Promise((r) => setTimeout(r, 60));
      checkDeadline();
      return Model.findOne({ code: 'T3' }).lean<{ n: number }>();
    },
    'mutation',
  );
  expect(found?.n).toBe(3);
  expect(lastCommand('find')?.maxTimeMS).toBeUndefined();
});

test('outside a request (workers, scripts) nothing is bounded', async () => {
  expect(remainingMs()).toBeUndefined();
  await db.model('Thing').find({ code: 'T1' }).lean();
  expect(lastCommand('find')?.maxTimeMS).toBeUndefined();
});

test('a caller that goes away ends the scope at once', async () => {
  const gone = new AbortController();
  await withDeadline(60_000, gone.signal, async () => {
    expect(deadlineSignal()?.aborted).toBe(false);
    gone.abort();
    expect(deadlineSignal()?.aborted).toBe(true);
  });
});
