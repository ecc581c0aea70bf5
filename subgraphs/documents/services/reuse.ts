import type { DocumentView } from '../models/document';

/** A reused document as the dossier reports it: whether it is a countersigned copy, and why it was chosen. */
export function reuseOf(doc: DocumentView): { document: DocumentView; countersigned: boolean; note: string } {
  const cs = doc.countersignature;
  const note = cs
    ? `a valid electronic copy of ${doc.documentTypeCode}: countersigned by ${cs.agencyCode} when dossier ${cs.dossierCode} succeeded (1333 Art. 9.4); preferred over copies not countersigned`
    : `a digitised copy of ${doc.documentTypeCode}, not countersigned (Art. 9.4): reuse takes a countersigned copy whenever the owner holds one`;
  return { document: doc, countersigned: !!cs, note };
}
