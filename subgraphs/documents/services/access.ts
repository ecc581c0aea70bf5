import type { Context } from '../context';
import type { Principal } from '../../../platform/principal';
import type { DocumentRecord } from '../models/document';
import type { DossierRefRecord } from '../models/dossier-ref';

/** The dossiers a document belongs to: the one it came with (or was issued for), and those that reused it. */
export interface DocumentDossiers {
  own: DossierRefRecord | null;
  reusedIn: DossierRefRecord[];
}

/**
 * Who may read a document's file (and see it at all):
 * - its owner: the citizen whose personal id it carries, or the applicant of the dossier it came with;
 * - officers of the agency that holds it, or that handles the dossier it came with or one that
 *   reused it (they process those dossiers, Art. 13.3b);
 * - the I-VAN provider that filed the dossier it came with.
 * A reused document is not shown to whoever filed the later dossier: filing in someone's name
 * must not open their data store. Dashboards see figures, not files.
 */
export function mayReadFile(p: Principal, doc: DocumentRecord, { own, reusedIn }: DocumentDossiers): boolean {
  switch (p.client) {
    case 'officer':
      return !!p.agencyCode && [doc.agencyCode, own?.handlingAgencyCode, ...reusedIn.map((d) => d.handlingAgencyCode)].includes(p.agencyCode);
    case 'citizen':
      return !!p.personalId && (doc.ownerKey === `P:${p.personalId}` || own?.applicant.personalId === p.personalId);
    case 'ivan':
      return !!p.ivanProviderId && own?.ivanProviderId === p.ivanProviderId;
    default:
      return false;
  }
}

/** Seeing a document's description: whoever may read its file, and dashboards. */
export const mayDescribe = (p: Principal, doc: DocumentRecord, dossiers: DocumentDossiers): boolean =>
  p.client === 'dashboard' || mayReadFile(p, doc, dossiers);

/** A data store (Art. 11.2) is listed to its owner and to officers, each document still filtered by mayDescribe. */
export function mayReadStore(p: Principal, ownerKey: string): boolean {
  return p.client === 'officer' || p.client === 'dashboard' || (p.client === 'citizen' && ownerKey === `P:${p.personalId}`);
}

export async function dossiersOf(ctx: Context, doc: DocumentRecord): Promise<DocumentDossiers> {
  const links = await ctx.loaders.linksByDocument.load(doc._id.toString());
  const refs = await ctx.loaders.dossierRef.loadMany([doc.dossierCode, ...links.map((l) => l.dossierCode)]);
  const [own, ...reusedIn] = refs.map((r) => (r && !(r instanceof Error) ? r : null));
  return { own: own ?? null, reusedIn: reusedIn.filter((r): r is DossierRefRecord => r !== null) };
}

/** The documents among `docs` the caller may see (every list goes through this, whoever reached it). */
export async function visibleOnly<T extends DocumentRecord>(ctx: Context, docs: T[]): Promise<T[]> {
  const allowed = await Promise.all(docs.map(async (d) => mayDescribe(ctx.principal, d, await dossiersOf(ctx, d))));
  return docs.filter((_, i) => allowed[i]);
}
