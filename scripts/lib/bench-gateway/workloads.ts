import { ANONYMOUS, DEFAULT_SCOPES, type Principal } from '../../../platform/principal';
import { DEMO, ORGANIZATIONS } from '../../seed-data';
import { organizationSigner } from '../organization-keys';

/**
 * The workloads of bench:gateway (issue 15) and who sends them. Each caller is a principal as our
 * gateway would make it from the caller's dev token (gateway/auth.ts, fair-share.ts clientKeyOf),
 * so that the paths that skip our gateway (stock, Hive, direct) carry the same principal in the
 * internal token they are given, and every path answers the same.
 */
export type CallerName = 'anonymous' | 'ivan' | 'npsp';

export interface Caller {
  principal: Principal;
  clientKey: string;
  /** The dev token our gateway is sent; none for anonymous. */
  devToken?: { client: 'ivan' | 'npsp'; ivanProviderId?: string };
}

export const CALLERS: Record<CallerName, Caller> = {
  // The public directory is read without a token; our gateway keys such callers by address.
  anonymous: { principal: ANONYMOUS, clientKey: 'ip:127.0.0.1' },
  ivan: {
    principal: { client: 'ivan', subject: 'dev-ivan', scopes: DEFAULT_SCOPES.ivan, ivanProviderId: DEMO.ivanProvider },
    clientKey: `ivan:${DEMO.ivanProvider}`,
    devToken: { client: 'ivan', ivanProviderId: DEMO.ivanProvider },
  },
  npsp: {
    principal: { client: 'npsp', subject: 'dev-npsp', scopes: DEFAULT_SCOPES.npsp },
    clientKey: 'npsp:dev-npsp',
    devToken: { client: 'npsp' },
  },
};

export const W0_QUERY = '{ agencies(first: 10) { edges { node { code name nameEn level parent { code name } } } pageInfo { hasNextPage endCursor } } }';
/** The I-VAN status poll, as in bench:scale: dossiers, procedures and identity. */
export const W1_QUERY = 'query($code: ID!) { dossier(code: $code) { code status appointmentAt procedure { code name } handlingAgency { code name } } }';
/** The same poll on the dossiers subgraph alone: procedure and agency are references there. */
export const W1_DIRECT_QUERY = 'query($code: ID!) { dossier(code: $code) { code status appointmentAt procedure { code } handlingAgency { code } } }';
/** The national portal's catalogue page: 50 published procedures with what a list shows. */
export const W2_QUERY =
  '{ procedures(status: PUBLISHED, first: 50) { edges { node { code name field serviceLevel processingDays agencyLevels submissionMethods fees { description amountVnd } } } pageInfo { hasNextPage endCursor } } }';
export const RECEIVE_MUTATION =
  'mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code status procedure { code name } handlingAgency { code name } } }';

export const INTAKE_PROCEDURE = '1.002001';
/** An I-VAN intake of a demo employer's registration at `agencyCode`; sent signed by that employer (R-ID-4). */
export const intakeInput = (n: number, agencyCode: string) => {
  const employer = ORGANIZATIONS[n % ORGANIZATIONS.length]!;
  return {
    procedureCode: INTAKE_PROCEDURE,
    agencyCode,
    applicant: { unitCode: employer.unitCode, name: employer.name },
    components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT' }],
  };
};
export type SignedIntake = ReturnType<typeof intakeInput> & { organizationSignature: string };

/**
 * The intakes the mix sends, each signed by its employer (R-ID-4): one per agency and demo
 * employer, signed before the run, since signing every request would spend the benchmark's own CPU.
 */
export async function signedIntakes(keysDir: string, agencies: readonly string[]): Promise<SignedIntake[]> {
  const sign = organizationSigner(keysDir);
  return Promise.all(agencies.flatMap((agency, i) => ORGANIZATIONS.map((_, k) => sign(intakeInput(i * ORGANIZATIONS.length + k, agency)))));
}

export type WorkloadName = 'W0' | 'W1' | 'W2' | 'MIX';
export const WORKLOAD_NAMES: readonly WorkloadName[] = ['W0', 'W1', 'W2', 'MIX'];

export interface Workload {
  name: WorkloadName;
  title: string;
  caller: CallerName;
  /** One body maker per request of the sequence each connection repeats. */
  sequence: (() => string)[];
  /** The same on the dossiers subgraph, for the direct path (W1 only). */
  direct?: (() => string)[];
  mutates: boolean;
}

/** In the intake mix, one request in this many is an intake; the rest are W1 polls. */
export const MIX_EVERY = 10;

/**
 * Builds the workloads over the seeded data: polls go round `pollCodes` (one shared counter, so
 * the 20 connections spread over them), intakes each file a new dossier, going round `intakes`.
 */
/** One body after another, round and round (one counter, shared by every connection). */
function rotatingBodies(bodies: readonly string[]): () => string {
  let i = 0;
  return () => bodies[i++ % bodies.length]!;
}

export function buildWorkloads(pollCodes: readonly string[], intakes: readonly SignedIntake[]): Record<WorkloadName, Workload> {
  const fixed = (query: string) => {
    const body = JSON.stringify({ query });
    return () => body;
  };
  const rotating = (query: string) => rotatingBodies(pollCodes.map((code) => JSON.stringify({ query, variables: { code } })));
  const intake = rotatingBodies(intakes.map((input) => JSON.stringify({ query: RECEIVE_MUTATION, variables: { input } })));
  const poll = rotating(W1_QUERY);
  return {
    W0: { name: 'W0', title: 'agencies(first: 10), anonymous (identity)', caller: 'anonymous', sequence: [fixed(W0_QUERY)], mutates: false },
    W1: {
      name: 'W1', title: 'I-VAN status poll dossier(code) (dossiers, procedures, identity)', caller: 'ivan',
      sequence: [poll], direct: [rotating(W1_DIRECT_QUERY)], mutates: false,
    },
    W2: { name: 'W2', title: 'catalogue page procedures(first: 50), national portal (procedures)', caller: 'npsp', sequence: [fixed(W2_QUERY)], mutates: false },
    MIX: {
      name: 'MIX', title: `intake mix: ${MIX_EVERY - 1} W1 polls to 1 receiveDossier, I-VAN`, caller: 'ivan',
      sequence: [...Array.from({ length: MIX_EVERY - 1 }, () => poll), intake], mutates: true,
    },
  };
}
