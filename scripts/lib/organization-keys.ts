import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FlattenedSign } from 'jose';
import type { Connection } from 'mongoose';
import forge from 'node-forge';
import { ErrorCode } from '../../platform/errors';
import { withoutDiacritics } from '../../platform/text';
import { canonicalJson, submissionPayload, type SubmissionFields } from '../../platform/signed-submission';
import { certificateModel } from '../../subgraphs/identity/models/certificate';
import { organizationModel } from '../../subgraphs/identity/models/organization';
import { registerCertificate } from '../../subgraphs/identity/services/signatures';
import { ORGANIZATIONS } from '../seed-data';

/**
 * Organisations' signing keys for development, tests, seeds and benchmarks (R-ID-4): an RSA key
 * in a self-signed X.509 certificate (node-forge, pure JavaScript: Node can read certificates but
 * not make them), registered with the identity subgraph, and the detached JWS an organisation
 * puts on an I-VAN submission. Real employers hold their own keys from a certification
 * authority; nothing here runs in production.
 */
export interface OrganizationKey {
  unitCode: string;
  /** The certificate, PEM. */
  pem: string;
  /** Its private key, PKCS#8 PEM. */
  privateKeyPem: string;
}

const YEAR_MS = 365 * 86_400_000;

/** A self-signed RSA-2048 certificate for `commonName`, valid between the dates, with its private key. */
export function makeOrganizationCertificate(commonName: string, notBefore = new Date(Date.now() - 86_400_000), notAfter = new Date(Date.now() + 10 * YEAR_MS)) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  // forge writes PrintableString: the name goes without diacritics, as many CAs issue them.
  const name = [{ name: 'commonName', value: withoutDiacritics(commonName) }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()), forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(cert), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** A detached compact JWS ("<header>..<signature>", RS256) over the canonical JSON of any value. */
export async function signCanonical(value: unknown, privateKeyPem: string): Promise<string> {
  const jws = await new FlattenedSign(Buffer.from(canonicalJson(value))).setProtectedHeader({ alg: 'RS256' }).sign(createPrivateKey(privateKeyPem));
  return `${jws.protected}..${jws.signature}`;
}

/** What an organisation puts in organizationSignature: signCanonical over the submission's payload. */
export const signSubmission = (submission: SubmissionFields, privateKeyPem: string): Promise<string> => signCanonical(submissionPayload(submission), privateKeyPem);

const fileOf = (keysDir: string, unitCode: string) => path.join(keysDir, 'organizations', `${unitCode}.pem`);

/**
 * A demo organisation's key and certificate, in one file under KEYS_DIR/organizations/ (never
 * committed), made on first use. Several processes may ask at once: the file appears whole, once.
 */
export function demoOrganizationKey(keysDir: string, unitCode: string, name = unitCode): OrganizationKey {
  const file = fileOf(keysDir, unitCode);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const made = makeOrganizationCertificate(name);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, made.privateKeyPem + made.pem, { mode: 0o600 });
    try {
      linkSync(tmp, file); // fails when another process got there first; its file stands
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  const text = readFileSync(file, 'utf8');
  const block = (label: string) => [...text.matchAll(/-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----\r?\n?/g)].find((m) => m[1] === label)?.[0];
  const privateKeyPem = block('PRIVATE KEY');
  const pem = block('CERTIFICATE');
  if (!privateKeyPem || !pem) throw new Error(`${file} should hold a PKCS#8 private key and a certificate; delete it to make a new pair`);
  return { unitCode, pem, privateKeyPem };
}

/** The keys of the demo organisations (seed-data ORGANIZATIONS), made where missing. */
export const demoOrganizationKeys = (keysDir: string): OrganizationKey[] => ORGANIZATIONS.map((o) => demoOrganizationKey(keysDir, o.unitCode, o.name));

/** Registers the certificates in an identity database, as an officer would; ones already there are left alone. */
export async function registerOrganizationCertificates(identityDb: Connection, keys: readonly OrganizationKey[]): Promise<void> {
  const models = { Certificate: certificateModel(identityDb), Organization: organizationModel(identityDb) };
  await models.Certificate.init();
  for (const k of keys) {
    try {
      await registerCertificate({ principal: { client: 'officer', subject: 'seed', scopes: [] }, models }, { unitCode: k.unitCode, pem: k.pem });
    } catch (err) {
      if ((err as { extensions?: { code?: string } }).extensions?.code !== ErrorCode.CONFLICT) throw err;
    }
  }
}

/**
 * Signs submissions as their applicant organisation: the demo key of `applicant.unitCode`, the
 * one every I-VAN submission of a seed, benchmark or test names. An organisation without a demo
 * key is refused here, before anything is sent.
 */
export function organizationSigner(keysDir: string) {
  const known = new Map(demoOrganizationKeys(keysDir).map((k) => [k.unitCode, k]));
  return async <T extends SubmissionFields>(submission: T): Promise<T & { organizationSignature: string }> => {
    const key = known.get(submission.applicant.unitCode ?? '');
    if (!key) throw new Error(`no demo key for organisation ${submission.applicant.unitCode ?? '(none)'}: sign as one of ${[...known.keys()].join(', ')}`);
    return { ...submission, organizationSignature: await signSubmission(submission, key.privateKeyPem) };
  };
}
