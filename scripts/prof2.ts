import { mkdtempSync } from 'node:fs';
import { startInfrastructure } from './lib/infrastructure';
import { ensureKeys } from '../subgraphs/kit/keys';
async function main() {
  const infra = await startInfrastructure({});
  const keys = mkdtempSync('/tmp/k-'); await ensureKeys(keys);
  Object.assign(process.env, { MONGODB_URI: infra.mongoUri, REDIS_URL: infra.redisUrl, KEYS_DIR: keys });
  const { dossiersWorld } = await import('../test/support/dossiers');
  const { subgraphHarness, principals } = await import('../test/support/harness');
  const { statisticsSubgraph } = await import('../subgraphs/statistics/subgraph');
  const { startOutboxRelay } = await import('../subgraphs/dossiers/services/outbox');
  const { eachLimited } = await import('../subgraphs/kit/concurrency');
  const w = await dossiersWorld({ redisDb: 1 });
  const stats = await subgraphHarness(statisticsSubgraph, { redisDb: 1 });
  const stops = statisticsSubgraph.startWorkers!(stats.deps);
  const stopRelay = startOutboxRelay(w.models, w.h.deps.redis, w.h.deps.logger, 50);
  const { Session } = await import('node:inspector/promises');
  const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
  const t = performance.now();
  await eachLimited(Array.from({ length: 300 }, (_, i) => i), 6, async () => {
    let d = await w.receive();
    for (const action of ['START_PROCESSING', 'COMPLETE'] as const) d = await w.act({ code: d.code, action, expectedVersion: d.seq }, principals.officer);
  });
  console.log('per dossier ms', (performance.now() - t) / 300);
  const { profile } = await s.post('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas!; const samples = profile.samples!;
  const pkg = new Map<string, number>();
  const fn = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]!)!; const u = n.callFrame.url; const k = u.includes('node_modules/') ? u.replace(/.*node_modules\//, '').split('/')[0]! : u.includes('/work/main/') ? u.replace('file:///work/main/', '').split('/').slice(0, 2).join('/') : (n.callFrame.functionName || u || '(native)'); pkg.set(k, (pkg.get(k) ?? 0) + (dt[i] ?? 0));
    const f = `${n.callFrame.functionName || '(anon)'} ${u.replace(/.*node_modules\//, '').replace('file:///work/main/', '')}:${n.callFrame.lineNumber}`; fn.set(f, (fn.get(f) ?? 0) + (dt[i] ?? 0)); }
  for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log('PKG', (v / 1000).toFixed(0).padStart(6), k);
  for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log('FN', (v / 1000).toFixed(0).padStart(6), k);
  await stopRelay(); for (const x of stops) await x(); await stats.close(); await w.close(); await infra.stop();
}
main();
