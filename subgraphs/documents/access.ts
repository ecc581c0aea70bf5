import { requireScope, type RequestBase } from '../kit/context';
import { forbidden } from '../kit/errors';

/**
 * Documents looked up by id: this subgraph cannot tell who may see a dossier, so only callers who
 * read every dossier (dashboards) may; everyone else reaches documents through
 * dossier(code) { documents }, after the dossiers subgraph decided. Owner rules come with R-DOC.
 */
export function requireDocumentById(ctx: RequestBase): void {
  requireScope(ctx, 'document:read');
  if (ctx.principal.client !== 'dashboard') throw forbidden('read documents through dossier(code) { documents }');
}
