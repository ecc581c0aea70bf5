// Rotates and revokes signing keys in KEYS_DIR (platform/key-store.ts; issue 19):
//   npm run keys:rotate -- --agency 000.00.01.H26     adds a key to the agency's set, retires the old one from signing
//   npm run keys:rotate -- --set internal|timestamp|confirmation
//   npm run keys:revoke -- --kid <kid> [--at <ISO time>] --reason "<why>"
//   npm run keys:list
// Running services pick the change up within KEYS_REFRESH_MS (5 s); nothing restarts.
import { parseArgs } from 'node:util';
import { readEnv, setting } from '../platform/config';
import { AGENCY_CODE } from '../platform/identifiers';
import { agencySet, KeyStore, revokeKey, rotateSet, setNames, stateAt, type KeyRecord } from '../platform/key-store';

const HELP = `Usage:
  npm run keys:rotate -- --agency <agency code>      e.g. --agency 000.00.01.H26
  npm run keys:rotate -- --set <internal|timestamp|confirmation>
  npm run keys:revoke -- --kid <kid> --reason "<why>" [--at <ISO time, default now>]
  npm run keys:list

Keys live in KEYS_DIR (default .data/keys): sets/<set>.json is the public JWKS with each key's
validity window, private/<kid>.json the private key. A retired key no longer signs but still
verifies what it signed; a key revoked at T fails every signature stamped at or after T.`;

class Refusal extends Error {}

const describe = (k: KeyRecord, now: Date) => {
  const state = k.revokedAt ? `revoked ${k.revokedAt}${k.revocationReason ? ` (${k.revocationReason})` : ''}` : k.retiredAt ? `retired ${k.retiredAt}` : stateAt(k, now).ok ? 'signing' : 'not yet valid';
  return `  ${k.kid.padEnd(44)} ${k.alg.padEnd(6)} from ${k.validFrom}  ${state}`;
};

async function run(command: string | undefined): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { agency: { type: 'string' }, set: { type: 'string' }, kid: { type: 'string' }, at: { type: 'string' }, reason: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !command) {
    console.log(HELP);
    return;
  }
  const { KEYS_DIR: dir } = readEnv({ KEYS_DIR: setting.path('.data/keys') });
  const now = new Date();
  if (command === 'rotate') {
    if (!!values.agency === !!values.set) throw new Refusal('name either --agency <code> or --set <name>');
    if (values.agency && !AGENCY_CODE.test(values.agency)) throw new Refusal(`--agency "${values.agency}" is not an agency code like 000.00.01.H26`);
    const name = values.agency ? agencySet(values.agency) : values.set!;
    const { added, retired } = await rotateSet(dir, name, now);
    console.log(`${name}: ${added.kid} signs from ${added.validFrom}`);
    for (const k of retired) console.log(`${name}: ${k.kid} retired from signing; it still verifies what it signed before ${k.retiredAt}`);
    return;
  }
  if (command === 'revoke') {
    if (!values.kid) throw new Refusal('name the key: --kid <kid> (npm run keys:list shows them)');
    if (!values.reason?.trim()) throw new Refusal('say why: --reason "<why>" (kept with the key and shown when a signature fails)');
    const at = values.at ? new Date(values.at) : now;
    if (Number.isNaN(at.getTime())) throw new Refusal(`--at "${values.at}" is not an ISO time`);
    if (at > now) throw new Refusal('--at is now or a past time: the private key is destroyed at once, so a revocation cannot wait');
    const { set, key } = await revokeKey(dir, values.kid, at, values.reason.trim());
    console.log(`${set}: ${key.kid} revoked at ${key.revokedAt}; signatures stamped before then still verify, later ones fail`);
    return;
  }
  if (command === 'list') {
    const store = new KeyStore({ dir });
    for (const name of await setNames(dir)) {
      console.log(name);
      for (const k of (await store.set(name))?.keys ?? []) console.log(describe(k, now));
    }
    return;
  }
  throw new Refusal(`unknown command "${command}" (rotate, revoke, list)`);
}

run(process.argv[2]).catch((err: unknown) => {
  console.error(`keys: ${(err as Error).message}`);
  process.exit(err instanceof Refusal ? 2 : 1);
});
