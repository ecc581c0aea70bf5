import { startInfrastructure } from './lib/infrastructure';
import mongoose from 'mongoose';
async function main() {
  const infra = await startInfrastructure({});
  const client = new mongoose.mongo.MongoClient(infra.mongoUri, { maxPoolSize: 20 });
  await client.connect();
  const c = client.db('t1').collection('things');
  await c.createIndex({ code: 1 }, { unique: true });
  await c.insertMany(Array.from({ length: 5000 }, (_, i) => ({ _id: `k${i}` as any, code: `c${i}`, pad: 'x'.repeat(1500) })));
  for (const conc of [1, 8]) {
    for (const op of ['findOne', 'insert', 'update'] as const) {
      let n = 0; const t = performance.now(); const end = t + 3000;
      await Promise.all(Array.from({ length: conc }, async (_, w) => { while (performance.now() < end) {
        const i = n++;
        if (op === 'findOne') await c.findOne({ code: `c${i % 5000}` });
        else if (op === 'insert') await c.insertOne({ _id: `n${conc}-${i}` as any, code: `n${conc}-${i}`, pad: 'y'.repeat(1500) });
        else await c.updateOne({ _id: `k${i % 5000}` as any }, { $set: { v: i } });
      } }));
      console.log(conc, op, (n / ((performance.now() - t) / 1000)).toFixed(0), '/s');
    }
  }
  await client.close(); await infra.stop();
}
main();
