// Issues (or rotates, or revokes) an I-VAN provider's SOAP credential through the running gateway,
// and prints one JSON object on stdout, nothing else: {"username": …, "password": …}.
import { parseArgs } from 'node:util';
import { readEnv, setting } from '../platform/config';
import { mintDevToken } from '../platform/dev-token';

const HELP = `Usage: npm run ivan:credentials -- --provider <id> [--rotate]
       npm run ivan:credentials -- --revoke <username>

Issues a WS-Security UsernameToken credential (PasswordDigest) for an I-VAN provider's SOAP
client at /ivan/soap, through the gateway at GATEWAY_URL (default http://127.0.0.1:4000/graphql)
as a development officer with the ivan:manage scope. Prints {"username","password"}.

  --provider <id>     the I-VAN provider, e.g. IVAN-0001
  --rotate            also revoke the provider's earlier credentials
  --revoke <username> revoke one credential; prints {"revoked": true|false}
  --help              this text`;

async function graphql<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data;
}

async function run() {
  const { values } = parseArgs({ options: { provider: { type: 'string' }, rotate: { type: 'boolean' }, revoke: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(HELP);
  if (!values.provider === !values.revoke) throw new Error('give --provider <id> or --revoke <username> (see --help)');
  const { GATEWAY_URL: url, KEYS_DIR } = readEnv({ GATEWAY_URL: setting.url('http://127.0.0.1:4000/graphql'), KEYS_DIR: setting.path('.data/keys') });
  const token = await mintDevToken(KEYS_DIR, { client: 'officer', scopes: ['ivan:manage'], subject: 'ivan-credentials-cli' });
  const answer = values.revoke
    ? { revoked: (await graphql<{ revokeIvanCredential: boolean }>(url, token, 'mutation($u: ID!) { revokeIvanCredential(username: $u) }', { u: values.revoke })).revokeIvanCredential }
    : (await graphql<{ issueIvanCredential: { username: string; password: string } }>(url, token,
      'mutation($p: ID!, $r: Boolean!) { issueIvanCredential(providerId: $p, rotate: $r) { username password } }', { p: values.provider, r: values.rotate ?? false })).issueIvanCredential;
  process.stdout.write(JSON.stringify(answer) + '\n');
}

run().catch((err: unknown) => {
  console.error(`ivan:credentials: ${(err as Error).message}`);
  process.exit(2);
});
