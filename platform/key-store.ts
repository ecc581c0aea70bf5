import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compactVerify, CompactSign, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { GraphQLError } from 'graphql';
import { appError, ErrorCode } from './errors';
import { AGENCY_CODE } from './identifiers';

/**
 * Signing keys in named sets, each published as a JWKS (issue 19; R-DOC-5, R-Q-2):
 * - `agency-<agency code>`: the agency's keys for electronic results and countersigned scans;
 * - `internal`: the gateway's key for the tokens it gives subgraphs;
 * - `timestamp`: the time-stamping authority's key (adapters/timestamp);
 * - `confirmation`: the identity subgraph's key for OTP confirmations.
 *
 * A key signs from `validFrom` until it is retired (rotation adds a new key and retires the old
 * one) and verifies for ever after, unless revoked: a key revoked at T makes signatures made after
 * T invalid, not those made before. "Made" is the time a timestamp token vouches for, so
 * verification asks for the key's state at that time (`stateAt`).
 *
 * Where the sets come from (`KEYS_DIR` or `KEYS_URL`):
 *   <dir>/sets/<set>.json      public JWKS, with our members validFrom, retiredAt, revokedAt…
 *   <dir>/private/<kid>.json   the private JWK (mode 0600; never committed)
 * A KMS-style URL serves the same two paths read-only (bearer token `KEYS_TOKEN`); rotation then
 * happens in the KMS. Sets are re-read every `refreshMs`, so a rotation reaches running processes
 * without a restart; a retired key's signatures within RETIREMENT_GRACE_MS of its retirement still
 * verify, since a process may sign with it until it has re-read the set.
 */
export interface KeyRecord extends JWK {
  kid: string;
  alg: string;
  /** The agency a result key belongs to. */
  agency?: string;
  validFrom: string;
  retiredAt?: string;
  revokedAt?: string;
  revocationReason?: string;
  /** Adopted from the single key files of before key sets: the only keys whose signatures may lack a timestamp. */
  legacy?: boolean;
}

export interface KeySet {
  keys: KeyRecord[];
}

export type KeyState = { ok: true } | { ok: false; reason: string };

export const RETIREMENT_GRACE_MS = 60_000;
const MISS_REREAD_MS = 1000;
const ALGORITHMS: Record<string, 'ES256' | 'EdDSA'> = { internal: 'EdDSA', timestamp: 'EdDSA', confirmation: 'EdDSA' };

export const agencySet = (agencyCode: string) => `agency-${agencyCode}`;
/** The one agency key of before issue 19, which signed every agency's results: kept retired, to verify them. */
export const LEGACY_AGENCY_SET = 'agency-legacy';
const SET_NAME = new RegExp(`^(internal|timestamp|confirmation|${LEGACY_AGENCY_SET}|agency-${AGENCY_CODE.source.slice(1, -1)})$`);
export const algorithmOf = (set: string) => ALGORITHMS[set] ?? 'ES256';

export class KeyError extends Error {
  constructor(message: string, readonly reason: 'UNKNOWN_KEY' | 'KEY_NOT_VALID_AT_TIME' | 'SIGNATURE_INVALID' | 'NO_SIGNING_KEY' | 'UNAVAILABLE') {
    super(message);
  }
}

/**
 * A signing that cannot happen (no key may sign, the key service is down) is the callers'
 * UPSTREAM_UNAVAILABLE, with serviceName keys; every subgraph maps it so (platform/subgraph.ts).
 */
export function keyErrorToGraphQL(err: unknown): GraphQLError | undefined {
  if (!(err instanceof KeyError) || (err.reason !== 'NO_SIGNING_KEY' && err.reason !== 'UNAVAILABLE')) return undefined;
  return appError(ErrorCode.UPSTREAM_UNAVAILABLE, `cannot sign right now: ${err.message}; nothing was stored`, { serviceName: 'keys' });
}

/** A key's state at `at`: valid from validFrom, until retired (plus the grace) or revoked. */
export function stateAt(key: Pick<KeyRecord, 'kid' | 'validFrom' | 'retiredAt' | 'revokedAt' | 'revocationReason'>, at: Date): KeyState {
  const t = at.getTime();
  if (key.revokedAt && t >= Date.parse(key.revokedAt)) {
    return { ok: false, reason: `signed at ${at.toISOString()}, after key ${key.kid} was revoked at ${key.revokedAt}${key.revocationReason ? ` (${key.revocationReason})` : ''}` };
  }
  if (t < Date.parse(key.validFrom)) return { ok: false, reason: `signed at ${at.toISOString()}, before key ${key.kid} was valid (from ${key.validFrom})` };
  if (key.retiredAt && t >= Date.parse(key.retiredAt) + RETIREMENT_GRACE_MS) {
    return { ok: false, reason: `signed at ${at.toISOString()}, after key ${key.kid} was retired from signing at ${key.retiredAt}` };
  }
  return { ok: true };
}

/** Where sets are read from: a directory (read-write) or a KMS-style URL (read-only). */
interface KeySource {
  read(file: string): Promise<string | null>;
  /** The sets there are: the directory's files, or the service's sets/index.json (a JSON array of names). */
  names(): Promise<string[]>;
  writable: boolean;
  dir?: string;
}

function fileSource(dir: string): KeySource {
  return {
    writable: true,
    dir,
    names: () => setNames(dir),
    async read(file) {
      try {
        return await readFile(path.join(dir, file), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}

function urlSource(base: string, token: string | undefined): KeySource {
  const source: KeySource = {
    writable: false,
    async names() {
      const text = await source.read('sets/index.json');
      return text ? (JSON.parse(text) as string[]) : [];
    },
    async read(file) {
      let res: Response;
      try {
        res = await fetch(new URL(file, base.endsWith('/') ? base : `${base}/`), {
          headers: token ? { authorization: `Bearer ${token}` } : {},
          signal: AbortSignal.timeout(5000),
        });
      } catch (err) {
        throw new KeyError(`the key service is unreachable (${(err as Error).name === 'TimeoutError' ? 'timed out' : 'no answer'})`, 'UNAVAILABLE');
      }
      if (res.status === 404) return null;
      if (!res.ok) throw new KeyError(`the key service answered HTTP ${res.status} for ${file}`, 'UNAVAILABLE');
      return res.text();
    },
  };
  return source;
}

const setFile = (set: string) => `sets/${set}.json`;
const privateFile = (kid: string) => `private/${kid}.json`;
const kidOf = (set: string, now: Date) => `${set}-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
const publicPart = (jwk: JWK): JWK => Object.fromEntries(Object.entries(jwk).filter(([k]) => !['d', 'p', 'q', 'dp', 'dq', 'qi'].includes(k)));

async function newKey(set: string, now: Date, agency?: string): Promise<{ record: KeyRecord; privateJwk: JWK }> {
  const alg = algorithmOf(set);
  const kid = kidOf(set, now);
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const record: KeyRecord = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig', ...(agency ? { agency } : {}), validFrom: now.toISOString() };
  return { record, privateJwk: { ...(await exportJWK(privateKey)), kid, alg } };
}

async function writeAtomically(file: string, text: string, mode = 0o644): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, { mode });
  await rename(tmp, file);
}

export interface KeyStoreOptions {
  dir?: string;
  url?: string;
  token?: string;
  refreshMs?: number;
  /** Outside production: a set that does not exist yet is made on first use (local development, tests). */
  createMissing?: boolean;
}

export class KeyStore {
  private readonly cache = new Map<string, { at: number; set: Promise<KeySet | null> }>();
  private readonly privateKeys = new Map<string, Promise<CryptoKey>>();
  private readonly publicKeys = new Map<string, Promise<CryptoKey>>();
  private readonly source: KeySource;
  private namesCache: { at: number; names: Promise<string[]> } | undefined;

  constructor(private readonly options: KeyStoreOptions) {
    if (!options.dir && !options.url) throw new Error('a key store needs KEYS_DIR or KEYS_URL');
    this.source = options.url ? urlSource(options.url, options.token) : fileSource(options.dir!);
  }

  /** The set as last read (at most refreshMs old), or null when it does not exist. */
  async set(name: string): Promise<KeySet | null> {
    if (!SET_NAME.test(name)) throw new Error(`"${name}" is not a key set name`);
    const cached = this.cache.get(name);
    if (cached && Date.now() - cached.at < (this.options.refreshMs ?? 5000)) return cached.set;
    const set = this.source.read(setFile(name)).then((text) => (text ? (JSON.parse(text) as KeySet) : null));
    this.cache.set(name, { at: Date.now(), set });
    set.catch(() => {
      if (this.cache.get(name)?.set === set) this.cache.delete(name);
    });
    return set;
  }

  private forget(name: string) {
    this.cache.delete(name);
  }

  /** The key that signs in `set` now: the newest valid one. Made on first use where allowed. */
  async signingKey(name: string, now = new Date()): Promise<{ record: KeyRecord; key: CryptoKey }> {
    let set = await this.set(name);
    if (!set?.keys.length && this.options.createMissing && this.source.writable) {
      await createSet(this.source.dir!, name, now);
      this.forget(name);
      set = await this.set(name);
    }
    const usable = (set?.keys ?? []).filter((k) => !k.retiredAt && stateAt(k, now).ok).sort((a, b) => Date.parse(b.validFrom) - Date.parse(a.validFrom));
    const record = usable[0];
    if (!record) throw new KeyError(`key set ${name} has no key that may sign now: run npm run keys:rotate -- ${name.startsWith('agency-') ? `--agency ${name.slice(7)}` : `--set ${name}`}`, 'NO_SIGNING_KEY');
    // Cached by set and kid: two sets may hold the same kid (adopted keys keep theirs; a KMS picks its own).
    const id = `${name}/${record.kid}`;
    let key = this.privateKeys.get(id);
    if (!key) {
      key = this.source.read(privateFile(record.kid)).then(async (text) => {
        if (!text) throw new KeyError(`the private half of key ${record.kid} is missing`, 'NO_SIGNING_KEY');
        return (await importJWK(JSON.parse(text) as JWK, record.alg)) as CryptoKey;
      });
      this.privateKeys.set(id, key);
      key.catch(() => this.privateKeys.delete(id));
    }
    return { record, key: await key };
  }

  /** Signs `payload` (JSON) with the set's current key; the header names the key (kid). */
  async sign(name: string, payload: unknown, typ?: string, now = new Date()): Promise<{ jws: string; kid: string }> {
    const { record, key } = await this.signingKey(name, now);
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: record.alg, kid: record.kid, ...(typ ? { typ } : {}) })
      .sign(key);
    return { jws, kid: record.kid };
  }

  /** The key named `kid` in `set`, or null. */
  async key(name: string, kid: string): Promise<KeyRecord | null> {
    const find = async () => (await this.set(name))?.keys.find((k) => k.kid === kid) ?? null;
    const found = await find();
    const readAt = this.cache.get(name)?.at ?? 0;
    if (found || Date.now() - readAt < MISS_REREAD_MS) return found;
    // A key added since the last read (a rotation elsewhere): read once more before saying no, but
    // at most once a second, so tokens naming made-up kids cannot turn into a read each.
    this.forget(name);
    return find();
  }

  /** The public key `kid` of `set`, when it could sign at `at`; throws KeyError with the reason otherwise. */
  async verificationKey(name: string, kid: string | undefined, at: Date): Promise<{ key: CryptoKey; record: KeyRecord }> {
    if (!kid) throw new KeyError('the signature names no key (kid)', 'UNKNOWN_KEY');
    const record = await this.key(name, kid);
    if (!record) throw new KeyError(`key ${kid} is not in key set ${name}`, 'UNKNOWN_KEY');
    const state = stateAt(record, at);
    if (!state.ok) throw new KeyError(state.reason, 'KEY_NOT_VALID_AT_TIME');
    let key = this.publicKeys.get(`${name}/${kid}`);
    if (!key) {
      key = importJWK(publicPart(record), record.alg) as Promise<CryptoKey>;
      this.publicKeys.set(`${name}/${kid}`, key);
    }
    return { key: await key, record };
  }

  /**
   * Verifies a compact JWS made by a key of `set`, and that the key could sign at `at` (the
   * stamped signing time; now when none is known). Throws KeyError with the reason.
   */
  async verify(name: string, jws: string, at: Date): Promise<{ payload: Uint8Array; key: KeyRecord }> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(jws).kid;
    } catch {
      throw new KeyError('not a compact JWS', 'SIGNATURE_INVALID');
    }
    const { key, record } = await this.verificationKey(name, kid, at);
    try {
      const { payload } = await compactVerify(jws, key, { algorithms: [record.alg] });
      return { payload, key: record };
    } catch {
      throw new KeyError(`the signature does not verify under key ${kid}`, 'SIGNATURE_INVALID');
    }
  }

  /** The names of the sets this store holds (re-read every refreshMs; files that are not sets are left out). */
  names(): Promise<string[]> {
    if (!this.namesCache || Date.now() - this.namesCache.at >= (this.options.refreshMs ?? 5000)) {
      const names = this.source.names().then((all) => all.filter((n) => SET_NAME.test(n)));
      this.namesCache = { at: Date.now(), names };
      names.catch(() => {
        if (this.namesCache?.names === names) this.namesCache = undefined;
      });
    }
    return this.namesCache.names;
  }

  /** The public JWKS of the sets named (default: all), each key with its validity window. */
  async jwks(names?: string[]): Promise<KeySet> {
    const sets = await Promise.all((names ?? (await this.names())).map((n) => this.set(n)));
    return { keys: sets.flatMap((s) => (s?.keys ?? []).map((k) => publicPart(k) as KeyRecord)) };
  }
}

/** The names of the sets in a key directory. */
export async function setNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(path.join(dir, 'sets'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

async function readSet(dir: string, name: string): Promise<KeySet | null> {
  const text = await fileSource(dir).read(setFile(name));
  return text ? (JSON.parse(text) as KeySet) : null;
}

/**
 * Makes a set with its first key, unless another process made it first: the set file is written
 * exclusively, so two processes starting together end with one set.
 */
export async function createSet(dir: string, name: string, now = new Date()): Promise<void> {
  if (!SET_NAME.test(name)) throw new Error(`"${name}" is not a key set name`);
  if (await readSet(dir, name)) return;
  const { record, privateJwk } = await newKey(name, now, name.startsWith('agency-') ? name.slice(7) : undefined);
  await writeAtomically(path.join(dir, privateFile(record.kid)), JSON.stringify(privateJwk, null, 2), 0o600);
  await mkdir(path.join(dir, 'sets'), { recursive: true, mode: 0o700 });
  try {
    await writeFile(path.join(dir, setFile(name)), JSON.stringify({ keys: [record] }, null, 2), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    await unlink(path.join(dir, privateFile(record.kid)));
  }
}

/**
 * Rotation: adds a key that signs from now and retires the set's earlier keys from signing, and
 * destroys their private halves (a process that imported one signs with it for at most
 * KEYS_REFRESH_MS more, within the grace); their public halves verify what they signed.
 */
export async function rotateSet(dir: string, name: string, now = new Date()): Promise<{ added: KeyRecord; retired: KeyRecord[] }> {
  if (!SET_NAME.test(name) || name === LEGACY_AGENCY_SET) throw new Error(`"${name}" is not a key set name (agency-<code>, internal, timestamp, confirmation)`);
  const set = (await readSet(dir, name)) ?? { keys: [] };
  const { record, privateJwk } = await newKey(name, now, name.startsWith('agency-') ? name.slice(7) : undefined);
  await writeAtomically(path.join(dir, privateFile(record.kid)), JSON.stringify(privateJwk, null, 2), 0o600);
  const retired = set.keys.filter((k) => !k.retiredAt && !k.revokedAt);
  for (const k of retired) k.retiredAt = now.toISOString();
  await writeAtomically(path.join(dir, setFile(name)), JSON.stringify({ keys: [...set.keys, record] }, null, 2));
  for (const k of retired) await unlink(path.join(dir, privateFile(k.kid))).catch(() => undefined);
  return { added: record, retired };
}

/** Revocation: signatures the key made at or after `at` no longer verify; the private half is destroyed. */
export async function revokeKey(dir: string, kid: string, at: Date, reason: string, now = new Date()): Promise<{ set: string; key: KeyRecord }> {
  // Its private half is destroyed now, so a revocation cannot wait for a later time.
  if (at.getTime() > now.getTime()) throw new Error(`a key is revoked from now or from a past time, not from ${at.toISOString()}`);
  for (const name of await setNames(dir)) {
    const set = (await readSet(dir, name))!;
    const key = set.keys.find((k) => k.kid === kid);
    if (!key) continue;
    key.revokedAt = at.toISOString();
    key.revocationReason = reason;
    await writeAtomically(path.join(dir, setFile(name)), JSON.stringify(set, null, 2));
    await unlink(path.join(dir, privateFile(kid))).catch(() => undefined);
    return { set: name, key };
  }
  throw new Error(`no key ${kid} in ${dir}`);
}

/**
 * Adds a public key made before key sets existed (its `kid` kept) to `set` as retired from now:
 * what it signed still verifies, and it signs nothing more. Adding it again changes nothing.
 */
export async function adoptRetiredKey(dir: string, name: string, jwk: JWK & { kid: string; alg: string }, now = new Date()): Promise<void> {
  const set = (await readSet(dir, name)) ?? { keys: [] };
  if (set.keys.some((k) => k.kid === jwk.kid)) return;
  // Valid from the start of time: when it was made is unknown (a file's date changes when copied), and it signs nothing more.
  const record: KeyRecord = { ...publicPart(jwk), kid: jwk.kid, alg: jwk.alg, use: 'sig', legacy: true, validFrom: new Date(0).toISOString(), retiredAt: now.toISOString() };
  await writeAtomically(path.join(dir, setFile(name)), JSON.stringify({ keys: [...set.keys, record] }, null, 2));
}

/** Makes the sets every deployment needs (agency sets are made per agency, on rotation or first use in development). */
export async function ensureKeySets(dir: string): Promise<void> {
  for (const name of ['internal', 'timestamp', 'confirmation']) await createSet(dir, name);
}

const stores = new Map<string, KeyStore>();
/** One store per source in a process, so every part of it shares one cache of sets and imported keys. */
export function keyStoreOf(options: KeyStoreOptions): KeyStore {
  const id = JSON.stringify(options);
  let store = stores.get(id);
  if (!store) stores.set(id, (store = new KeyStore(options)));
  return store;
}
