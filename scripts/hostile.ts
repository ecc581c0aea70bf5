import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../platform/config';
import { hostileFailures, runHostile } from './lib/hostile';

/**
 * npm run test:hostile -- [--requests 10000] [--url http://127.0.0.1:4000/graphql] [--keys .data/keys]
 * The adversarial suite (issue 13) against a running stack (npm start): it prints what each class
 * of attack got back and the legitimate I-VAN poll's p95 without and with the attack, then one JSON
 * line, and exits non-zero when anything that must never happen happened.
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    url: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql' },
    keys: { type: 'string', default: process.env.KEYS_DIR ?? path.join(PROJECT_ROOT, '.data/keys') },
    seed: { type: 'string', default: '2026' },
  },
});

async function main() {
  const requests = Number(values.requests);
  if (!Number.isInteger(requests) || requests < 1) throw new Error('--requests must be a whole number');
  console.log(`hostile suite: ${requests} attack requests against ${values.url}, with a legitimate I-VAN poll alongside`);
  const report = await runHostile({ url: values.url, keysDir: values.keys, requests, seed: Number(values.seed), log: (l) => console.log(l) });
  const table = (title: string, m: Record<string, number>) =>
    console.log(`${title}: ${Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  table('requests by class', report.byClass);
  table('median ms to an answer, by class', report.p50MsByClass);
  table('answers by HTTP status', report.byStatus);
  table('refusals by code', report.refusalsByCode);
  console.log(`sheds (503): ${report.sheds}; hangs: ${report.hangs}; forged tokens accepted: ${report.forgedAccepted}; cross-tenant leaks: ${report.crossTenantLeaks.length}`);
  const { legit } = report;
  console.log(
    `legitimate I-VAN poll p95: ${legit.baselineP95Ms} ms alone, ${legit.underAttackP95Ms} ms under attack ` +
      `(${legit.ratio}×; target ≤ 2×: ${legit.ratio <= 2 ? 'met' : 'NOT met'}), ${legit.requests} polls, ${legit.failures} failed`,
  );
  const failures = hostileFailures(report);
  console.log(JSON.stringify({ requests: report.requests, byClass: report.byClass, byStatus: report.byStatus, refusalsByCode: report.refusalsByCode, sheds: report.sheds, hangs: report.hangs, forgedAccepted: report.forgedAccepted, leaks: report.crossTenantLeaks.length, legit, failures }));
  if (failures.length) {
    console.error(`FAILED:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
