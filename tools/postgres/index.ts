import { execFileSync } from 'node:child_process';
import {
  chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, writeFileSync, type Stats,
} from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort, startDaemon, waitUntil } from '../lib/process';

/**
 * Debian's PostgreSQL server, run for the embedded FerretDB: `initdb` into a directory on first
 * use, then the server in the foreground on a free loopback port (TCP only), stopped with a fast
 * shutdown. PostgreSQL refuses to run as root, so when we are root it runs as Debian's
 * unprivileged `postgres` user, which owns the data directory.
 */
export interface PostgresOptions {
  dataDir: string;
  /**
   * A cluster thrown away after the run (tests, benchmarks): it may trade durability for speed
   * (fsync off). `npm start`'s cluster never does.
   */
  throwaway?: boolean;
  /** shared_buffers, e.g. '256MB' (PostgreSQL's default of 128MB is small for 100 000+ dossiers). */
  sharedBuffers?: string;
  /** Where the server's own log goes (npm start: .data/logs/postgres.log). */
  logFile?: string;
  log?: (msg: string) => void;
}

export interface RunningPostgres {
  /** postgres://vss@127.0.0.1:<port>/ — append a database name. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The superuser initdb makes; FerretDB and our tools connect as it over loopback. */
export const PG_USER = 'vss';

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], 'bin');
}

/** The server's binaries (not on PATH on Debian); installs Debian's `postgresql` when missing and we are root. */
export function ensurePostgresServer(log: (msg: string) => void = () => {}): string {
  const found = binDir();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error('PostgreSQL is not installed: run `sudo apt-get install -y postgresql`, or set MONGODB_URI');
  }
  log('installing postgresql with apt-get (first run only)…');
  // Debian's package would make and start a "main" cluster we do not use; ask it not to.
  mkdirSync('/etc/postgresql-common/createcluster.d', { recursive: true });
  writeFileSync('/etc/postgresql-common/createcluster.d/vss-graph.conf', 'create_main_cluster = false\n');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const installed = binDir();
  if (!installed) throw new Error('apt-get installed postgresql, but no server binary is under /usr/lib/postgresql/*/bin');
  return installed;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/** Who the server runs as: ourselves, or Debian's `postgres` user when we are root. */
function runAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('PostgreSQL refuses to run as root, and there is no `postgres` user to run it as (Debian\'s postgresql package makes one)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid), name: 'postgres' };
}

/**
 * Every parent of the data directory must be traversable by the server's user. The directory
 * holding the cluster is usually our own and private (npm start's `.data`, which the key store
 * makes 0700): there only the server's group is let through, not everyone. Elsewhere we change
 * nothing and say what to do.
 */
function checkTraversable(dataDir: string, user: RunAs) {
  const enters = (s: Stats) => !!(s.mode & (s.uid === user.uid ? 0o100 : s.gid === user.gid ? 0o010 : 0o001));
  const holder = path.dirname(dataDir);
  const held = statSync(holder);
  if (!enters(held) && held.uid === process.getuid?.()) {
    chownSync(holder, held.uid, user.gid);
    chmodSync(holder, (held.mode & 0o7777) | 0o010);
  }
  for (let d = holder; ; d = path.dirname(d)) {
    if (!enters(statSync(d))) {
      throw new Error(`PostgreSQL runs as the ${user.name} user, which cannot enter ${d}; run \`chmod o+x ${d}\` or move the project`);
    }
    if (d === path.dirname(d)) return;
  }
}

/** Whether `pid` is a PostgreSQL server working in `dataDir` (every server process runs in its data directory). */
function servesDataDir(pid: number, dataDir: string): boolean {
  try {
    return path.basename(readlinkSync(`/proc/${pid}/exe`)) === 'postgres' && realpathSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
  } catch {
    return false;
  }
}

/**
 * A postmaster.pid left by a crash names a process that may be gone, or whose number now
 * belongs to something else (PostgreSQL would then refuse to start). A server of ours that
 * outlived its parent is shut down; anything else only loses the stale file.
 */
async function clearStalePid(dataDir: string, log: (msg: string) => void) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && servesDataDir(pid, dataDir)) {
    log(`stopping a PostgreSQL server left running on ${dataDir} (pid ${pid})…`);
    // Polled by its data directory rather than by its pid: an exited server whose parent has
    // not reaped it yet (a zombie) has none.
    const stopped = async (ms: number) => {
      for (let t = 0; t < ms && servesDataDir(pid, dataDir); t += 100) await new Promise((r) => setTimeout(r, 100));
      return !servesDataDir(pid, dataDir);
    };
    process.kill(pid, 'SIGINT');
    if (!(await stopped(10_000))) process.kill(pid, 'SIGQUIT');
    // Two servers on one data directory would corrupt it: never remove the file of a live one.
    if (!(await stopped(5_000))) throw new Error(`the PostgreSQL server (pid ${pid}) left running on ${dataDir} does not stop`);
  }
  rmSync(pidFile, { force: true });
}

function initdb(bin: string, dataDir: string, user: RunAs | undefined, throwaway: boolean) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  const args = ['-D', dataDir, '-U', PG_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions'];
  if (throwaway) args.push('--no-sync');
  try {
    execFileSync(path.join(bin, 'initdb'), args, { stdio: ['ignore', 'pipe', 'pipe'], ...(user ? { uid: user.uid, gid: user.gid } : {}) });
  } catch (err) {
    throw new Error(`initdb of ${dataDir} failed:\n${String((err as { stderr?: Buffer }).stderr ?? err)}`);
  }
}

/** Server settings, given on the command line at each start so that they follow the code. */
function settings(port: number, opts: PostgresOptions): string[] {
  const s: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    // TCP only: no socket directory that the server's user must be able to write.
    unix_socket_directories: '',
    shared_buffers: opts.sharedBuffers ?? '256MB',
    max_connections: '100',
    // FerretDB names the field of an equality as a parameter (`_jsonb -> $1 @> $2`); only a plan
    // made for the actual values can match it to an index on `_jsonb -> 'code'` (README, Design).
    plan_cache_mode: 'force_custom_plan',
    max_wal_size: '2GB',
    log_min_messages: 'warning',
    log_min_error_statement: 'panic',
  };
  if (opts.throwaway) Object.assign(s, { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' });
  return Object.entries(s).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

async function answersQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${url}postgres`, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts PostgreSQL over `dataDir` (made with initdb when new); resolves once it answers a query. */
export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const log = opts.log ?? (() => {});
  const bin = ensurePostgresServer(log);
  const user = runAs();
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (user) checkTraversable(dataDir, user);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) initdb(bin, dataDir, user, !!opts.throwaway);
  await clearStalePid(dataDir, log);
  const port = await freePort();
  const url = `postgres://${PG_USER}@127.0.0.1:${port}/`;
  const daemon = startDaemon(path.join(bin, 'postgres'), ['-D', dataDir, ...settings(port, opts)], {
    // A fast shutdown: clients (FerretDB) are disconnected instead of waited for.
    stopSignal: 'SIGINT',
    killSignal: 'SIGQUIT',
    stopTimeoutMs: 15_000,
    logFile: opts.logFile,
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  await waitUntil('PostgreSQL', daemon, () => answersQuery(url));
  return { url, port, stop: () => daemon.stop() };
}
