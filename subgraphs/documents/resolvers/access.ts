import type { Context } from '../context';
import type { DocumentView } from '../models/document';
import { dossiersOf, mayDescribe } from '../services/access';

/** The document if the caller may see it by id; null otherwise, so ids reveal nothing. */
export async function describable(ctx: Context, doc: DocumentView | null): Promise<DocumentView | null> {
  if (!doc) return null;
  return mayDescribe(ctx.principal, doc, await dossiersOf(ctx, doc)) ? doc : null;
}
