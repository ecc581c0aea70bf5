// Prints an organisation's detached signature over a dossier submission (R-ID-4), and nothing else, on stdout.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readEnv, setting } from '../platform/config';
import { sha256Hex } from '../platform/digest';
import { canonicalSubmission, type SubmissionFields } from '../platform/signed-submission';
import { demoOrganizationKey, signSubmission } from './lib/organization-keys';
import { ORGANIZATIONS } from './seed-data';

const HELP = `Usage: npm run org:sign -- [--unit CODE] [--key FILE] [--payload] < input.json

Reads a ReceiveDossierInput as JSON on stdin and prints the applicant organisation's detached JWS
(RS256, "<header>..<signature>") over its canonical form: the value of organizationSignature.

  --unit CODE    the organisation that signs (default: the input's applicant.unitCode); it must
                 be the applicant. Demo organisations (keys under KEYS_DIR/organizations/):
                 ${ORGANIZATIONS.map((o) => `${o.unitCode} (${o.name})`).join(', ')}
  --key FILE     sign with this PKCS#8 private key (PEM) instead of the demo key
  --payload      print the canonical payload that gets signed and its SHA-256, and sign nothing
  --help         this text`;

async function run() {
  const { values } = parseArgs({ options: { unit: { type: 'string' }, key: { type: 'string' }, payload: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(HELP);
    return;
  }
  let input: SubmissionFields;
  try {
    input = JSON.parse(readFileSync(0, 'utf8')) as SubmissionFields;
  } catch {
    throw new Error('stdin must be a ReceiveDossierInput as JSON (see --help)');
  }
  if (!input || typeof input !== 'object' || typeof input.procedureCode !== 'string' || !input.applicant || !Array.isArray(input.components)) {
    throw new Error('stdin must be a ReceiveDossierInput: procedureCode, applicant { unitCode name }, components [...]');
  }
  const payload = canonicalSubmission(input);
  if (values.payload) {
    process.stdout.write(`${payload}\nsha256 ${sha256Hex(payload)}\n`);
    return;
  }
  const unit = values.unit ?? input.applicant.unitCode;
  if (!unit) throw new Error('the input names no applicant.unitCode: only organisations sign (citizens confirm with a one-time password)');
  if (unit !== input.applicant.unitCode) throw new Error(`--unit ${unit} is not the applicant (${input.applicant.unitCode ?? 'none'}): the applicant organisation signs its own submission`);
  let privateKeyPem: string;
  if (values.key) {
    privateKeyPem = readFileSync(values.key, 'utf8');
  } else {
    const demo = ORGANIZATIONS.find((o) => o.unitCode === unit);
    if (!demo) throw new Error(`${unit} is not a demo organisation (${ORGANIZATIONS.map((o) => o.unitCode).join(', ')}): pass its private key with --key`);
    const { KEYS_DIR: keysDir } = readEnv({ KEYS_DIR: setting.path('.data/keys') });
    privateKeyPem = demoOrganizationKey(keysDir, demo.unitCode, demo.name).privateKeyPem;
  }
  process.stdout.write(`${await signSubmission(input, privateKeyPem)}\n`);
}

run().catch((err: unknown) => {
  console.error(`org:sign: ${(err as Error).message}`);
  process.exit(2);
});
