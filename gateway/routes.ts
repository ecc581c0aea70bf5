import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileTooLarge, readBody, type HttpRoute } from '../platform/http';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from '../platform/internal-token';
import { appError, ErrorCode } from '../platform/errors';
import { deadlinePassed, deadlineSignal, withinDeadline } from '../platform/deadline';
import type { GatewayContext } from './context';

/**
 * Serves a non-GraphQL route of one subgraph through the gateway (GET /receipts/<code>.pdf,
 * POST /sms/inbound, PUT /uploads/<ticket>): the caller is authenticated here as for GraphQL, and
 * the subgraph receives the internal token (plus `passHeaders`, e.g. a signature) and decides the
 * rest. A PUT body (a file) is streamed through, not held here, and cut off past `maxBytes` (the
 * documents limit), so an oversized upload stops at the gateway.
 */
export function forwardRoute(
  method: 'GET' | 'POST' | 'PUT',
  path: RegExp,
  subgraph: string,
  urls: Map<string, string>,
  passHeaders: string[] = [],
  maxBytes = Infinity,
): HttpRoute<GatewayContext> {
  return {
    method,
    path,
    async handle(req, res, _match, context) {
      const ctx = await context();
      const base = urls.get(subgraph);
      if (!base) throw new Error(`no URL for subgraph ${subgraph}`);
      const headers: Record<string, string> = { [INTERNAL_TOKEN_HEADER]: ctx.internalToken, [REQUEST_ID_HEADER]: ctx.requestId };
      for (const h of ['content-type', ...passHeaders]) {
        const v = req.headers[h];
        if (typeof v === 'string') headers[h] = v;
      }
      if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw fileTooLarge(maxBytes);
      let sent = 0;
      const capped = new Transform({
        transform(chunk: Buffer, _encoding, next) {
          sent += chunk.length;
          next(sent > maxBytes ? fileTooLarge(maxBytes) : null, chunk);
        },
      });
      let upstream: Response;
      const body = method === 'POST' ? await readBody(req) : method === 'PUT' ? (Readable.toWeb(req.pipe(capped)) as ReadableStream<Uint8Array>) : undefined;
      try {
        upstream = await fetch(new URL(req.url ?? '/', base), {
          method,
          headers,
          body,
          duplex: 'half',
          // A file upload may take a while on a slow line; other calls keep the request's deadline.
          signal: method === 'PUT' ? AbortSignal.timeout(120_000) : withinDeadline(AbortSignal.timeout(10_000)),
        } as RequestInit);
      } catch {
        if (sent > maxBytes) throw fileTooLarge(maxBytes);
        if (deadlineSignal()?.aborted) throw deadlinePassed(`subgraph "${subgraph}"`);
        throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, `subgraph "${subgraph}" is unavailable`);
      }
      const answer: Record<string, string> = {};
      for (const h of ['content-type', 'content-length', 'content-disposition', 'x-content-sha256']) {
        const v = upstream.headers.get(h);
        if (v) answer[h] = v;
      }
      res.writeHead(upstream.status, answer);
      if (!upstream.body) return void res.end();
      // pipeline settles when the client goes away too, and then stops reading the subgraph.
      await pipeline(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>), res);
    },
  };
}
