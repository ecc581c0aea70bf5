import type { GraphQLError } from 'graphql';
import type { NationalProcedure, NationalProcedureCatalogue, NationalProcedureSummary } from '../../../adapters/npsp/port';
import { eachLimited } from '../../../platform/concurrency';
import { ErrorCode } from '../../../platform/errors';
import { contentOf, type Actor, type ProcedureContentRecord, type ProcedureRecord } from '../models/procedure';
import { createProcedure, normalised, publishProcedure, withdrawProcedure, type CatalogueContext } from './publication';

/** What the import needs: the catalogue's store and the national database. */
export interface ImportContext extends CatalogueContext {
  portal: NationalProcedureCatalogue;
}

const PAGE_SIZE = 100;
const CONCURRENCY = 8;
export const IMPORT_ACTOR: Actor = { client: 'npsp-import', subject: 'national-procedure-database' };

export interface ImportReport {
  listed: number;
  created: number;
  changed: number;
  withdrawn: number;
  unchanged: number;
  failed: { code: string; message: string }[];
}

const sameContent = (a: ProcedureContentRecord, b: ProcedureContentRecord) => JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));

async function listAll(portal: NationalProcedureCatalogue, agencyCode: string): Promise<NationalProcedureSummary[]> {
  const all: NationalProcedureSummary[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await portal.listProcedures({ agencyCode, page, pageSize: PAGE_SIZE });
    all.push(...items);
    if (items.length < PAGE_SIZE || all.length >= total) return all;
  }
}

/**
 * Reconciles the catalogue with the national database on administrative procedures (R-PRO-3):
 * new national procedures are created and published, changed ones published as a new version,
 * withdrawn ones (flagged, or gone from the list) withdrawn. A national record is fetched only
 * when its change time differs from the last import, so a second run changes nothing; local
 * decisions about a record stand until the national record changes again. A listing failure
 * changes nothing; one procedure failing does not stop the others.
 */
export async function importNationalProcedures(ctx: ImportContext, { agencyCode }: { agencyCode: string }): Promise<ImportReport> {
  const { portal, procedures } = ctx;
  const listed = await listAll(portal, agencyCode);
  const report: ImportReport = { listed: listed.length, created: 0, changed: 0, withdrawn: 0, unchanged: 0, failed: [] };
  const seen = new Set(listed.map((s) => s.code));
  // One read of the whole catalogue decides what needs work; only that is read again in full.
  const known = new Map((await procedures.models.Procedure.find().select({ code: 1, nationalUpdatedAt: 1, source: 1, status: 1 }).lean().exec()).map((p) => [p.code, p]));

  const reconcile = async (summary: NationalProcedureSummary) => {
    const last = known.get(summary.code);
    if (last?.nationalUpdatedAt?.getTime() === summary.updatedAt.getTime() || (!last && summary.withdrawn)) {
      report.unchanged++;
      return;
    }
    const local = await procedures.current(summary.code);
    const national = await portal.getProcedure(summary.code);
    if (!national) throw new Error('listed by the portal, but LayThuTuc does not know it');
    const outcome = await apply(local, national);
    report[outcome]++;
    await procedures.edit(summary.code, { nationalUpdatedAt: national.updatedAt });
  };

  const apply = async (local: ProcedureRecord | null, national: NationalProcedure): Promise<'created' | 'changed' | 'withdrawn' | 'unchanged'> => {
    // Compared and published in the form the catalogue keeps text, so a record in another Unicode
    // form neither makes a new version at every import nor is stored unnormalised (R-Q-3).
    const content = normalised(national);
    if (national.withdrawn) {
      if (local?.status !== 'PUBLISHED') return 'unchanged';
      await withdrawProcedure(ctx, { code: national.code, reason: 'Bãi bỏ trên Cơ sở dữ liệu quốc gia về thủ tục hành chính', by: IMPORT_ACTOR });
      return 'withdrawn';
    }
    if (!local) {
      await createProcedure(ctx, { code: national.code, input: content, source: 'NATIONAL' });
      await publishProcedure(ctx, { code: national.code, by: IMPORT_ACTOR, source: 'NATIONAL' });
      return 'created';
    }
    if (local.status === 'PUBLISHED' && sameContent(local, content)) return 'unchanged';
    await publishProcedure(ctx, { code: national.code, by: IMPORT_ACTOR, content, source: 'NATIONAL' });
    return 'changed';
  };

  const gone = [...known.values()].filter((p) => p.source === 'NATIONAL' && p.status === 'PUBLISHED' && !seen.has(p.code));
  await eachLimited([...listed, ...gone.map((g) => ({ code: g.code, gone: true as const }))], CONCURRENCY, async (item) => {
    try {
      if ('gone' in item) {
        // Its change time is forgotten first, so that if it is listed again — even unchanged, say
        // after a listing that missed it — it is imported again rather than left withdrawn.
        await procedures.edit(item.code, { nationalUpdatedAt: null });
        await withdrawProcedure(ctx, { code: item.code, reason: 'Không còn trong Cơ sở dữ liệu quốc gia về thủ tục hành chính', by: IMPORT_ACTOR });
        report.withdrawn++;
      } else {
        await reconcile(item);
      }
    } catch (err) {
      // Another process importing at the same moment made this change first: nothing to do.
      if ((err as GraphQLError).extensions?.code === ErrorCode.CONFLICT) report.unchanged++;
      else report.failed.push({ code: item.code, message: (err as Error).message });
    }
  });
  return report;
}
