import { generateNationalProcedures } from '../../../adapters/npsp/simulator';
import { connectDatabase } from '../../../platform/mongo';
import { agencyModel } from '../../../subgraphs/identity/models/agency';
import { mintDevToken } from '../../../platform/dev-token';
import { DEMO } from '../../seed-data';
import { INTAKE_PROCEDURE, intakeInput } from './workloads';
import { organizationSigner } from '../organization-keys';

/** The catalogue page of W2 shows this many procedures. */
export const CATALOGUE_SIZE = 50;
/** W1 polls go round this many dossiers of the demo I-VAN provider. */
export const POLL_DOSSIERS = 100;
/** Regional offices added beside the demo's four, so that W0's page of 10 is full (as bench:scale does). */
const EXTRA_AGENCIES = Array.from({ length: 20 }, (_, i) => ({
  code: `000.00.${String(40 + Math.floor(i / 10))}.B${String(i + 1).padStart(2, '0')}`,
  name: `Bảo hiểm xã hội khu vực ${i + 1}`, nameEn: null, level: 'PROVINCIAL', parentCode: '000.00.00.G12', departments: [],
}));

type Call = <T>(token: string, query: string, variables?: Record<string, unknown>) => Promise<T>;

export const graphCaller = (url: string): Call => async (token, query, variables = {}) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data as never;
};

interface Page<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every item of a connection, page by page (bounded: 50 pages of 100). */
async function all<N>(read: (after: string | null) => Promise<Page<N>>): Promise<N[]> {
  const items: N[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const p: Page<N> = await read(after);
    items.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  return items;
}

/** Publishes national procedures (the NPSP simulator's generated VSS list) until CATALOGUE_SIZE are published. */
async function fillCatalogue(call: Call, officer: string): Promise<number> {
  const existing = await all<{ code: string; status: string }>(async (after) =>
    (await call<{ procedures: Page<{ code: string; status: string }> }>(officer,
      'query($after: String) { procedures(first: 100, after: $after) { edges { node { code status } } pageInfo { hasNextPage endCursor } } }', { after })).procedures);
  const known = new Map(existing.map((p) => [p.code, p.status]));
  let published = existing.filter((p) => p.status === 'PUBLISHED').length;
  for (const p of generateNationalProcedures(CATALOGUE_SIZE * 4)) {
    if (published >= CATALOGUE_SIZE) break;
    const { code } = p;
    const status = known.get(code);
    if (status === 'PUBLISHED' || status === 'WITHDRAWN') continue;
    const input = {
      name: p.name, nameEn: p.nameEn, field: p.field, agencyLevels: p.agencyLevels, serviceLevel: p.serviceLevel, submissionMethods: p.submissionMethods,
      processingDays: p.processingDays, fees: p.fees, components: p.components, resultDocuments: p.resultDocuments, legalBasis: p.legalBasis, guide: p.guide,
    };
    if (!status) await call(officer, 'mutation($code: ID!, $input: ProcedureContentInput!) { createProcedure(code: $code, input: $input) { code } }', { code, input });
    await call(officer, 'mutation($code: ID!) { publishProcedure(code: $code) { code } }', { code });
    published++;
  }
  return published;
}

const RECEIVE = 'mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code version } }';
const ACT = 'mutation($input: DossierActionInput!) { actOnDossier(input: $input) { version } }';

/**
 * Brings the graph to what the workloads read, adding only what is missing (so a running npm
 * start can be measured again and again): CATALOGUE_SIZE published procedures, the regional
 * offices when the database is at hand (agencies have no write API), and POLL_DOSSIERS dossiers
 * filed by the demo I-VAN provider, a third still received, a third in processing, a third done.
 */
export async function seedForBench(opts: { gatewayUrl: string; keysDir: string; mongoUri?: string; log(msg: string): void }) {
  const call = graphCaller(opts.gatewayUrl);
  const token = (o: Parameters<typeof mintDevToken>[1]) => mintDevToken(opts.keysDir, { ttlSeconds: 3600, ...o });
  if (opts.mongoUri) {
    const identity = await connectDatabase(opts.mongoUri, 'vss_identity');
    try {
      for (const a of EXTRA_AGENCIES) await agencyModel(identity).updateOne({ code: a.code }, { $set: a }, { upsert: true });
    } finally {
      await identity.close();
    }
  }
  const published = await fillCatalogue(call, await token({ client: 'officer', agencyCode: DEMO.officerAgency }));
  const agencies = (await call<{ agencies: Page<{ code: string; level: string }> }>(await token({ client: 'dashboard' }),
    '{ agencies(first: 100) { edges { node { code level } } pageInfo { hasNextPage endCursor } } }')).agencies.edges.map((e) => e.node);
  // Where the intake procedure may be filed (seed-data: provincial and district offices).
  const intakeAgencies = agencies.filter((a) => a.level === 'PROVINCIAL' || a.level === 'DISTRICT').map((a) => a.code);
  if (!intakeAgencies.length) throw new Error(`no provincial or district agency to file ${INTAKE_PROCEDURE} at`);

  const ivan = await token({ client: 'ivan', ivanProviderId: DEMO.ivanProvider });
  const listPolls = async () => (await call<{ dossiers: Page<{ code: string }> }>(ivan, `{ dossiers(first: ${POLL_DOSSIERS}) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`)).dossiers.edges.map((e) => e.node.code);
  const have = await listPolls();
  const missing = POLL_DOSSIERS - have.length;
  if (missing > 0) opts.log(`filing ${missing} I-VAN dossiers for the polls…`);
  const sign = organizationSigner(opts.keysDir);
  const officers = new Map<string, string>();
  const officerOf = async (agencyCode: string) => officers.get(agencyCode) ?? officers.set(agencyCode, await token({ client: 'officer', agencyCode })).get(agencyCode)!;
  const fileOne = async (i: number) => {
    const agencyCode = intakeAgencies[i % intakeAgencies.length]!;
    const { receiveDossier } = await call<{ receiveDossier: { code: string; version: number } }>(ivan, RECEIVE, { input: await sign(intakeInput(50_000 + i, agencyCode)) });
    let version = receiveDossier.version;
    const steps = [[], ['START_PROCESSING'], ['START_PROCESSING', 'COMPLETE']][i % 3]!;
    for (const action of steps) {
      ({ actOnDossier: { version } } = await call<{ actOnDossier: { version: number } }>(await officerOf(agencyCode), ACT, { input: { code: receiveDossier.code, action, expectedVersion: version } }));
    }
  };
  // Five at a time: quick, and gentle on a database that is also starting its workers.
  for (let start = 0; start < missing; start += 5) {
    await Promise.all(Array.from({ length: Math.min(5, missing - start) }, (_, k) => fileOne(have.length + start + k)));
  }
  const pollCodes = missing > 0 ? await listPolls() : have;
  return { pollCodes, intakeAgencies, published, agencies: agencies.length };
}
