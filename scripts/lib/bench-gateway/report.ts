import { PATH_LABELS, type PathName } from './paths';
import type { RunResult } from './run';
import { median } from '../load';
import type { Workload, WorkloadName } from './workloads';

/**
 * The rounds of one workload on one path: medians of rates, latencies and CPU per answer, sums of
 * failures, and each round's good answers a second (to see how steady the machine was).
 */
export type Summary = Omit<RunResult, 'firstFailure' | 'count'> & { rounds: number[] };

export function summarise(runs: RunResult[]): Summary {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    gqlErrors: runs.reduce((n, r) => n + r.gqlErrors, 0),
    cpuMsPerReq: runs.every((r) => r.cpuMsPerReq !== undefined) ? median(runs.map((r) => r.cpuMsPerReq!)) : undefined,
    rounds: runs.map((r) => r.rps),
  };
}

export type Results = Map<WorkloadName, Map<PathName, Summary>>;

/** The table: per workload, per path, the medians over the rounds and the sums of failures. */
export function formatTable(workloads: Workload[], results: Results): string {
  const lines: string[] = [];
  const head = `  ${'path'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)} ${'gql err'.padStart(8)} ${'CPU ms/req'.padStart(10)}   req/s by round`;
  for (const w of workloads) {
    const byPath = results.get(w.name);
    if (!byPath?.size) continue;
    lines.push('', `${w.name}  ${w.title}`, head);
    for (const [path, s] of byPath) {
      lines.push(`  ${PATH_LABELS[path].padEnd(44)} ${s.rps.toFixed(0).padStart(8)} ${s.p50.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)} ${String(s.non2xx).padStart(8)} ${String(s.errors).padStart(7)} ${String(s.gqlErrors).padStart(8)} ${(s.cpuMsPerReq === undefined ? '–' : s.cpuMsPerReq.toFixed(2)).padStart(10)}   ${s.rounds.map((r) => r.toFixed(0)).join(' / ')}`);
    }
  }
  return lines.join('\n');
}

const round1 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(1)));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? null : Number((a / b).toFixed(2)));

/** The closing JSON line (issue 15's shape, plus the dedup-off paths and the intake mix). */
export function finalJson(database: 'embedded' | 'MONGODB_URI', results: Results): string {
  const workloads: Record<string, unknown> = {};
  for (const name of ['W1', 'W2', 'W0', 'MIX'] as const) {
    const r = results.get(name);
    if (!r) continue;
    const get = (p: PathName) => r.get(p);
    workloads[name] = {
      ours_rps: round1(get('ours')?.rps),
      ours_nodedup_rps: round1(get('ours_nodedup')?.rps),
      ours_noaudit_rps: round1(get('ours_noaudit')?.rps),
      stock_rps: round1(get('stock')?.rps),
      hive_rps: round1(get('hive')?.rps),
      hive_nodedup_rps: round1(get('hive_nodedup')?.rps),
      ours_p50_ms: round1(get('ours')?.p50),
      ours_nodedup_p50_ms: round1(get('ours_nodedup')?.p50),
      ours_noaudit_p50_ms: round1(get('ours_noaudit')?.p50),
      direct_p50_ms: round1(get('direct')?.p50),
      // Beyond the shape: what each server process spent per answer (direct: the dossiers subgraph).
      cpu_ms_per_req: Object.fromEntries([...r].map(([p, s]) => [p, s.cpuMsPerReq === undefined ? null : Number(s.cpuMsPerReq.toFixed(2))])),
      ratios: {
        ours_stock: ratio(get('ours')?.rps, get('stock')?.rps),
        ours_hive: ratio(get('ours')?.rps, get('hive')?.rps),
        // The gateway's own latency: ours without its shortcuts, over the subgraph answering alone.
        p50_vs_direct: ratio(get('ours_nodedup')?.p50, get('direct')?.p50),
        // What the audit trail adds to the p50 (issue 16: at most 1.10).
        p50_audit: ratio(get('ours')?.p50, get('ours_noaudit')?.p50),
      },
    };
  }
  return JSON.stringify({ database, workloads });
}
