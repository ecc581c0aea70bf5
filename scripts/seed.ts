// Seeds the demo data (npm start does this once; `npm run seed` against a running MONGODB_URI).
import type { Connection } from 'mongoose';
import { envReader } from '../subgraphs/kit/config';
import { connectDatabase } from '../subgraphs/kit/mongo';
import { agencyModel } from '../subgraphs/identity/models/agency';
import { procedureModel } from '../subgraphs/procedures/models/procedure';
import { dossierModels } from '../subgraphs/dossiers/context';
import { changeStatus, receiveDossier } from '../subgraphs/dossiers/services/dossiers';
import { documentModel } from '../subgraphs/documents/models/document';
import { addDocument } from '../subgraphs/documents/services/documents';
import { AGENCIES, DOCUMENTS, DOSSIERS, PROCEDURES } from './seed-data';

export interface SeedResult {
  dossierCodes: string[];
  created: boolean;
}

/**
 * Upserts agencies and procedures; receives the demo dossiers (through the dossiers service, so
 * their events reach statistics) and their documents only when the dossiers database is empty.
 */
export async function seedDemoData(mongoUri: string, dbPrefix = 'vss_'): Promise<SeedResult> {
  const open = (name: string) => connectDatabase(mongoUri, `${dbPrefix}${name}`);
  const conns: Connection[] = [];
  try {
    const [identity, procedures, dossiers, documents] = await Promise.all(
      ['identity', 'procedures', 'dossiers', 'documents'].map(async (n) => {
        const c = await open(n);
        conns.push(c);
        return c;
      }),
    ) as [Connection, Connection, Connection, Connection];

    const Agency = agencyModel(identity);
    await Agency.init();
    for (const a of AGENCIES) await Agency.updateOne({ code: a.code }, { $set: a }, { upsert: true });
    const Procedure = procedureModel(procedures);
    await Procedure.init();
    for (const p of PROCEDURES) await Procedure.updateOne({ code: p.code }, { $set: p }, { upsert: true });

    const models = dossierModels(dossiers);
    await Promise.all([models.Dossier.init(), models.DossierEvent.init()]);
    if ((await models.Dossier.estimatedDocumentCount()) > 0) {
      const existing = await models.Dossier.find().sort({ receivedAt: 1 }).select({ code: 1 }).lean();
      return { dossierCodes: existing.map((d) => d.code), created: false };
    }
    const Document = documentModel(documents);
    await Document.init();
    const codes: string[] = [];
    for (const [i, d] of DOSSIERS.entries()) {
      const dossier = await receiveDossier(models, { agencyCode: d.agencyCode, procedureCode: d.procedureCode });
      for (const status of d.then) await changeStatus(models, dossier.code, status);
      if (i < 3) for (const doc of DOCUMENTS) await addDocument(Document, { dossierCode: dossier.code, ...doc });
      codes.push(dossier.code);
    }
    return { dossierCodes: codes, created: true };
  } finally {
    await Promise.all(conns.map((c) => c.close()));
  }
}

if (require.main === module) {
  const env = envReader();
  seedDemoData(env.string('MONGODB_URI'), env.string('MONGODB_DB_PREFIX', 'vss_'))
    .then((r) => console.log(r.created ? `seeded ${r.dossierCodes.length} dossiers` : 'demo data already present'))
    .catch((err: unknown) => {
      console.error(`seed: ${(err as Error).message}`);
      process.exit(1);
    });
}
