import { connectDatabase } from '../../subgraphs/kit/mongo';
import type { Principal } from '../../subgraphs/kit/principal';
import { proceduresSubgraph } from '../../subgraphs/procedures/subgraph';
import { procedureModel } from '../../subgraphs/procedures/models/procedure';
import { dossiersSubgraph } from '../../subgraphs/dossiers/subgraph';
import { domainOf } from '../../subgraphs/dossiers/context';
import { receiveDossier, type ReceiveInput } from '../../subgraphs/dossiers/services/intake';
import { actOnDossier, type ActionInput } from '../../subgraphs/dossiers/services/transitions';
import { PROCEDURES } from '../../scripts/seed-data';
import { httpSubgraph, principals, subgraphHarness } from './harness';

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
 * The dossiers subgraph in-process with the procedures subgraph it asks at intake running over
 * real HTTP, both on the global FerretDB and Redis, with the demo procedure catalogue.
 */
export async function dossiersWorld(opts: { redisDb: number; env?: Record<string, string> }) {
  const procedures = await httpSubgraph(proceduresSubgraph, { redisDb: opts.redisDb });
  const pdb = await connectDatabase(process.env.MONGODB_URI!, `${procedures.prefix}procedures`);
  await procedureModel(pdb).insertMany(PROCEDURES);
  const h = await subgraphHarness(dossiersSubgraph, { redisDb: opts.redisDb, env: { PROCEDURES_URL: procedures.url, ...opts.env } });
  const domain = domainOf(h.deps);
  const call = async (p: Principal) => {
    const ctx = await h.context(p);
    return { internalToken: ctx.internalToken, requestId: ctx.requestId };
  };
  return {
    h,
    domain,
    models: domain.models,
    procedures: procedureModel(pdb),
    receive: async (input: ReceiveInput = orgInput(), p: Principal = principals.officer, now?: Date) => receiveDossier(domain, p, input, await call(p), now),
    act: (input: ActionInput, p: Principal = principals.officer, now?: Date) => actOnDossier(domain, p, input, now),
    async close() {
      await h.close();
      await procedures.stop();
      await pdb.dropDatabase();
      await pdb.close();
    },
  };
}
