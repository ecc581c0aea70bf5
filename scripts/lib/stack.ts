import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { DEFAULT_PORTS, PROJECT_ROOT, SUBGRAPHS } from '../../platform/config';
import { stopOnExit } from '../../tools/lib/process';

/**
 * Runs the five subgraphs and the gateway as child processes, each on its own port, and
 * waits until every /readyz answers. Shared by `npm start` and the end-to-end tests.
 */
export interface StackOptions {
  mongoUri: string;
  redisUrl: string;
  keysDir: string;
  /** Each service's output goes to <logDir>/<service>.log; unset, to this process's own (npm run serve). */
  logDir?: string;
  /** Port per service; defaults to 4000–4005. */
  ports?: Partial<Record<(typeof SUBGRAPHS)[number] | 'gateway', number>>;
  dbPrefix?: string;
  production?: boolean;
  /** More environment for every service (e.g. the SMS gateway's settings). */
  env?: Record<string, string>;
  /** Node options for one service's process, before its entry (bench:gateway --profile: `--cpu-prof`). */
  nodeArgs?: Partial<Record<(typeof SUBGRAPHS)[number] | 'gateway', string[]>>;
}

export interface Stack {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  children: Map<string, ChildProcess>;
  /** The gateway's environment but PORT, to run another gateway beside it (bench:gateway). */
  gatewayEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The services run the way this launcher runs: from the sources through tsx (npm start, the
 * tests), or, compiled into dist/ by npm run build (npm run serve), as JavaScript with plain node.
 */
const COMPILED = path.extname(__filename) === '.js';
const ENTRY = (name: string) => path.resolve(__dirname, '../..', name === 'gateway' ? 'gateway' : `subgraphs/${name}`, COMPILED ? 'index.js' : 'index.ts');

/** Spawns one service as a child process (npm run serve -- --service runs one this way, without waiting on it). */
export function spawnService(name: string, env: NodeJS.ProcessEnv, logDir: string | undefined, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...(COMPILED ? [] : ['--import', 'tsx']), ...nodeArgs, ENTRY(name)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', logDir ? 'pipe' : 'inherit', logDir ? 'pipe' : 'inherit'],
  });
  if (logDir) {
    const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  stopOnExit(child);
  return child;
}

const logOf = (name: string, logDir: string | undefined) => (logDir ? path.join(logDir, `${name}.log`) : 'its output above');

/** Starts one service as a child process and resolves once its /readyz answers. */
export async function startService(name: string, env: NodeJS.ProcessEnv, logDir?: string, nodeArgs?: string[]): Promise<ChildProcess> {
  if (logDir) mkdirSync(logDir, { recursive: true });
  const child = spawnService(name, env, logDir, nodeArgs);
  try {
    await waitReady(name, `http://127.0.0.1:${env.PORT}`, child, logDir);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return child;
}

async function waitReady(name: string, url: string, child: ChildProcess, logDir: string | undefined, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; see ${logOf(name, logDir)}`);
    try {
      // Ready, not only alive: its database, Redis and background workers (the gateway: every subgraph).
      const res = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} was not ready within ${timeoutMs} ms; see ${logOf(name, logDir)}`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  if (opts.logDir) mkdirSync(opts.logDir, { recursive: true });
  const port = (name: keyof typeof DEFAULT_PORTS) => opts.ports?.[name] ?? DEFAULT_PORTS[name];
  // One METRICS_PORT given to the whole stack is the gateway's admin port; each subgraph takes the next ones, in the order of their main ports.
  const metricsBase = opts.env?.METRICS_PORT ?? process.env.METRICS_PORT;
  const metricsPort = (name: keyof typeof DEFAULT_PORTS) => (metricsBase ? { METRICS_PORT: String(Number(metricsBase) + DEFAULT_PORTS[name] - DEFAULT_PORTS.gateway) } : {});
  const common = {
    MONGODB_URI: opts.mongoUri,
    REDIS_URL: opts.redisUrl,
    KEYS_DIR: opts.keysDir,
    MONGODB_DB_PREFIX: opts.dbPrefix ?? 'vss_',
    NODE_ENV: opts.production ? 'production' : 'development',
    ...opts.env,
  };
  const children = new Map<string, ChildProcess>();
  const stop = async () => {
    await Promise.all([...children.values()].map(stopChild));
  };
  const subgraphUrls: Record<string, string> = {};
  try {
    await Promise.all(
      SUBGRAPHS.map((name) => {
        const url = `http://127.0.0.1:${port(name)}`;
        subgraphUrls[name] = `${url}/graphql`;
        // The dossiers subgraph asks the procedures subgraph (R-DOS-5) and identity (R-ID-4) at intake.
        const own = name === 'dossiers' ? { PROCEDURES_URL: `http://127.0.0.1:${port('procedures')}/graphql`, IDENTITY_URL: `http://127.0.0.1:${port('identity')}/graphql` } : {};
        const child = spawnService(name, { ...common, ...own, ...metricsPort(name), PORT: String(port(name)) }, opts.logDir, opts.nodeArgs?.[name]);
        children.set(name, child);
        return waitReady(name, url, child, opts.logDir);
      }),
    );
    const gatewayUrl = `http://127.0.0.1:${port('gateway')}`;
    const overrides = Object.fromEntries(SUBGRAPHS.map((n) => [`SUBGRAPH_${n.toUpperCase()}_URL`, subgraphUrls[n]]));
    const gatewayEnv = { ...common, ...overrides };
    const gateway = spawnService('gateway', { ...gatewayEnv, ...metricsPort('gateway'), PORT: String(port('gateway')) }, opts.logDir, opts.nodeArgs?.gateway);
    children.set('gateway', gateway);
    await waitReady('gateway', gatewayUrl, gateway, opts.logDir);
    return { gatewayUrl: `${gatewayUrl}/graphql`, subgraphUrls, children, gatewayEnv, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
