import { mkdtempSync } from 'node:fs';
import { startInfrastructure } from './lib/infrastructure';
import { ensureKeys } from '../subgraphs/kit/keys';
async function main() {
  const infra = await startInfrastructure({});
  const keys = mkdtempSync('/tmp/k-'); await ensureKeys(keys);
  Object.assign(process.env, { MONGODB_URI: infra.mongoUri, REDIS_URL: infra.redisUrl, KEYS_DIR: keys });
  const { dossiersWorld } = await import('../test/support/dossiers');
  const w = await dossiersWorld({ redisDb: 1 });
  for (let i = 0; i < 20; i++) await w.receive();
  const { Session } = await import('node:inspector/promises');
  const s = new Session(); s.connect(); await s.post('Profiler.enable');
  const codes: string[] = [];
  for (let i = 0; i < 200; i++) codes.push((await w.receive()).code);
  await s.post('Profiler.start');
  const t = performance.now();
  for (const code of codes) await w.act({ code, action: 'START_PROCESSING', expectedVersion: 1 });
  console.log('act ms', (performance.now() - t) / 200);
  const { profile } = await s.post('Profiler.stop');
  // self time per function
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas!; const samples = profile.samples!;
  for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]!)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, '').slice(-60)}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log('total sampled ms', total / 1000);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log((v / 1000).toFixed(0).padStart(6), k);
  const pkg = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]!)!; const u = n.callFrame.url; const k = u.includes('node_modules/') ? u.replace(/.*node_modules\//, '').split('/')[0]! : u.includes('/work/main/') ? u.replace('file:///work/main/', '').split('/').slice(0, 2).join('/') : (n.callFrame.functionName || u || '(native)'); pkg.set(k, (pkg.get(k) ?? 0) + (dt[i] ?? 0)); }
  for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log('PKG', (v / 1000).toFixed(0).padStart(6), k);
  // inclusive time by our own frames: walk parents
  const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) { let id: number | undefined = samples[i]!; const seen = new Set<string>(); while (id !== undefined) { const n = byId.get(id)!; const u = n.callFrame.url; if (u.includes('/work/main/subgraphs') || u.includes('mongoose/lib/model.js') || u.includes('mongoose/lib/query.js')) { const k = `${n.callFrame.functionName} ${u.replace(/.*\/work\/main\//, '').replace(/.*node_modules\//, '')}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0)); } } id = parent.get(id); } }
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log('INCL', (v / 1000).toFixed(0).padStart(6), k);
  await w.close(); await infra.stop();
}
main();
