import type { Context } from '../context';
import type { Principal } from '../../kit/principal';
import type { DocumentRecord } from '../models/document';
import type { DossierRefRecord } from '../models/dossier-ref';

/**
 * Who may read a document's file (and see it by id), given the dossiers it is part of:
 * its owner (a citizen, by personal id), officers of the agency that holds it or handles one of
 * its dossiers, and the I-VAN provider that filed one of its dossiers. Dashboards see figures, not files.
 */
export function mayReadFile(p: Principal, doc: DocumentRecord, dossiers: DossierRefRecord[]): boolean {
  if (!p.scopes.includes('document:read')) return false;
  switch (p.client) {
    case 'officer':
      return !!p.agencyCode && (doc.agencyCode === p.agencyCode || dossiers.some((d) => d.handlingAgencyCode === p.agencyCode));
    case 'citizen':
      return !!p.personalId && (doc.ownerKey === `P:${p.personalId}` || dossiers.some((d) => d.applicant.personalId === p.personalId));
    case 'ivan':
      return !!p.ivanProviderId && dossiers.some((d) => d.ivanProviderId === p.ivanProviderId);
    default:
      return false;
  }
}

/** Seeing a document's description by id: whoever may read its file, and dashboards. */
export const mayDescribe = (p: Principal, doc: DocumentRecord, dossiers: DossierRefRecord[]): boolean =>
  (p.client === 'dashboard' && p.scopes.includes('document:read')) || mayReadFile(p, doc, dossiers);

/** A data store (Art. 11.2) is its owner's, and officers look into it at reception (Art. 13.3b). */
export function mayReadStore(p: Principal, ownerKey: string): boolean {
  if (!p.scopes.includes('document:read')) return false;
  return p.client === 'officer' || (p.client === 'citizen' && ownerKey === `P:${p.personalId}`);
}

/** The dossiers a document is part of: the one it came with and those it was reused for. */
export async function dossiersOf(ctx: Context, doc: DocumentRecord): Promise<DossierRefRecord[]> {
  const links = await ctx.models.DocumentLink.find({ documentId: doc._id }).lean().exec();
  const refs = await ctx.loaders.dossierRef.loadMany([doc.dossierCode, ...links.map((l) => l.dossierCode)]);
  return refs.filter((r): r is DossierRefRecord => !!r && !(r instanceof Error));
}
