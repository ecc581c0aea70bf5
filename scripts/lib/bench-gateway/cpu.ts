import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of a server process and its descendants (a gateway may fork workers), from /proc. On
 * embedded FerretDB the subgraphs' database often bounds the throughput of every gateway alike;
 * a gateway's CPU time per request still tells what the gateway itself costs.
 */
let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime + cutime + cstime (ticks) and the parent, of every process we can read. */
function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
      table.set(Number(entry), { ppid: Number(fields[1]), ticks });
    } catch {
      // gone while we looked
    }
  }
  return table;
}

/** Milliseconds of CPU used so far by `pid` and everything below it; undefined without /proc or the process. */
export function treeCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  let table: Map<number, { ppid: number; ticks: number }>;
  try {
    table = processTable();
  } catch {
    return undefined;
  }
  if (!table.has(pid)) return undefined;
  let ticks = 0;
  const inTree = (p: number) => {
    // Bounded walk up the parents: pid 1 or a loop ends it.
    for (let q = p, hops = 0; q > 1 && hops < 64; q = table.get(q)?.ppid ?? 0, hops++) if (q === pid) return true;
    return false;
  };
  for (const [p, { ticks: t }] of table) if (inTree(p)) ticks += t;
  return (ticks * 1000) / clockTicks();
}
