// Prints a development token for the local gateway, and nothing else, on stdout.
import { parseArgs } from 'node:util';
import { readEnv, setting } from '../platform/config';
import { ensureKeys } from '../platform/keys';
import { CLIENT_TYPES, DEFAULT_SCOPES } from '../platform/principal';
import { mintDevToken, type DevTokenOptions } from '../platform/dev-token';
import { DEMO } from './seed-data';

const HELP = `Usage: npm run token -- --client <type> [options]

Prints a development JWT for the local gateway (signed with the key under .data/keys).

  --client <type>       ${CLIENT_TYPES.filter((c) => c !== 'anonymous').join(' | ')} (required)
  --scope a,b           scopes, replacing the client type's defaults
  --agency CODE         agency code (officers; default ${DEMO.officerAgency} for an officer)
  --provider ID         I-VAN provider id (default ${DEMO.ivanProvider} for ivan)
  --personal-id ID      12-digit personal id (default ${DEMO.citizenPersonalId} for a citizen)
  --subject SUB         token subject (default dev-<client>)
  --ttl SECONDS         lifetime (default 3600)
  --help                this text

Default scopes:
${Object.entries(DEFAULT_SCOPES)
  .filter(([c]) => c !== 'anonymous')
  .map(([c, s]) => `  ${c.padEnd(10)} ${s.join(' ')}`)
  .join('\n')}
Anonymous callers need no token: send no Authorization header.`;

async function run() {
  const { values } = parseArgs({
    options: {
      client: { type: 'string' },
      scope: { type: 'string' },
      agency: { type: 'string' },
      provider: { type: 'string' },
      'personal-id': { type: 'string' },
      subject: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const client = values.client;
  if (!client || client === 'anonymous' || !(CLIENT_TYPES as readonly string[]).includes(client)) {
    throw new Error(`--client must be one of ${CLIENT_TYPES.filter((c) => c !== 'anonymous').join(', ')} (see --help)`);
  }
  const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1)) throw new Error('--ttl must be a positive number of seconds');
  if (values['personal-id'] && !/^\d{12}$/.test(values['personal-id'])) throw new Error('--personal-id must be 12 digits');
  const c = client as DevTokenOptions['client'];
  const { KEYS_DIR: keysDir } = readEnv({ KEYS_DIR: setting.path('.data/keys') });
  await ensureKeys(keysDir);
  const token = await mintDevToken(keysDir, {
    client: c,
    scopes: values.scope?.split(',').map((s) => s.trim()).filter(Boolean),
    agencyCode: values.agency ?? (c === 'officer' ? DEMO.officerAgency : undefined),
    ivanProviderId: values.provider ?? (c === 'ivan' ? DEMO.ivanProvider : undefined),
    personalId: values['personal-id'] ?? (c === 'citizen' ? DEMO.citizenPersonalId : undefined),
    subject: values.subject,
    ttlSeconds: ttl,
  });
  process.stdout.write(token + '\n');
}

run().catch((err: unknown) => {
  console.error(`token: ${(err as Error).message}`);
  process.exit(2);
});
