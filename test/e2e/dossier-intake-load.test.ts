import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { seedCatalogue } from '../../scripts/seed';
import { startService, stopChild } from '../../scripts/lib/stack';
import { freePort } from '../../tools/lib/process';
import { INTERNAL_TOKEN_HEADER, internalSigningKey, signInternalToken } from '../../platform/internal-token';
import { keyStoreOf } from '../../platform/key-store';
import { principals } from '../support/harness';

/**
 * R-DOS-1 under load: 1 000 intakes for one agency and day, sent at once to four dossiers
 * processes, get 1 000 distinct codes numbered 0001–1000 without a gap. Loopback only, bounded.
 */
const PROCESSES = 4;
const INTAKES = 1000;
const keysDir = process.env.KEYS_DIR!;
const prefix = `load${randomBytes(3).toString('hex')}_`;
let logDir: string;
const children: ChildProcess[] = [];
const dossierPorts: number[] = [];

beforeAll(async () => {
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-load-logs-'));
  await seedCatalogue(process.env.MONGODB_URI!, prefix, keysDir);
  const base = { MONGODB_URI: process.env.MONGODB_URI!, REDIS_URL: `${process.env.REDIS_URL}/11`, KEYS_DIR: keysDir, MONGODB_DB_PREFIX: prefix, LOG_LEVEL: 'warn' };
  const proceduresPort = await freePort();
  children.push(await startService('procedures', { ...base, PORT: String(proceduresPort) }, logDir));
  for (let i = 0; i < PROCESSES; i++) dossierPorts.push(await freePort());
  children.push(
    ...(await Promise.all(
      dossierPorts.map((port) =>
        startService('dossiers', { ...base, PORT: String(port), PROCEDURES_URL: `http://127.0.0.1:${proceduresPort}/graphql` }, logDir),
      ),
    )),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map(stopChild));
  rmSync(logDir, { recursive: true, force: true });
});

/**
 * Sends like a well-behaved partner: a 503 (the process sheds load before any work, issue 13) is
 * retried after its Retry-After, a bounded number of times. A shed request takes no number, so the
 * codes must still run without a gap.
 */
let shedCount = 0;
async function sendRetryingWhenShed(port: number, token: string, query: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({ query }),
    });
    if (res.status !== 503 || attempt === 10) return res;
    shedCount++;
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
  }
}

test(`${INTAKES} concurrent intakes on ${PROCESSES} processes get distinct codes, contiguous for the agency and day (R-DOS-1)`, async () => {
  const token = await signInternalToken(principals.officer, 'load', await internalSigningKey(keyStoreOf({ dir: keysDir })));
  const query = `mutation { receiveDossier(input: { procedureCode: "1.002001", applicant: { unitCode: "TA0123A", name: "Công ty TNHH Sao Mai" },
      components: [{ documentTypeCode: "TK1-TS", name: "Tờ khai" }] }) { code } }`;
  const started = Date.now();
  const codes = await Promise.all(
    Array.from({ length: INTAKES }, async (_, i) => {
      const res = await sendRetryingWhenShed(dossierPorts[i % PROCESSES]!, token, query);
      const body = (await res.json()) as { data?: { receiveDossier: { code: string } }; errors?: { message: string }[] };
      if (!body.data) throw new Error(body.errors?.map((e) => e.message).join('; '));
      return body.data.receiveDossier.code;
    }),
  );
  console.log(`${INTAKES} intakes on ${PROCESSES} processes took ${Date.now() - started} ms (${shedCount} shed and retried)`);
  expect(new Set(codes).size).toBe(INTAKES);
  // Per agency and day (a run across midnight in Vietnam starts a new day at 0001), numbers run 1…n.
  const byDay = new Map<string, number[]>();
  for (const c of codes) byDay.set(c.slice(0, -5), [...(byDay.get(c.slice(0, -5)) ?? []), Number(c.slice(-4))]);
  for (const numbers of byDay.values()) {
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  }
}, 300_000);
