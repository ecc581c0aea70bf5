import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CompactSign, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { agencySet, createSet, keyErrorToGraphQL, KeyStore, LEGACY_AGENCY_SET, RETIREMENT_GRACE_MS, revokeKey, rotateSet } from '../../platform/key-store';
import { ensureKeys } from '../../platform/keys';
import { localTimestamps } from '../../adapters/timestamp/local';
import { signStamped, verifyStamped } from '../../adapters/timestamp/stamped';
import { jwksFiles } from '../../gateway/jwks';

/**
 * Key sets with kid, rotation, revocation at a time, and timestamps (issue 19; R-DOC-5, R-Q-2):
 * the rules every signature of ours is checked by.
 */
const HN = agencySet('000.00.01.H26');
const newDir = () => mkdtempSync(path.join(tmpdir(), 'keys-'));
/** A store that re-reads its sets every time, as a process does after KEYS_REFRESH_MS. */
const storeOf = (dir: string) => new KeyStore({ dir, refreshMs: 0, createMissing: true });
const minutes = (n: number) => n * 60_000;

/** A time-stamping authority whose clock the test sets. */
function authorityAt(keys: KeyStore) {
  let now = new Date();
  return { tsa: localTimestamps(keys, () => now), set: (t: Date) => (now = t) };
}

/** Sets made an hour before t0, which is `minutesAgo` before now, with the authority's clock at t0. */
async function pastSets(minutesAgo: number) {
  const dir = newDir();
  const t0 = Date.now() - minutes(minutesAgo);
  for (const set of [HN, 'timestamp']) await createSet(dir, set, new Date(t0 - minutes(60)));
  const keys = storeOf(dir);
  const clock = authorityAt(keys);
  clock.set(new Date(t0));
  return { dir, keys, clock, t0 };
}

describe('key sets (issue 19)', () => {
  test('R-DOC-5: a result signed before a rotation verifies after it, with its own kid; the new key signs from then on', async () => {
    const dir = newDir();
    const keys = storeOf(dir);
    const tsa = localTimestamps(keys);
    const before = await signStamped(keys, tsa, HN, { result: 1 });
    const { added, retired } = await rotateSet(dir, HN);
    expect(retired.map((k) => k.kid)).toEqual([before.kid]);
    const after = await signStamped(keys, tsa, HN, { result: 2 });
    expect(after.kid).toBe(added.kid);
    expect(after.kid).not.toBe(before.kid);
    for (const sig of [before, after]) expect(await verifyStamped(keys, tsa, HN, sig, new Date())).toMatchObject({ ok: true, stamped: true });
  });

  test('R-Q-2: a key revoked at T fails signatures stamped at or after T, with the reason, and not those stamped before', async () => {
    const { dir, keys, clock, t0 } = await pastSets(30);
    const early = await signStamped(keys, clock.tsa, HN, { result: 'early' });
    clock.set(new Date(t0 + minutes(10)));
    const late = await signStamped(keys, clock.tsa, HN, { result: 'late' });
    await revokeKey(dir, early.kid, new Date(t0 + minutes(5)), 'private key copied off the signing server');

    expect(await verifyStamped(keys, clock.tsa, HN, early, new Date())).toMatchObject({ ok: true });
    const refused = await verifyStamped(keys, clock.tsa, HN, late, new Date());
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/^signed at .*, after key .* was revoked at .* \(private key copied off the signing server\)$/) });
    // Without a stamp nothing shows when it was made: a revoked key's signature fails.
    expect(await verifyStamped(keys, clock.tsa, HN, { ...early, timestamp: null }, new Date(t0))).toEqual({ ok: false, reason: expect.stringContaining('carries no timestamp') });
    // And a revoked key signs nothing more: the set needs a rotation.
    await expect(keys.sign(HN, {})).rejects.toThrow(/no key that may sign now: run npm run keys:rotate -- --agency 000\.00\.01\.H26/);
  });

  test('R-Q-2: a retired key\'s signature stamped past the grace after its retirement fails; a stamp moved onto another signature fails', async () => {
    const { dir, keys, clock, t0 } = await pastSets(10);
    const { jws, kid } = await keys.sign(HN, { result: 'x' }, undefined, new Date(t0));
    await rotateSet(dir, HN, new Date(t0 + minutes(1)));
    clock.set(new Date(t0 + minutes(1) + RETIREMENT_GRACE_MS + 1000));
    const { token } = await clock.tsa.stamp(createHash('sha256').update(jws).digest('hex'));
    expect(await verifyStamped(keys, clock.tsa, HN, { jws, kid, timestamp: token }, new Date())).toEqual({ ok: false, reason: expect.stringContaining(`after key ${kid} was retired from signing`) });
    const other = await signStamped(keys, localTimestamps(keys), HN, { result: 'y' });
    expect(await verifyStamped(keys, clock.tsa, HN, { ...other, timestamp: token }, new Date())).toEqual({ ok: false, reason: expect.stringContaining('its hash differs') });
  });

  test('a key from another store, another agency\'s key, or one of our signatures with its stamp taken away does not verify', async () => {
    const keys = storeOf(newDir());
    const stranger = storeOf(newDir());
    const tsa = localTimestamps(keys);
    // Stamped by our own authority, so only the signer's key can fail it.
    const forged = await signStamped(stranger, tsa, HN, { result: 'forged' });
    expect(await verifyStamped(keys, tsa, HN, forged, new Date())).toMatchObject({ ok: false, reason: expect.stringContaining(`is not in key set ${HN}`) });
    const theirStamp = await signStamped(stranger, localTimestamps(stranger), HN, { result: 'forged' });
    expect(await verifyStamped(keys, tsa, HN, theirStamp, new Date())).toMatchObject({ ok: false, reason: expect.stringContaining('is not in key set timestamp') });
    const ours = await signStamped(keys, tsa, HN, { result: 'backdated' });
    expect(await verifyStamped(keys, tsa, HN, { ...ours, timestamp: null }, new Date(0))).toEqual({ ok: false, reason: expect.stringContaining('carries no timestamp, and every signature by key') });
    const hcm = await signStamped(keys, tsa, agencySet('000.00.01.H29'), { result: 'hcm' });
    expect(await verifyStamped(keys, tsa, HN, hcm, new Date())).toMatchObject({ ok: false, reason: expect.stringContaining(`is not in key set ${HN}`) });
  });

  test('a key service that cannot be reached is an outage (UPSTREAM_UNAVAILABLE, serviceName keys), never a verdict on a signature', async () => {
    const keys = storeOf(newDir());
    const signed = await signStamped(keys, localTimestamps(keys), HN, { result: 1 });
    const down = new KeyStore({ url: 'http://127.0.0.1:9/keys' });
    const signing = await down.sign(HN, {}).catch((err: unknown) => err);
    expect(keyErrorToGraphQL(signing)?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'keys' });
    await expect(verifyStamped(down, localTimestamps(down), HN, signed, new Date())).rejects.toThrow('the key service is unreachable');
  });

  test('processes starting together make one set, not several', async () => {
    const dir = newDir();
    await Promise.all(Array.from({ length: 8 }, () => createSet(dir, HN)));
    expect((await storeOf(dir).set(HN))!.keys).toHaveLength(1);
  });

  test('keys come from a KMS-style URL with a bearer token, read-only; the JWKS route publishes every set with its validity windows', async () => {
    const dir = newDir();
    await createSet(dir, 'timestamp');
    await createSet(dir, HN);
    await rotateSet(dir, HN);
    const kms: Server = createServer(async (req, res) => {
      if (req.headers.authorization !== 'Bearer s3cret') return void res.writeHead(401).end();
      const file = req.url === '/keys/sets/index.json' ? null : path.join(dir, (req.url ?? '').replace(/^\/keys\//, ''));
      try {
        res.end(file ? await readFile(file) : JSON.stringify(['timestamp', HN]));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => kms.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(kms.address() as AddressInfo).port}/keys`;
    try {
      const remote = new KeyStore({ url, token: 's3cret' });
      const signed = await signStamped(remote, localTimestamps(remote), HN, { result: 'via kms' });
      expect(await verifyStamped(storeOf(dir), localTimestamps(storeOf(dir)), HN, signed, new Date())).toMatchObject({ ok: true });
      await expect(new KeyStore({ url, token: 'wrong' }).sign(HN, {})).rejects.toThrow('the key service answered HTTP 401');

      const site: Server = createServer((req, res) => void jwksFiles(remote)(req, res).then((done) => done || res.writeHead(404).end()));
      await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
      try {
        const all = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
        expect(all.keys).toHaveLength(3);
        expect(all.keys.every((k) => k.kid && k.x && !k.d)).toBe(true);
        const agency = all.keys.filter((k) => k.agency === '000.00.01.H26');
        expect(agency.map((k) => Boolean(k.retiredAt))).toEqual([true, false]);
        expect((await fetch(`${base}/.well-known/jwks/${HN}.json`)).status).toBe(200);
        expect((await fetch(`${base}/.well-known/jwks/internal.json`)).status).toBe(404);
      } finally {
        site.close();
      }
    } finally {
      kms.close();
    }
  });

  test('upgrade: the single agency and internal keys of before key sets join them retired, so results and checkpoints they signed still verify', async () => {
    const dir = newDir();
    const legacy: Record<string, { key: CryptoKey; kid: string }> = {};
    for (const [name, alg] of [['agency', 'ES256'], ['internal', 'EdDSA']] as const) {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      const kid = `${name}-2026-11-20`;
      writeFileSync(path.join(dir, `${name}-public-key.json`), JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }));
      legacy[name] = { key: privateKey, kid };
    }
    const signed = async (name: string, alg: string) => new CompactSign(new TextEncoder().encode('{"result":"old"}')).setProtectedHeader({ alg, kid: legacy[name]!.kid }).sign(legacy[name]!.key);
    const [oldResult, oldCheckpoint] = [await signed('agency', 'ES256'), await signed('internal', 'EdDSA')];
    await ensureKeys(dir);
    await ensureKeys(dir); // twice: adopted once
    const keys = storeOf(dir);
    const tsa = localTimestamps(keys);
    const claimed = new Date('2026-11-21T08:00:00Z'); // long before this test wrote the files
    expect(await verifyStamped(keys, tsa, LEGACY_AGENCY_SET, { jws: oldResult, kid: legacy.agency!.kid }, claimed)).toMatchObject({ ok: true, stamped: false });
    expect(await verifyStamped(keys, tsa, 'internal', { jws: oldCheckpoint, kid: legacy.internal!.kid }, claimed)).toMatchObject({ ok: true });
    const internal = (await keys.set('internal'))!.keys;
    expect(internal.map((k) => [k.kid === legacy.internal!.kid, Boolean(k.retiredAt)])).toEqual([[false, false], [true, true]]);
    expect((await keys.set(LEGACY_AGENCY_SET))!.keys).toMatchObject([{ kid: legacy.agency!.kid, legacy: true }]);
    await expect(rotateSet(dir, LEGACY_AGENCY_SET)).rejects.toThrow('is not a key set name');
  });

  test('npm run keys:rotate -- --agency adds a key and retires the old one; a bad agency code is refused in one line', () => {
    const dir = newDir();
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/keys.ts', ...args], { env: { ...process.env, KEYS_DIR: dir }, encoding: 'utf8' });
    expect(run('rotate', '--agency', '000.00.01.H26').status).toBe(0);
    const second = run('rotate', '--agency', '000.00.01.H26');
    expect(second.stdout).toMatch(/signs from .*\n.*retired from signing; it still verifies what it signed before/);
    const bad = run('rotate', '--agency', 'HN');
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'keys: --agency "HN" is not an agency code like 000.00.01.H26']);
    expect(run('list').stdout).toMatch(/agency-000\.00\.01\.H26\n {2}\S+ +ES256 +from \S+ +retired \S+\n {2}\S+ +ES256 +from \S+ +signing/);
  });
});
