import { readBytes, sendJson, type HttpRoute } from '../../platform/http';
import { requireSignedIn, type SubgraphDeps } from '../../platform/context';
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
export function uploadRoute(deps: SubgraphDeps): HttpRoute<Context> {
  return {
    method: 'PUT',
    path: /^\/uploads\/([A-Za-z0-9_-]{1,64})$/,
    async handle(req, res, match, context) {
      const ctx = await context();
      const domain = domainOf(deps);
      const target = `ticket:${match[1]!.slice(0, 8)}…`;
      const audit = (outcome: string, detail?: string, on = target) =>
        domain.audit.record({ principal: ctx.principal, requestId: ctx.requestId, action: 'DOCUMENT_UPLOAD', target: on, outcome, detail });
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
export function downloadRoute(deps: SubgraphDeps): HttpRoute<Context> {
  return {
    method: 'GET',
    path: /^\/documents\/([0-9a-fA-F]{24})\/content$/,
    async handle(_req, res, match, context) {
      const ctx = await context();
      const { audit } = domainOf(deps);
      const id = match[1]!;
      const record = (outcome: string, detail?: string) =>
        audit.record({ principal: ctx.principal, requestId: ctx.requestId, action: 'DOCUMENT_DOWNLOAD', target: `document:${id}`, outcome, detail });
      if (ctx.principal.client === 'anonymous') {
        await record('DENIED', 'no bearer token');
        requireSignedIn(ctx);
      }
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
