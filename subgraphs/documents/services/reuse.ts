import type { DocumentView } from '../models/document';

/** A reused document as the dossier reports it: whether it is a countersigned copy, and why it was chosen. */
export function reuseOf(doc: DocumentView): { document: DocumentView; countersigned: boolean; note: string } {
  const cs = doc.countersignature;
  const note = cs
    ? `a valid electronic copy of ${doc.documentTypeCode}: countersigned by ${cs.agencyCode} when dossier ${cs.dossierCode} succeeded (1333 Art. 9.4); preferred over copies not countersigned`
    : `a digitised copy of ${doc.documentTypeCode} not countersigned yet (its dossier ${doc.dossierCode} has not succeeded): no countersigned copy was held when this dossier was received`;
  return { document: doc, countersigned: !!cs, note };
}
