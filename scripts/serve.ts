// `npm run serve`: the compiled services (npm run build) with NODE_ENV=production, against the
// MongoDB and Redis the environment names — all five subgraphs and the gateway, each its own
// process, or one of them with --service <name>. No embedded database, no simulators, no keys made.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { ConfigError, DEFAULT_PORTS, loadServiceConfig, loadTogether, readEnv, setting, SUBGRAPHS, type Env, type SubgraphName } from '../platform/config';
import { adoptLegacyKeys } from '../platform/keys';
import { loadGatewayConfig } from '../gateway/config';
import { loadIdentityConfig } from '../subgraphs/identity/config';
import { loadProceduresConfig } from '../subgraphs/procedures/config';
import { loadDossiersConfig } from '../subgraphs/dossiers/config';
import { loadDocumentsConfig } from '../subgraphs/documents/config';
import { spawnService, startStack, stopChild } from './lib/stack';

type ServiceName = SubgraphName | 'gateway';
const SERVICES: readonly ServiceName[] = [...SUBGRAPHS, 'gateway'];

const HELP = `Usage: npm run serve -- [--service <name>] [--port <n>]

Runs the services compiled by npm run build with NODE_ENV=production, each as its own process,
until Ctrl-C or SIGTERM. Needs the production settings (README, Configuration; deploy/README.md):
MONGODB_URI, REDIS_URL, KEYS_DIR with the provisioned keys, JWKS_URL or JWKS_PATH with
JWT_ISSUER and JWT_AUDIENCE, OTP_SECRET and IVAN_CREDENTIAL_SECRET.

  --service <name>   only this one: ${SERVICES.join(' | ')} (its port: PORT, or its default)
  --port <n>         the gateway's port, the subgraphs on the next five (default ${DEFAULT_PORTS.gateway}–${DEFAULT_PORTS.statistics});
                     with --service, that service's port
  --help             this text`;

/** Each service's own settings check: the one it runs at start, run here first to refuse in one line. */
const CHECKS: Record<ServiceName, (env: Env) => unknown> = {
  gateway: loadGatewayConfig,
  identity: (env) => loadTogether(() => loadServiceConfig('identity', env), () => loadIdentityConfig(env)),
  procedures: (env) => loadTogether(() => loadServiceConfig('procedures', env), () => loadProceduresConfig(env)),
  dossiers: (env) => loadTogether(() => loadServiceConfig('dossiers', env), () => loadDossiersConfig(env)),
  documents: (env) => loadTogether(() => loadServiceConfig('documents', env), () => loadDocumentsConfig(env)),
  statistics: (env) => loadServiceConfig('statistics', env),
};

/**
 * The key sets each service reads from KEYS_DIR (platform/key-store.ts): provisioned in production
 * with `npm run keys:rotate`, never generated. Agency sets are checked when a result is signed.
 */
const KEYS: Record<ServiceName, string[]> = {
  gateway: ['internal', 'timestamp'],
  identity: ['internal', 'confirmation'],
  procedures: ['internal'],
  dossiers: ['internal', 'confirmation', 'timestamp'],
  documents: ['internal', 'timestamp'],
  statistics: ['internal'],
};

class Refusal extends Error {}

const SERVE_SETTINGS = { MONGODB_URI: setting.text().optional(), REDIS_URL: setting.text().optional(), KEYS_DIR: setting.path('.data/keys'), KEYS_URL: setting.text().optional() };

function parse() {
  const { values } = parseArgs({ options: { service: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.service !== undefined && !(SERVICES as readonly string[]).includes(values.service)) {
    throw new Refusal(`--service must be one of ${SERVICES.join(', ')}, got "${values.service}"`);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535 - 5)) throw new Refusal(`--port must be a TCP port, got "${values.port}"`);
  return { help: values.help ?? false, service: values.service as ServiceName | undefined, port };
}

/** Refuses, in one line, what production would refuse anyway, before any process starts. */
function check(services: readonly ServiceName[], env: Env): string {
  const { MONGODB_URI, REDIS_URL, KEYS_DIR: keysDir, KEYS_URL } = readEnv(SERVE_SETTINGS, env);
  const needsMongo = services.some((s) => s !== 'gateway');
  if ((needsMongo && !MONGODB_URI) || !REDIS_URL) {
    throw new Refusal('production needs MONGODB_URI (a MongoDB replica set, or FerretDB on PostgreSQL) and REDIS_URL: serve starts no database');
  }
  // Every service's problems at once, so that one attempt shows all that is missing.
  const problems = services.flatMap((service) => {
    try {
      CHECKS[service](env);
    } catch (err) {
      return (err instanceof ConfigError ? err.problems : [(err as Error).message]).map((problem) => `${service}: ${problem}`);
    }
    // A KMS-style KEYS_URL is asked when the service starts.
    const missing = KEYS_URL ? [] : KEYS[service].filter((set) => !existsSync(path.join(keysDir, 'sets', `${set}.json`)));
    return missing.length ? [`${service}: KEYS_DIR ${keysDir} lacks the key sets ${missing.join(', ')} (production keys are provisioned with npm run keys:rotate -- --set <name>, never generated)`] : [];
  });
  if (problems.length) throw new Refusal(problems.join('; '));
  return keysDir;
}

const say = (msg: string) => console.error(`[serve] ${msg}`);

async function main() {
  const args = parse();
  if (args.help) {
    console.log(HELP);
    return;
  }
  const env: Env = { ...process.env, NODE_ENV: 'production' };
  const services = args.service ? [args.service] : SERVICES;
  const keysDir = check(services, env);
  // Not generation but an upgrade: the single key files of before key sets join them retired, so what they signed verifies.
  if (!env.KEYS_URL) await adoptLegacyKeys(keysDir);

  let stopping = false;
  let stopAll: () => Promise<void> = async () => {};
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    void stopAll().then(() => process.exit(code));
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  const watch = (name: string, child: ChildProcess) =>
    child.once('exit', (code, signal) => {
      if (stopping) return;
      say(`${name} exited with ${code ?? signal}; stopping`);
      shutdown(code || 1);
    });

  if (args.service) {
    // One service, as one deployment runs it: no waiting on /readyz (the gateway's asks subgraphs that may come later).
    const port = args.port ?? readEnv({ PORT: setting.port(DEFAULT_PORTS[args.service]) }, env).PORT;
    const child = spawnService(args.service, { ...env, PORT: String(port) }, undefined);
    stopAll = () => stopChild(child);
    watch(args.service, child);
    say(`${args.service} (pid ${child.pid}) on port ${port}`);
    return;
  }
  const base = args.port ?? DEFAULT_PORTS.gateway;
  const ports = Object.fromEntries(SERVICES.map((s) => [s, s === 'gateway' ? base : base + DEFAULT_PORTS[s] - DEFAULT_PORTS.gateway]));
  // Until startStack returns, its children are stopped by tools/lib/process.ts when this process exits.
  const stack = await startStack({
    mongoUri: env.MONGODB_URI!,
    redisUrl: env.REDIS_URL!,
    keysDir,
    dbPrefix: env.MONGODB_DB_PREFIX,
    production: true,
    ports,
  });
  stopAll = () => stack.stop();
  for (const [name, child] of stack.children) watch(name, child);
  say(`gateway ${stack.gatewayUrl}; ${SUBGRAPHS.map((s) => `${s} ${ports[s]}`).join(', ')}; all healthy (Ctrl-C stops them)`);
}

main().catch((err: unknown) => {
  say(err instanceof Refusal ? `refused: ${err.message}` : (err as Error).message);
  process.exit(1);
});
