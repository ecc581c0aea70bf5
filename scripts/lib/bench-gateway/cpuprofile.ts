import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Sums V8 CPU profiles (`node --cpu-prof` writes one .cpuprofile per process and worker thread)
 * into self time per function. A profile is a call tree (`nodes`, each with its `callFrame`) and
 * a list of `samples` (the node running at each tick) with `timeDeltas` (µs since the previous
 * sample); a sample's self time is the time until the next one. Given a window on the monotonic
 * clock (µs, as `process.hrtime` and V8's profile timestamps both read it), only the samples
 * inside it count, so a process's start-up and earlier traffic stay out of the figures.
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number } }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionTime {
  name: string;
  /** url:line (1-based), relative to `root` when under it. */
  location: string;
  selfMs: number;
}

export interface ProfileSummary {
  files: number;
  /** Time that was not idle, in the window when one was given and matched. */
  busyMs: number;
  idleMs: number;
  functions: FunctionTime[];
  /** False when a window was given but no profile's samples fell inside it (then all samples count). */
  windowMatched: boolean;
}

function location(url: string, line: number, root: string): string {
  let file = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (root && file.startsWith(root + path.sep)) file = file.slice(root.length + 1);
  return file ? `${file}:${line + 1}` : '(native)';
}

function selfTimes(profile: CpuProfile, window: { from: number; to: number } | undefined, root: string, into: Map<string, FunctionTime>): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let counted = 0;
  let t = profile.startTime;
  const times = samples.map((_, i) => (t += deltas[i] ?? 0));
  for (let i = 0; i < samples.length; i++) {
    const at = times[i]!;
    if (window && (at < window.from || at > window.to)) continue;
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const us = Math.max(0, (times[i + 1] ?? profile.endTime) - at);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const where = location(url, lineNumber, root);
    const key = `${name}\u0000${where}`;
    const entry = into.get(key) ?? { name, location: where, selfMs: 0 };
    entry.selfMs += us / 1000;
    into.set(key, entry);
    counted++;
  }
  return counted;
}

export function readProfiles(dir: string): CpuProfile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
}

export function summariseProfiles(profiles: CpuProfile[], opts: { window?: { from: number; to: number }; root?: string } = {}): ProfileSummary {
  const root = opts.root ?? '';
  let byFunction = new Map<string, FunctionTime>();
  let counted = profiles.reduce((n, p) => n + selfTimes(p, opts.window, root, byFunction), 0);
  const windowMatched = !opts.window || counted > 0;
  if (!windowMatched) {
    byFunction = new Map();
    counted = profiles.reduce((n, p) => n + selfTimes(p, undefined, root, byFunction), 0);
  }
  const all = [...byFunction.values()];
  const idleMs = all.filter((f) => f.name === '(idle)').reduce((s, f) => s + f.selfMs, 0);
  const functions = all.filter((f) => f.name !== '(idle)').sort((a, b) => b.selfMs - a.selfMs);
  return { files: profiles.length, busyMs: functions.reduce((s, f) => s + f.selfMs, 0), idleMs, functions, windowMatched };
}

/** Where a function lives, coarsely: a package, a node: module family, a folder of ours, or native code. */
function groupOf(location: string): string {
  const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(location);
  if (pkg) return pkg[1]!;
  // node:internal/deps/undici is fetch; node:internal/webstreams its bodies.
  if (location.startsWith('node:')) return location.replace(/^(node:(?:internal\/(?:deps\/)?)?[^/:]+).*$/, '$1');
  if (location === '(native)') return '(native: GC, I/O, V8 built-ins)';
  return location.split('/')[0]!.replace(/:\d+$/, '');
}

/** Self time summed by package or module family, the top `n`. */
export function formatGroups(summary: ProfileSummary, n: number): string {
  const groups = new Map<string, number>();
  for (const f of summary.functions) groups.set(groupOf(f.location), (groups.get(groupOf(f.location)) ?? 0) + f.selfMs);
  return [...groups].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([g, ms]) => `${ms.toFixed(1).padStart(9)} ms ${(summary.busyMs ? (100 * ms) / summary.busyMs : 0).toFixed(1).padStart(5)} %  ${g}`)
    .join('\n');
}

/** The top `n` functions by self time, one line each: name, url:line, self ms, % of busy time. */
export function formatTop(summary: ProfileSummary, n: number): string {
  const rows = summary.functions.slice(0, n).map((f, i) => {
    const pct = summary.busyMs ? (100 * f.selfMs) / summary.busyMs : 0;
    return `${String(i + 1).padStart(2)}. ${f.selfMs.toFixed(1).padStart(9)} ms ${pct.toFixed(1).padStart(5)} %  ${f.name}  ${f.location}`;
  });
  return rows.join('\n');
}
