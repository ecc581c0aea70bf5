import mongoose from 'mongoose';

/** Runs `work` and returns how many `method` operations it sent to `collection` (to prove DataLoader batching). */
export async function countQueries(collection: string, method: string, work: () => Promise<void>): Promise<number> {
  let n = 0;
  mongoose.set('debug', (c: string, m: string) => {
    if (c === collection && m === method) n++;
  });
  try {
    await work();
  } finally {
    mongoose.set('debug', false);
  }
  return n;
}
