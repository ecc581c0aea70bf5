import { connectDatabase } from '../../platform/mongo';
import type { Principal } from '../../platform/principal';
import { proceduresSubgraph } from '../../subgraphs/procedures/subgraph';
import { procedureModel } from '../../subgraphs/procedures/models/procedure';
import { procedureChangeModel } from '../../subgraphs/procedures/models/procedure-change';
import { dossiersSubgraph } from '../../subgraphs/dossiers/subgraph';
import { domainOf } from '../../subgraphs/dossiers/context';
import { receiveDossier, type ReceiveInput } from '../../subgraphs/dossiers/services/intake';
import { followProcedureChanges } from '../../subgraphs/dossiers/services/procedure-catalogue';
import { ProcedureRepository } from '../../subgraphs/procedures/repositories/procedures';
import { publishProcedure, updateProcedure, withdrawProcedure } from '../../subgraphs/procedures/services/publication';
import { contentOf, type ProcedureContentRecord } from '../../subgraphs/procedures/models/procedure';
import { actOnDossier, type ActionInput } from '../../subgraphs/dossiers/services/transitions';
import { seedProcedures } from '../../scripts/seed';
import { submissionPurpose } from '../../platform/confirmations';
import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { organizationModel } from '../../subgraphs/identity/models/organization';
import { ORGANIZATIONS } from '../../scripts/seed-data';
import { demoOrganizationKeys, organizationSigner, registerOrganizationCertificates } from '../../scripts/lib/organization-keys';
import { httpSubgraph, principals, subgraphHarness } from './harness';
import { otpDesk } from './otp';

export const HN = '000.00.01.H26';
export const HCM = '000.00.01.H29';
export const VSS = '000.00.00.G12';

export const orgInput = (over: Partial<ReceiveInput> = {}): ReceiveInput => ({
  procedureCode: '1.002001',
  channel: 'DESK',
  applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' },
  components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia BHXH, BHYT', originals: 1, copies: 0 }],
  ...over,
});

/**
 * The dossiers subgraph in-process with the procedures and identity subgraphs running over real
 * HTTP (asked at intake: a procedure the local copy of the catalogue does not know, an I-VAN
 * submission's organisation signature), all on the global FerretDB and Redis, with the demo
 * procedure catalogue and the demo organisations and their certificates; the dossiers subgraph
 * follows the procedure change stream as in production.
 */
export async function dossiersWorld(opts: { redisDb: number; env?: Record<string, string> }) {
  const procedures = await httpSubgraph(proceduresSubgraph, { redisDb: opts.redisDb });
  const pdb = await connectDatabase(process.env.MONGODB_URI!, `${procedures.prefix}procedures`);
  const pmodels = { Procedure: procedureModel(pdb), ProcedureChange: procedureChangeModel(pdb) };
  await seedProcedures(pmodels);
  const identity = await httpSubgraph(identitySubgraph, { redisDb: opts.redisDb });
  const idb = await connectDatabase(process.env.MONGODB_URI!, `${identity.prefix}identity`);
  await organizationModel(idb).insertMany(ORGANIZATIONS);
  await registerOrganizationCertificates(idb, demoOrganizationKeys(process.env.KEYS_DIR!));
  const h = await subgraphHarness(dossiersSubgraph, { redisDb: opts.redisDb, env: { PROCEDURES_URL: procedures.url, IDENTITY_URL: identity.url, ...opts.env } });
  const domain = domainOf(h.deps);
  const stopFollowing = followProcedureChanges(domain.models.ProcedureRevision, h.deps.redis, h.deps.logger);
  const catalogue = { procedures: new ProcedureRepository(pmodels) };
  const publisher = { client: 'officer', subject: 'officer-vss' };
  /** Resolves once the dossiers subgraph's copy has heard of the procedure's latest change. */
  const heard = async (code: string) => {
    const { revision } = (await pmodels.Procedure.findOne({ code }).lean().exec())!;
    for (let i = 0; i < 200 && !(await domain.models.ProcedureRevision.exists({ code, revision })); i++) await new Promise((r) => setTimeout(r, 50));
  };
  const call = async (p: Principal) => {
    const ctx = await h.context(p);
    return { internalToken: ctx.internalToken, requestId: ctx.requestId };
  };
  // Started on first use: the identity subgraph and notify simulator a citizen's confirmation goes through.
  let desk: ReturnType<typeof otpDesk> | null = null;
  const otp = () => (desk ??= otpDesk({ redisDb: opts.redisDb }));
  return {
    h,
    domain,
    models: domain.models,
    procedures: pmodels.Procedure,
    /** Publication as an officer would do it, waiting until intake has heard of it. */
    catalogue: {
      async publish(code: string, change: Partial<ProcedureContentRecord> = {}) {
        const p = (await pmodels.Procedure.findOne({ code }).lean().exec())!;
        if (p.status === 'PUBLISHED') await updateProcedure(catalogue, { code, input: { ...contentOf(p), ...change } });
        await publishProcedure(catalogue, { code, by: publisher });
        await heard(code);
      },
      async withdraw(code: string) {
        await withdrawProcedure(catalogue, { code, reason: 'Bãi bỏ (test)', by: publisher });
        await heard(code);
      },
    },
    /** The identity subgraph's database: organisations and their certificates. */
    identityDb: idb,
    /** Signs a submission as its applicant organisation, with the demo key (as every I-VAN intake must be, R-ID-4). */
    sign: organizationSigner(process.env.KEYS_DIR!),
    receive: async (input: ReceiveInput = orgInput(), p: Principal = principals.officer, now?: Date) => receiveDossier({ ...domain, principal: p, ...(await call(p)) }, input, now),
    /**
     * A citizen's confirmation, through requestOtp and verifyOtp (test/support/otp.ts), of a
     * submission (its purpose: SUBMIT_DOSSIER:<its SHA-256>), of another `purpose`, or by default
     * of some new draft (which no intake accepts).
     */
    confirm: async (citizen: Principal, what?: string | ReceiveInput) => (await otp()).confirm(citizen, typeof what === 'object' ? submissionPurpose(what) : what),
    act: (input: ActionInput, p: Principal = principals.officer, now?: Date) => actOnDossier({ ...domain, principal: p, requestId: 'test' }, input, now),
    async close() {
      await (await desk)?.close();
      await stopFollowing();
      await h.close();
      await procedures.stop();
      await pdb.dropDatabase();
      await pdb.close();
      await identity.stop();
      await idb.dropDatabase();
      await idb.close();
    },
  };
}
