import { generateKeyPair, SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, KEY_FILES, loadKey } from '../../platform/keys';
import { mintDevToken } from '../../platform/dev-token';
import { percentile } from './load';
import { seededRandom } from './random';
import { organizationSigner } from './organization-keys';

/**
 * The adversarial suite of issue 13: what an attacker with valid and invalid credentials sends to
 * the gateway, class by class, while a legitimate I-VAN partner polls its dossiers. It counts what
 * came back and fails on what must never happen: a server error other than a deliberate 503 shed,
 * a request left hanging, a forged token let in, another partner's dossier shown, an unhealthy
 * service. Loopback only, bounded by `requests`.
 */
export interface HostileOptions {
  /** The gateway's GraphQL URL, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  keysDir: string;
  requests: number;
  seed?: number;
  /** Attack requests in flight at once. */
  concurrency?: number;
  /** How long the legitimate stream is measured alone, before the attack. */
  baselineSeconds?: number;
  log?: (line: string) => void;
}

export interface HostileReport {
  requests: number;
  byClass: Record<string, number>;
  /** Median milliseconds to an answer, per class: what each costs the gateway to refuse or serve. */
  p50MsByClass: Record<string, number>;
  byStatus: Record<string, number>;
  refusalsByCode: Record<string, number>;
  sheds: number;
  serverErrors: string[];
  hangs: number;
  forgedAccepted: number;
  crossTenantLeaks: string[];
  unhealthy: string[];
  legit: { baselineP95Ms: number; underAttackP95Ms: number; ratio: number; requests: number; failures: number; firstFailure: string | null };
}

const HANG_MS = 30_000;
const PROCEDURE = '1.002001';
const AGENCY = '000.00.01.H26';
const W1 = 'query($code: ID!) { dossier(code: $code) { code status appointmentAt procedure { code name } handlingAgency { code name } } }';
const LIST = '{ dossiers(first: 5) { edges { node { code } } } }';

interface Attack {
  kind: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** What must not be true of the answer (a leak, an accepted forgery), or null. */
  breach?(status: number, body: string): string | null;
}

const json = (query: string, variables?: object) => JSON.stringify({ query, ...(variables ? { variables } : {}) });
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

/** Lists `n` deep: dossiers → agency → dossiers → … */
function deepQuery(levels: number): string {
  let inner = 'code';
  for (let i = 0; i < levels; i++) inner = `dossiers(first: 2) { edges { node { code handlingAgency { ${inner} } } } }`;
  return `{ ${inner} }`;
}

async function jwtVariants(keysDir: string, valid: string): Promise<{ name: string; token: string }[]> {
  const { key, jwk } = await loadKey(keysDir, KEY_FILES.devSigning);
  const claims = { client_type: 'dashboard', scope: 'dossier:read statistics:read' };
  const sign = (k: Parameters<SignJWT['sign']>[0], o: { aud?: string; exp?: number; kid?: string }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: o.kid ?? jwk.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(o.aud ?? DEV_AUDIENCE)
      .setSubject('attacker')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(o.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(k);
  const { privateKey: stranger } = await generateKeyPair('ES256');
  const [h, p, s] = valid.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  const elevated = Buffer.from(JSON.stringify({ ...payload, client_type: 'dashboard', scope: 'statistics:approve dossier:read' })).toString('base64url');
  const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return [
    { name: 'forged', token: await sign(stranger, {}) },
    { name: 'tampered', token: `${h}.${elevated}.${s}` },
    { name: 'expired', token: await sign(key, { exp: Math.floor(Date.now() / 1000) - 60 }) },
    { name: 'wrong-audience', token: await sign(key, { aud: 'someone-else' }) },
    { name: 'alg-none', token: `${none}.${p}.` },
    { name: 'garbage', token: 'not.a.jwt' },
  ];
}

/** Each class of attack, by name: given a random source, one request. */
function attackClasses(t: { attacker: () => string; providerB: string; foreignCodes: string[]; jwts: { name: string; token: string }[] }) {
  const accepted = (status: number, body: string) => (status === 200 && /"dossiers":\{/.test(body) ? 'a forged token was accepted' : null);
  return {
    jwt: (r: () => number): Attack => {
      const v = t.jwts[Math.floor(r() * t.jwts.length)]!;
      return { kind: `jwt:${v.name}`, headers: bearer(v.token), body: json(LIST), breach: accepted };
    },
    depth: (r: () => number): Attack => ({ kind: 'depth', headers: bearer(t.attacker()), body: json(deepQuery(6 + Math.floor(r() * 20))) }),
    aliases: (r: () => number): Attack => ({
      kind: 'aliases',
      headers: bearer(t.attacker()),
      body: json(`{ ${Array.from({ length: 50 + Math.floor(r() * 500) }, (_, i) => `a${i}: dossier(code: "X${i}") { code }`).join(' ')} }`),
    }),
    directives: (r: () => number): Attack => ({
      kind: 'directives',
      headers: bearer(t.attacker()),
      body: json(`{ dossier(code: "X") { ${'... @skip(if: false) { code } '.repeat(20 + Math.floor(r() * 300))} } }`),
    }),
    fragments: (r: () => number): Attack => {
      // A cycle, or 2^20 spreads of one fragment: refused by validation or the cost walk's node cap.
      const defs = r() < 0.5
        ? 'fragment F20 on Agency { code ...B } fragment B on Agency { name ...F20 }'
        : ['fragment F0 on Agency { code name }', ...Array.from({ length: 20 }, (_, i) => `fragment F${i + 1} on Agency { ...F${i} ...F${i} }`)].join(' ');
      return { kind: 'fragments', headers: bearer(t.attacker()), body: json(`{ agencies(first: 100) { edges { node { ...F20 } } } } ${defs}`) };
    },
    cost: (r: () => number): Attack => {
      const n = 50 + Math.floor(r() * 50);
      const nested = `dossiers(first: ${n}) { edges { node { code procedure { name } handlingAgency { dossiers(first: ${n}) { edges { node { code documents { id name } } } } } } } }`;
      const aliased = Array.from({ length: 10 }, (_, i) => `l${i}: agencies(first: 100) { edges { node { dossiers(first: 100) { edges { node { code history { action } } } } } } }`).join(' ');
      return { kind: 'cost', headers: bearer(t.attacker()), body: json(`{ ${r() < 0.5 ? nested : aliased} }`) };
    },
    size: (r: () => number): Attack =>
      r() < 0.5
        ? { kind: 'size:oversized', headers: bearer(t.attacker()), body: json(`{ dossier(code: "${'X'.repeat(2 * 1024 * 1024)}") { code } }`) }
        : { kind: 'size:batched', headers: bearer(t.attacker()), body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: LIST }))) },
    malformed: (r: () => number): Attack => {
      const bodies = ['{"query": ', '{"query": 5}', json('{ dossier(code: ) { code } }'), json('query { ... }'), 'null', '"just a string"', json('{ dossier(code: "X") { code } }', { nope: [1] }).replace('"variables"', '"variables":"x","v"')];
      return { kind: 'malformed', headers: bearer(t.attacker()), body: bodies[Math.floor(r() * bodies.length)] };
    },
    fuzz: (r: () => number): Attack => {
      const alphabet = '{}()[]:$@!".,#\\ \n\tabcdXYZ019_-…ữ';
      const chars = [...(r() < 0.5 ? W1 : LIST)];
      for (let i = 0, n = 1 + Math.floor(r() * 8); i < n; i++) {
        const at = Math.floor(r() * chars.length);
        const c = alphabet[Math.floor(r() * alphabet.length)]!;
        const op = r();
        if (op < 0.33) chars.splice(at, 1);
        else if (op < 0.66) chars.splice(at, 0, c);
        else chars[at] = c;
      }
      const variables = [{ code: 'X' }, { code: 42 }, { code: null }, { code: { $ne: 1 } }, { code: 'A'.repeat(5000) }][Math.floor(r() * 5)];
      return { kind: 'fuzz', headers: bearer(t.attacker()), body: json(chars.join(''), variables) };
    },
    tenant: (r: () => number): Attack => {
      const code = t.foreignCodes[Math.floor(r() * t.foreignCodes.length)]!;
      const leak = (status: number, body: string) => (status === 200 && body.includes(code) ? `provider B saw provider A's dossier ${code}` : null);
      if (r() < 0.5) return { kind: 'tenant:receipt', method: 'GET', path: `/receipts/${encodeURIComponent(code)}.pdf`, headers: bearer(t.providerB), breach: (s) => (s === 200 ? `provider B downloaded ${code}'s receipt` : null) };
      return { kind: 'tenant:read', headers: bearer(t.providerB), body: json(r() < 0.5 ? W1 : LIST.replace('first: 5', 'first: 100'), { code }), breach: leak };
    },
  };
}

async function post(url: string, token: string, query: string, variables?: object): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: { message: string }[] } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: json(query, variables) });
  return { status: res.status, body: (await res.json()) as never };
}

export async function runHostile(o: HostileOptions): Promise<HostileReport> {
  const log = o.log ?? (() => undefined);
  const random = seededRandom(o.seed ?? 2026);
  const origin = new URL(o.url).origin;
  const run = `${Date.now().toString(36)}`;
  const token = (x: Parameters<typeof mintDevToken>[1]) => mintDevToken(o.keysDir, { ttlSeconds: 3600, ...x });
  const providerA = await token({ client: 'ivan', ivanProviderId: `IVAN-HOSTILE-A-${run}` });
  const providerB = await token({ client: 'ivan', ivanProviderId: `IVAN-HOSTILE-B-${run}` });
  // A few stolen dashboard tokens: enough for the cost and shape limits, not only the rate limit, to answer.
  const attackers = await Promise.all(Array.from({ length: 8 }, (_, i) => token({ client: 'dashboard', subject: `attacker-${run}-${i}` })));

  // Provider A's own dossiers: what it polls, and what provider B must never see.
  // Filed for a demo employer, with its signature (R-ID-4): its key is under keysDir, its certificate registered by the seed.
  const sign = organizationSigner(o.keysDir);
  const codes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const input = await sign({ procedureCode: PROCEDURE, agencyCode: AGENCY, applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' }, components: [{ documentTypeCode: 'TK1-TS', name: `Tờ khai ${i + 1}` }] });
    const { body } = await post(o.url, providerA, 'mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code } }', { input });
    const code = (body.data?.receiveDossier as { code?: string } | undefined)?.code;
    if (!code) throw new Error(`could not file provider A's dossier: ${JSON.stringify(body.errors ?? body)}`);
    codes.push(code);
  }

  let pollFailures = 0;
  let firstFailure: string | null = null;
  const poll = async (i: number) => {
    const code = codes[i % codes.length]!;
    const { status, body } = await post(o.url, providerA, W1, { code });
    if (status !== 200 || (body.data?.dossier as { code?: string } | null)?.code !== code) {
      pollFailures++;
      firstFailure ??= `HTTP ${status}: ${JSON.stringify(body).slice(0, 200)}`;
    }
  };
  /** Two pollers, one request after another, until `done()`: each request's latency, sorted. */
  const stream = async (done: () => boolean) => {
    const latencies: number[] = [];
    await Promise.all([0, 1].map(async (w) => {
      for (let i = w; !done(); i += 2) {
        const t = performance.now();
        await poll(i);
        latencies.push(performance.now() - t);
      }
    }));
    return latencies.sort((a, b) => a - b);
  };
  const baselineEnds = performance.now() + (o.baselineSeconds ?? 5) * 1000;
  const baseline = await stream(() => performance.now() > baselineEnds);
  log(`legitimate I-VAN poll alone: ${baseline.length} requests, p95 ${percentile(baseline, 95).toFixed(1)} ms`);

  const classes = attackClasses({
    attacker: () => attackers[Math.floor(random() * attackers.length)]!,
    providerB,
    foreignCodes: codes,
    jwts: await jwtVariants(o.keysDir, providerA),
  });
  const names = Object.keys(classes) as (keyof typeof classes)[];
  const report: HostileReport = {
    requests: 0, byClass: {}, p50MsByClass: {}, byStatus: {}, refusalsByCode: {}, sheds: 0, serverErrors: [], hangs: 0, forgedAccepted: 0, crossTenantLeaks: [], unhealthy: [],
    legit: { baselineP95Ms: 0, underAttackP95Ms: 0, ratio: 0, requests: 0, failures: 0, firstFailure: null },
  };
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

  const checkHealth = async (when: string) => {
    // The gateway's /readyz asks every subgraph's: one call covers the six services.
    try {
      const res = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(5_000) });
      const body = (await res.json()) as { checks?: Record<string, string> };
      if (res.status !== 200) report.unhealthy.push(`${when}: ${JSON.stringify(body.checks)}`);
    } catch (err) {
      report.unhealthy.push(`${when}: ${(err as Error).message}`);
    }
  };

  let attacking = true;
  const health = (async () => {
    while (attacking) {
      await checkHealth('during the attack');
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  pollFailures = 0;
  firstFailure = null;
  const legit = stream(() => !attacking);

  let next = 0;
  const latencies: Record<string, number[]> = {};
  await Promise.all(
    Array.from({ length: o.concurrency ?? 16 }, async () => {
      while (next < o.requests) {
        const i = next++;
        const attack = classes[names[i % names.length]!](random);
        const kind = attack.kind.split(':')[0]!;
        bump(report.byClass, kind);
        report.requests++;
        const started = performance.now();
        try {
          const res = await fetch(origin + (attack.path ?? '/graphql'), {
            method: attack.method ?? 'POST',
            headers: { 'content-type': 'application/json', ...attack.headers },
            body: attack.method === 'GET' ? undefined : attack.body,
            signal: AbortSignal.timeout(HANG_MS),
          });
          const text = await res.text();
          (latencies[kind] ??= []).push(performance.now() - started);
          bump(report.byStatus, String(res.status));
          if (res.status === 503) report.sheds++;
          else if (res.status >= 500) report.serverErrors.push(`${attack.kind}: HTTP ${res.status} ${text.slice(0, 200)}`);
          const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
          if (code) bump(report.refusalsByCode, code);
          const breach = attack.breach?.(res.status, text);
          if (breach && attack.kind.startsWith('jwt')) report.forgedAccepted++;
          else if (breach) report.crossTenantLeaks.push(breach);
        } catch (err) {
          if ((err as Error).name === 'TimeoutError') report.hangs++;
          else bump(report.byStatus, `network: ${(err as Error).message}`);
        }
      }
    }),
  );
  attacking = false;
  const underAttack = await legit;
  await health;
  await checkHealth('after the attack');

  for (const [kind, ms] of Object.entries(latencies)) report.p50MsByClass[kind] = Number(percentile(ms.sort((a, b) => a - b), 50).toFixed(1));
  const base95 = percentile(baseline, 95);
  const attack95 = percentile(underAttack, 95);
  report.legit = {
    baselineP95Ms: Number(base95.toFixed(1)),
    underAttackP95Ms: Number(attack95.toFixed(1)),
    ratio: Number((attack95 / base95).toFixed(2)),
    requests: underAttack.length,
    failures: pollFailures,
    firstFailure,
  };
  return report;
}

/** What must never happen, as one line each; empty when the suite passes. */
export function hostileFailures(r: HostileReport): string[] {
  return [
    ...r.serverErrors.slice(0, 5).map((e) => `server error: ${e}`),
    ...(r.hangs ? [`${r.hangs} requests hung past ${HANG_MS} ms`] : []),
    ...(r.forgedAccepted ? [`${r.forgedAccepted} forged or bad tokens were accepted`] : []),
    ...r.crossTenantLeaks.slice(0, 5),
    ...r.unhealthy.slice(0, 5).map((u) => `unhealthy ${u}`),
    ...(r.legit.failures ? [`${r.legit.failures} legitimate polls failed, first: ${r.legit.firstFailure}`] : []),
  ];
}
