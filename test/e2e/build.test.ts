import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { stopChild } from '../../scripts/lib/stack';
import { mintDevToken } from '../../platform/dev-token';
import { stopOnExit } from '../../tools/lib/process';
import { PROJECT_ROOT, SUBGRAPHS } from '../../platform/config';

/**
 * Issue 16, a production build: `npm run build` — the command the Dockerfile's build stage runs —
 * compiles the services into dist/, and `npm run serve` runs the compiled gateway and five
 * subgraphs with plain node and NODE_ENV=production, against the FerretDB and Redis of the global
 * setup, the test keys (KEYS_DIR) and a JWKS of the test's own, as a production deployment would.
 */
const run = promisify(execFile);
const dist = path.join(PROJECT_ROOT, 'dist');
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
const ISSUER = 'https://idp.test.vss';
const AUDIENCE = 'vss-graph-build-test';

let workDir: string;
let idpKey: CryptoKey;
/** What production needs (README, Configuration), but no MONGODB_URI/REDIS_URL: each test adds its own. */
let productionEnv: Record<string, string>;

/** `npm run serve` as package.json has it, with node started here so that signals reach serve itself. */
function serve(args: string[], env: Record<string, string>, logFile?: string): ChildProcess {
  const [command, entry] = pkg.scripts.serve!.split(' ');
  expect(command).toBe('node');
  const child = spawn(process.execPath, [entry!, ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  stopOnExit(child);
  if (logFile) {
    writeFileSync(logFile, '');
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  return child;
}

/** The exit code once the child has exited and its output streams are read to the end ('close', not 'exit'). */
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    const ended = child.exitCode !== null && (!child.stdout || child.stdout.readableEnded) && (!child.stderr || child.stderr.readableEnded);
    if (ended) resolve(child.exitCode);
    else child.once('close', (code) => resolve(code));
  });

/** Six consecutive free loopback ports for the gateway and the five subgraphs (serve --port). */
async function freePortRun(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const srv = net.createServer().once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
  for (;;) {
    // Below the kernel's ephemeral range, where the other tests' freePort() ports come from.
    const base = 20_000 + 6 * Math.floor(Math.random() * 1500);
    let all = true;
    for (let p = base; p < base + 6 && all; p++) all = await free(p);
    if (all) return base;
  }
}

/** The processes whose parent is `pid`, with their command lines (/proc/<pid>/stat's 4th field is the parent). */
function childrenOf(pid: number): { pid: number; cmdline: string[] }[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      if (readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1] !== String(pid)) return [];
      return [{ pid: Number(d), cmdline: readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').filter(Boolean) }];
    } catch {
      return []; // gone meanwhile
    }
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'vss-build-'));
  // The identity provider's key: the gateway trusts its JWKS file and nothing else.
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  idpKey = privateKey;
  writeFileSync(path.join(workDir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'idp-test', alg: 'ES256', use: 'sig' }] }));
  productionEnv = {
    PATH: process.env.PATH!,
    KEYS_DIR: process.env.KEYS_DIR!,
    JWKS_PATH: path.join(workDir, 'jwks.json'),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    OTP_SECRET: randomBytes(16).toString('hex'),
    IVAN_CREDENTIAL_SECRET: randomBytes(16).toString('hex'),
    MONGODB_DB_PREFIX: `build${randomBytes(3).toString('hex')}_`,
    GATEWAY_WORKERS: '1',
    LOG_LEVEL: 'warn',
  };
  await run('npm', ['run', 'build'], { cwd: PROJECT_ROOT, env: process.env });
}, 180_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('npm run build (issue 16)', () => {
  test('compiles every service entry and npm run serve into dist/, with the WSDLs and holiday calendars they read beside them; no tests, no embedded databases', () => {
    for (const entry of ['gateway/index.js', ...SUBGRAPHS.map((s) => `subgraphs/${s}/index.js`), 'scripts/serve.js']) {
      expect(existsSync(path.join(dist, entry))).toBe(true);
    }
    for (const file of ['gateway/ivan-soap/ivan.wsdl', 'adapters/ivan/callback.wsdl', 'subgraphs/dossiers/calendar/holidays/2026.json']) {
      expect(existsSync(path.join(dist, file))).toBe(true);
    }
    // serve starts no database: the embedded FerretDB, PostgreSQL and Redis launchers are not even built.
    expect(existsSync(path.join(dist, 'scripts/lib/infrastructure.js'))).toBe(false);
    expect(existsSync(path.join(dist, 'tools/ferretdb'))).toBe(false);
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.startsWith('test') || /\.test\.js$/.test(f) || f.endsWith('.ts'))).toEqual([]);
  });

  test('what it compiled requires only Node built-ins and the production dependencies (the runtime image has no others)', () => {
    const required = new Set<string>();
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
      for (const [, spec] of readFileSync(path.join(dist, file), 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
        required.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    const outside = [...required].filter((m) => !m.startsWith('node:') && !builtinModules.includes(m) && !(m in pkg.dependencies));
    expect(outside).toEqual([]);
    expect(required.has('mongoose')).toBe(true); // the scan found the requires at all
  });
});

describe('npm run serve (issue 16)', () => {
  test('refuses in one line, starting nothing, when production settings are missing', async () => {
    const noDatabase = serve([], { ...productionEnv, REDIS_URL: process.env.REDIS_URL! });
    const noSecrets = serve([], {
      PATH: process.env.PATH!, KEYS_DIR: process.env.KEYS_DIR!, MONGODB_URI: process.env.MONGODB_URI!, REDIS_URL: process.env.REDIS_URL!,
    });
    const output = async (child: ChildProcess) => {
      let err = '';
      child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
      return { code: await exited(child), lines: err.trim().split('\n') };
    };
    const [a, b] = await Promise.all([output(noDatabase), output(noSecrets)]);
    expect(a.code).toBe(1);
    expect(a.lines).toEqual([expect.stringMatching(/^\[serve\] refused: production needs MONGODB_URI .* serve starts no database$/)]);
    expect(b.code).toBe(1);
    expect(b.lines).toHaveLength(1);
    expect(b.lines[0]).toMatch(/identity: OTP_SECRET is required in production/);
    expect(b.lines[0]).toMatch(/gateway: NODE_ENV=production needs JWKS_URL or JWKS_PATH/);
  });

  test('runs the compiled gateway and five subgraphs with plain node in production: each /healthz answers 200, the production JWKS is the one trusted, and SIGTERM stops them all', async () => {
    const base = await freePortRun();
    const logFile = path.join(workDir, 'serve.log');
    const server = serve(['--port', String(base)], { ...productionEnv, MONGODB_URI: process.env.MONGODB_URI!, REDIS_URL: `${process.env.REDIS_URL}/60` }, logFile);
    try {
      for (const deadline = Date.now() + 90_000; !readFileSync(logFile, 'utf8').includes('all healthy'); ) {
        if (server.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${readFileSync(logFile, 'utf8')}`);
        await new Promise((r) => setTimeout(r, 200));
      }

      // Six processes, each a compiled entry run by plain node: no tsx anywhere.
      const services = childrenOf(server.pid!);
      expect(services.map((s) => path.relative(PROJECT_ROOT, s.cmdline.at(-1)!)).sort()).toEqual(
        ['dist/gateway/index.js', ...SUBGRAPHS.map((s) => `dist/subgraphs/${s}/index.js`)].sort(),
      );
      expect(services.flatMap((s) => s.cmdline).filter((arg) => arg.includes('tsx'))).toEqual([]);

      for (let port = base; port < base + 6; port++) {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect({ port, status: res.status }).toEqual({ port, status: 200 });
      }

      // The gateway answers with the subgraphs behind it, and believes the identity provider's tokens only.
      const ask = (query: string, token?: string) =>
        fetch(`http://127.0.0.1:${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        });
      const officer = await new SignJWT({ client_type: 'officer', scope: 'dossier:read', agency_code: '000.00.01.H26' })
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-test' }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('officer-build-test')
        .setIssuedAt().setExpirationTime('5m').sign(idpKey);
      const answer = await ask('{ dossiers(first: 1) { edges { node { code } } } }', officer);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ data: { dossiers: { edges: [] } } });
      const devToken = await mintDevToken(process.env.KEYS_DIR!, { client: 'officer', agencyCode: '000.00.01.H26' });
      const refused = await ask('{ dossiers(first: 1) { edges { node { code } } } }', devToken);
      expect(refused.status).toBe(401);
      // Production: no introspection.
      const introspection = (await (await ask('{ __schema { queryType { name } } }')).json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

      // Every service stops on its own: the launcher's SIGKILL would come only after 5 s.
      const stopAt = Date.now();
      server.kill('SIGTERM');
      expect(await exited(server)).toBe(0);
      expect(Date.now() - stopAt).toBeLessThan(5_000);
      expect(services.filter((s) => alive(s.pid))).toEqual([]);
    } finally {
      await stopChild(server);
    }
  }, 150_000);
});
