import type { HttpRoute } from '../kit/http';
import { requireSignedIn } from '../kit/context';
import { notFound } from '../kit/errors';
import type { Context } from './context';
import { canSee } from './services/access';
import { renderReceiptSlip } from './services/receipt';

/** Where a dossier's receipt slip is served, on the gateway and on this subgraph alike. */
export const receiptPath = (code: string) => `/receipts/${encodeURIComponent(code)}.pdf`;

/** GET /receipts/<code>.pdf: the receipt slip, to whoever may read the dossier (R-DOS-2). */
export const receiptRoute: HttpRoute<Context> = {
  method: 'GET',
  path: /^\/receipts\/([^/]+)\.pdf$/,
  async handle(_req, res, match, context) {
    const ctx = await context();
    requireSignedIn(ctx);
    const code = decodeURIComponent(match[1]!);
    const d = await ctx.loaders.dossier.load(code);
    if (!d || !canSee(ctx.principal, d)) throw notFound(`no dossier ${code} that you may see`);
    const pdf = await renderReceiptSlip(d);
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, 'content-disposition': `inline; filename="${code}.pdf"` });
    res.end(pdf);
  },
};
