import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { HttpRoute } from '../subgraphs/kit/http';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from '../subgraphs/kit/internal-token';
import { appError, ErrorCode } from '../subgraphs/kit/errors';
import type { GatewayContext } from './context';

/**
 * Serves a file route of one subgraph through the gateway (e.g. GET /receipts/<code>.pdf from
 * dossiers): the caller is authenticated here as for GraphQL, and the subgraph receives the
 * internal token and decides what the caller may read.
 */
export function forwardRoute(path: RegExp, subgraph: string, urls: Map<string, string>): HttpRoute<GatewayContext> {
  return {
    method: 'GET',
    path,
    async handle(req, res, _match, context) {
      const ctx = await context();
      const base = urls.get(subgraph);
      if (!base) throw new Error(`no URL for subgraph ${subgraph}`);
      let upstream: Response;
      try {
        upstream = await fetch(new URL(req.url ?? '/', base), {
          headers: { [INTERNAL_TOKEN_HEADER]: ctx.internalToken, [REQUEST_ID_HEADER]: ctx.requestId },
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, `subgraph "${subgraph}" is unavailable`);
      }
      const headers: Record<string, string> = {};
      for (const h of ['content-type', 'content-length', 'content-disposition']) {
        const v = upstream.headers.get(h);
        if (v) headers[h] = v;
      }
      res.writeHead(upstream.status, headers);
      if (!upstream.body) return void res.end();
      await new Promise<void>((resolve, reject) => {
        Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>).on('error', reject).pipe(res).on('finish', resolve);
      });
    },
  };
}
