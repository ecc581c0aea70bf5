import type { AuditDossierModel, AuditDossierRow } from '../../../platform/audit';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../../../platform/pagination';

/**
 * One dossier's audit trail (R-Q-2), newest first: the rows the audit writer keeps per (dossier,
 * entry) in the audit database (platform/audit.ts), read by one equality on dossierCode, which
 * FerretDB answers from its index; they are sorted here, as FerretDB would sort in memory anyway.
 * A dossier has tens to a few thousand rows, so a page costs that bucket, never the whole log.
 */
export async function auditTrailPage(ctx: { auditRows: AuditDossierModel }, { dossierCode, ...args }: { dossierCode: string } & PageArgs): Promise<Page<AuditDossierRow>> {
  const limit = pageSize(args.first);
  const before = args.after ? Number(decodeCursor(args.after, ['string', 'string'])[1]) : Infinity;
  const rows = (await ctx.auditRows.find({ dossierCode }).lean().exec()).filter((r) => r.entry < before).sort((a, b) => b.entry - a.entry);
  const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor([dossierCode, String(node.entry)]), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
