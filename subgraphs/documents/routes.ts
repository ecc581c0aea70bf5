import { readBytes, sendJson } from '../../platform/http';
import type { SubgraphDeps } from '../../platform/context';
import type { SubgraphRoute } from '../../platform/authorization';
import { appError, ErrorCode, notFound } from '../../platform/errors';
import { domainOf, type Context } from './context';
import { checkIntegrity } from './services/integrity';
import { dossiersOf, mayReadFile } from './services/access';
import { acceptUpload, openTicket } from './services/upload';
import { SCAN_SIGNATURE_HEADER } from '../../platform/documents-protocol';
import { requireDigitiser } from './services/scanner-keys';

const header = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);

/**
 * PUT /uploads/<ticket>: the bytes of a scan announced by startDocumentUpload, with the scanning
 * officer's signature in x-scan-signature (R-DOC-3). Reached through the gateway, which
 * authenticates the officer as for GraphQL. Every attempt is audited, refused ones too.
 */
export function uploadRoute(deps: SubgraphDeps): SubgraphRoute<Context> {
  const auditOf = (ctx: Context, match: RegExpMatchArray) => {
    const target = `ticket:${match[1]!.slice(0, 8)}…`;
    return (outcome: string, detail?: string, on = target) =>
      domainOf(deps).audit.record({ principal: ctx.principal, requestId: ctx.requestId, action: 'DOCUMENT_UPLOAD', target: on, outcome, detail });
  };
  return {
    method: 'PUT',
    path: /^\/uploads\/([A-Za-z0-9_-]{1,64})$/,
    policy: { policy: [['officer', 'document:digitise']] },
    refused: (ctx, refusal, match) => auditOf(ctx, match)('REFUSED', refusal.message.slice(0, 300)),
    async handle(req, res, match, context) {
      const ctx = await context();
      const domain = domainOf(deps);
      const target = `ticket:${match[1]!.slice(0, 8)}…`;
      const audit = auditOf(ctx, match);
      try {
        requireDigitiser(ctx);
        const ticket = await openTicket(domain, ctx.principal, match[1]!);
        const bytes = await readBytes(req, domain.config.maxBytes);
        const file = { bytes, claimedType: header(req.headers['content-type']), scanSignature: header(req.headers[SCAN_SIGNATURE_HEADER]) };
        // Audited before anything is written, so nothing is stored without its entry.
        const doc = await acceptUpload(domain, ctx.principal, ticket, file, (id) => audit('ALLOWED', target, `document:${id}`));
        sendJson(res, 201, { id: doc.id, dossierCode: doc.dossierCode, contentType: doc.file!.contentType, size: doc.file!.size, pages: doc.file!.pages, sha256: doc.file!.sha256 });
      } catch (err) {
        await audit('REFUSED', (err as Error).message.slice(0, 300));
        throw err;
      }
    },
  };
}

/**
 * GET /documents/<id>/content: the file, to its owner, officers of its agency or dossier and the
 * I-VAN provider that filed it; checked (hash and signatures) before a byte is sent, and audited
 * whatever the outcome. Other callers are told it does not exist.
 */
export function downloadRoute(deps: SubgraphDeps): SubgraphRoute<Context> {
  const recordOf = (ctx: Context, match: RegExpMatchArray) => (outcome: string, detail?: string) =>
    domainOf(deps).audit.record({ principal: ctx.principal, requestId: ctx.requestId, action: 'DOCUMENT_DOWNLOAD', target: `document:${match[1]!}`, outcome, detail });
  return {
    method: 'GET',
    path: /^\/documents\/([0-9a-fA-F]{24})\/content$/,
    policy: { requiresScopes: [['document:read']] },
    refused: (ctx, refusal, match) => recordOf(ctx, match)('DENIED', ctx.principal.client === 'anonymous' ? 'no bearer token' : refusal.message),
    async handle(_req, res, match, context) {
      const ctx = await context();
      const id = match[1]!;
      const record = recordOf(ctx, match);
      const doc = await ctx.loaders.document.load(id);
      if (!doc || !doc.file || !mayReadFile(ctx.principal, doc, await dossiersOf(ctx, doc))) {
        await record('DENIED', doc ? 'not the owner, the agency or the filing provider' : 'no such document');
        throw notFound(`no document ${id} with a file that you may read`);
      }
      const check = await checkIntegrity(doc, ctx);
      if (!check.bytes) {
        await record(check.status, check.message);
        throw appError(ErrorCode.INTEGRITY_FAILED, `document ${id} failed its integrity check and is not served: ${check.message}`, { integrity: check.status });
      }
      await record('ALLOWED');
      res.writeHead(200, {
        'content-type': doc.file.contentType,
        'content-length': check.bytes.length,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.file.fileName)}`,
        'x-content-sha256': doc.file.sha256,
      });
      res.end(check.bytes);
    },
  };
}
