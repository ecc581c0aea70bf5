import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT, SUBGRAPHS } from '../../../platform/config';
import { INTERNAL_TOKEN_HEADER } from '../../../platform/internal-token';
import { freePort, startDaemon, waitUntil, type Daemon } from '../../../tools/lib/process';
import { startService, stopChild } from '../stack';
import type { Tokens } from './tokens';
import type { CallerName } from './workloads';

/**
 * The paths a workload is measured through (issue 15): our gateway, ours with deduplication and
 * caching off, stock Apollo Gateway, Hive Gateway (deduplication on, its default, and off), and
 * the dossiers subgraph called directly (the floor, W1 only).
 */
export type PathName = 'ours' | 'ours_nodedup' | 'ours_noaudit' | 'stock' | 'hive' | 'hive_nodedup' | 'direct';
export const PATH_NAMES: readonly PathName[] = ['ours', 'ours_nodedup', 'ours_noaudit', 'stock', 'hive', 'hive_nodedup', 'direct'];

export const PATH_LABELS: Record<PathName, string> = {
  ours: 'our gateway',
  ours_nodedup: 'ours, GATEWAY_DEDUP=off',
  ours_noaudit: 'ours, AUDIT_LOG=off',
  stock: 'stock @apollo/gateway 2.14.4 + @apollo/server',
  hive: 'Hive Gateway (dedup on)',
  hive_nodedup: 'Hive Gateway (dedup off)',
  direct: 'dossiers subgraph directly',
};

export interface BenchPath {
  name: PathName;
  url: string;
  /** The process serving it (the dossiers subgraph's for direct), for its CPU time; unknown for a running gateway. */
  pid?: number;
  /** The headers a caller sends on this path: a dev JWT to ours, the internal token elsewhere. */
  headers(caller: CallerName): Record<string, string>;
}

export interface PathsOptions {
  wanted: readonly PathName[];
  ourGatewayUrl: string;
  subgraphUrls: Record<string, string>;
  tokens: Tokens;
  logDir: string;
  /** Our gateway's environment (without PORT) for the second one; undefined: that path cannot run. */
  gatewayEnv?: Record<string, string>;
  /** Our gateway's and the dossiers subgraph's processes, when started here. */
  pids?: { ours?: number; dossiers?: number };
}

const ENTRY = (file: string) => path.join(PROJECT_ROOT, 'scripts/lib/bench-gateway', file);

/** A peer gateway answers once it serves the graph. */
async function servesGraph(url: string): Promise<boolean> {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}', signal: AbortSignal.timeout(2000),
  });
  return res.ok && ((await res.json()) as { data?: { __typename?: string } }).data?.__typename === 'Query';
}

async function startPeer(name: PathName, file: string, opts: PathsOptions, env: Record<string, string>): Promise<{ url: string; daemon: Daemon }> {
  const port = await freePort();
  const overrides = Object.fromEntries(SUBGRAPHS.map((n) => [`SUBGRAPH_${n.toUpperCase()}_URL`, opts.subgraphUrls[n]!]));
  const daemon = startDaemon(process.execPath, ['--import', 'tsx', ENTRY(file)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...overrides, ...env, PORT: String(port) },
    logFile: path.join(opts.logDir, `${name}.log`),
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  // Hive loads a few hundred modules through tsx on a busy machine: give it time.
  await waitUntil(name, daemon, () => servesGraph(url), 90_000);
  return { url, daemon };
}

/** Starts the peer processes for the wanted paths; a path that cannot run is named in `skipped`. */
export async function startPaths(opts: PathsOptions): Promise<{ paths: BenchPath[]; skipped: string[]; stop(): Promise<void> }> {
  const { tokens } = opts;
  const viaOurs = (caller: CallerName): Record<string, string> => {
    const token = tokens.dev(caller);
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const viaInternal = (caller: CallerName) => ({ [INTERNAL_TOKEN_HEADER]: tokens.internal(caller) });
  const paths: BenchPath[] = [];
  const skipped: string[] = [];
  const daemons: Daemon[] = [];
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all([...daemons.map((d) => d.stop()), ...children.map(stopChild)]);
  };
  try {
    for (const name of opts.wanted) {
      if (name === 'ours') paths.push({ name, url: opts.ourGatewayUrl, headers: viaOurs, pid: opts.pids?.ours });
      if (name === 'direct') paths.push({ name, url: opts.subgraphUrls.dossiers!, headers: viaInternal, pid: opts.pids?.dossiers });
      if (name === 'ours_nodedup' || name === 'ours_noaudit') {
        if (!opts.gatewayEnv) {
          skipped.push(`${name}: a second gateway needs REDIS_URL (the one npm start printed)`);
          continue;
        }
        const port = await freePort();
        // A gateway without a switch ignores it and runs as "ours". Deduplication off, as the
        // issue's p50 target and Hive's "dedup off" path have it (the cache stays); or the audit
        // trail off, to measure what it adds (issue 16).
        const variant = name === 'ours_nodedup' ? { GATEWAY_DEDUP: 'off' } : { AUDIT_LOG: 'off' };
        const env = { ...opts.gatewayEnv, ...variant, PORT: String(port) };
        const child = await startService('gateway', env, path.join(opts.logDir, name));
        children.push(child);
        paths.push({ name, url: `http://127.0.0.1:${port}/graphql`, headers: viaOurs, pid: child.pid });
      }
      if (name === 'stock' || name === 'hive' || name === 'hive_nodedup') {
        const file = name === 'stock' ? 'stock-gateway.ts' : 'hive-gateway.ts';
        const { url, daemon } = await startPeer(name, file, opts, { GATEWAY_DEDUP: name === 'hive_nodedup' ? 'off' : 'on' });
        daemons.push(daemon);
        paths.push({ name, url, headers: viaInternal, pid: daemon.child.pid });
      }
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { paths, skipped, stop };
}
