import { dossiersWorld } from '../support/dossiers';

test('speed', async () => {
  const w = await dossiersWorld({ redisDb: 21 });
  const t0 = Date.now();
  let next = 0;
  const codes: string[] = [];
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < 300) { next++; codes.push((await w.receive()).code); }
  }));
  console.log('300 receives', Date.now() - t0);
  const time = async (label: string, f: () => Promise<unknown>) => { const t = Date.now(); for (let i = 0; i < 10; i++) await f(); console.log(label, (Date.now() - t) / 10); };
  const { Dossier, DossierEvent, EventLog } = w.models;
  const c = codes[150]!;
  await time('Dossier.findOne code', () => Dossier.findOne({ code: c }).lean().exec());
  await time('DossierEvent dossierCode+seq>', () => DossierEvent.find({ dossierCode: c, seq: { $gt: 0 } }).lean().exec());
  await time('DossierEvent dossierCode only', () => DossierEvent.find({ dossierCode: c }).lean().exec());
  await time('DossierEvent published:false sorted', () => DossierEvent.find({ published: false }).sort({ dossierCode: 1, seq: 1 }).limit(200).lean().exec());
  await time('DossierEvent $in 50', () => DossierEvent.find({ dossierCode: { $in: codes.slice(0, 50) } }).lean().exec());
  await time('EventLog _id>', () => EventLog.find({ _id: { $gt: 250 } }).sort({ _id: 1 }).limit(500).lean().exec());
  await time('DossierEvent countDocuments', () => DossierEvent.countDocuments().exec());
  await time('Dossier.find all', () => Dossier.find({}).lean().exec());
  await w.close();
}, 200000);
