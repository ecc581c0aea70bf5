// Seeds the demo data. npm start does this once; `npm run seed` does it against a running stack
// (MONGODB_URI for the catalogue, GATEWAY_URL for the dossiers).
import type { Connection } from 'mongoose';
import { readEnv, setting } from '../platform/config';
import { connectDatabase } from '../platform/mongo';
import { agencyModel } from '../subgraphs/identity/models/agency';
import { organizationModel } from '../subgraphs/identity/models/organization';
import { procedureModel } from '../subgraphs/procedures/models/procedure';
import { procedureChangeModel } from '../subgraphs/procedures/models/procedure-change';
import { ProcedureRepository, type ProcedureModels } from '../subgraphs/procedures/repositories/procedures';
import { createProcedure, publishProcedure } from '../subgraphs/procedures/services/publication';
import { mintDevToken, type DevTokenOptions } from '../platform/dev-token';
import { samplePdf, ScanningWorkstation } from './lib/scanner';
import { demoOrganizationKeys, organizationSigner, registerOrganizationCertificates } from './lib/organization-keys';
import { AGENCIES, DOSSIERS, ORGANIZATIONS, PROCEDURES } from './seed-data';

async function withDatabase<T>(mongoUri: string, dbName: string, work: (db: Connection) => Promise<T>): Promise<T> {
  const db = await connectDatabase(mongoUri, dbName);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * Puts the demo procedures in the catalogue through the publication service, as an officer
 * would, so that published ones have a version and an entry in the change feed. Existing
 * procedures are left alone.
 */
export async function seedProcedures(models: ProcedureModels): Promise<void> {
  const procedures = new ProcedureRepository(models);
  const seeder = { client: 'officer', subject: 'seed' };
  for (const { code, status, ...content } of PROCEDURES) {
    if (await models.Procedure.exists({ code })) continue;
    await createProcedure({ procedures }, { code, input: content });
    if (status === 'PUBLISHED') await publishProcedure({ procedures }, { code, by: seeder });
  }
}

/**
 * Upserts the agency directory (it has no write API yet) and the demo organisations, registers
 * the organisations' certificates (keys made under KEYS_DIR/organizations/ on first use, R-ID-4),
 * and seeds the procedure catalogue.
 */
export async function seedCatalogue(mongoUri: string, dbPrefix: string, keysDir: string): Promise<void> {
  await withDatabase(mongoUri, `${dbPrefix}identity`, async (db) => {
    const Agency = agencyModel(db);
    await Agency.init();
    for (const a of AGENCIES) await Agency.updateOne({ code: a.code }, { $set: a }, { upsert: true });
    const Organization = organizationModel(db);
    await Organization.init();
    for (const o of ORGANIZATIONS) await Organization.updateOne({ unitCode: o.unitCode }, { $set: o }, { upsert: true });
    await registerOrganizationCertificates(db, demoOrganizationKeys(keysDir));
  });
  await withDatabase(mongoUri, `${dbPrefix}procedures`, async (db) => {
    const models = { Procedure: procedureModel(db), ProcedureChange: procedureChangeModel(db) };
    await Promise.all([models.Procedure.init(), models.ProcedureChange.init()]);
    await seedProcedures(models);
  });
}

interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string }[];
}

async function call<T>(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLBody<T>;
  if (body.errors?.length || !body.data) throw new Error(`seed: ${body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`}`);
  return body.data;
}

const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code version } }`;
const ACT = `mutation($input: DossierActionInput!) { actOnDossier(input: $input) { version } }`;

/**
 * Files the demo dossiers through the gateway, as the officers and the I-VAN provider who would
 * file them, and moves them along; skipped when any dossier exists. Returns the dossier codes.
 */
export async function seedDossiers(gatewayUrl: string, keysDir: string): Promise<{ codes: string[]; created: boolean }> {
  const token = (o: DevTokenOptions) => mintDevToken(keysDir, o);
  const dashboard = await token({ client: 'dashboard' });
  const existing = await call<{ dossiers: { edges: { node: { code: string } }[] } }>(
    gatewayUrl, dashboard, '{ dossiers(first: 100) { edges { node { code } } } }',
  );
  if (existing.dossiers.edges.length > 0) return { codes: existing.dossiers.edges.map((e) => e.node.code).reverse(), created: false };

  const sign = organizationSigner(keysDir);
  const codes: string[] = [];
  const workstations = new Map<string, ScanningWorkstation>();
  for (const [i, d] of DOSSIERS.entries()) {
    const filer = await token(d.by as DevTokenOptions);
    // I-VAN submissions carry the employer's signature (R-ID-4).
    const input = d.by.client === 'ivan' ? await sign(d.input) : d.input;
    const { receiveDossier } = await call<{ receiveDossier: { code: string; version: number } }>(gatewayUrl, filer, RECEIVE, { input });
    const officer = await token({ client: 'officer', agencyCode: d.agencyCode });
    if (i < 3) await scanDemoDocuments(gatewayUrl, officer, d.agencyCode, receiveDossier.code, d.input.components, workstations, i === 0);
    let version = receiveDossier.version;
    for (const step of d.then) {
      ({ actOnDossier: { version } } = await call<{ actOnDossier: { version: number } }>(gatewayUrl, officer, ACT, {
        input: { code: receiveDossier.code, expectedVersion: version, ...step },
      }));
    }
    codes.push(receiveDossier.code);
  }
  return { codes, created: true };
}

/**
 * Scans the demo components of a dossier at its agency's desk, as a scanning workstation would
 * (signed upload through the gateway, R-DOC-3); the first dossier's are digitised too, so its
 * owner's data store has something in it (R-DOC-1, 2, 4).
 */
async function scanDemoDocuments(
  gatewayUrl: string, officerToken: string, agencyCode: string, dossierCode: string,
  components: readonly { documentTypeCode: string; name: string }[], workstations: Map<string, ScanningWorkstation>, digitise: boolean,
) {
  let ws = workstations.get(agencyCode);
  if (!ws) {
    ws = await ScanningWorkstation.open({ baseUrl: gatewayUrl, headers: async () => ({ authorization: `Bearer ${officerToken}` }), name: `Cán bộ một cửa ${agencyCode}` });
    await ws.register();
    workstations.set(agencyCode, ws);
  }
  for (const [n, { documentTypeCode, name }] of components.entries()) {
    const pages = n + 1;
    const bytes = await samplePdf(name, pages);
    const { id } = await ws.scan({ dossierCode, documentTypeCode, name, pages, fileName: `${documentTypeCode}.pdf`, bytes, contentType: 'application/pdf' });
    if (!digitise) continue;
    const res = await ws.digitise(id, {
      owner: { kind: 'ORGANIZATION', unitCode: 'TA0123A' }, name, numberSymbol: `${n + 1}/2026/SM`, issuedOn: '2026-11-02T00:00:00.000Z',
      issuingAuthority: 'Công ty TNHH Sao Mai', summary: `${name} của Công ty TNHH Sao Mai`,
    });
    if (!res.data) throw new Error(`seed: digitiseDocument: ${res.errors?.map((e) => e.message).join('; ')}`);
  }
}

if (require.main === module) {
  const env = readEnv({
    MONGODB_URI: setting.text(),
    MONGODB_DB_PREFIX: setting.text('vss_'),
    GATEWAY_URL: setting.url('http://127.0.0.1:4000/graphql'),
    KEYS_DIR: setting.path('.data/keys'),
  });
  seedCatalogue(env.MONGODB_URI, env.MONGODB_DB_PREFIX, env.KEYS_DIR)
    .then(() => seedDossiers(env.GATEWAY_URL, env.KEYS_DIR))
    .then((r) => console.log(r.created ? `seeded ${r.codes.length} dossiers` : 'demo dossiers already present'))
    .catch((err: unknown) => {
      console.error(`seed: ${(err as Error).message}`);
      process.exit(1);
    });
}
