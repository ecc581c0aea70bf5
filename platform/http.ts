import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { withRequestId, type Logger } from './logger';
import { appError, ErrorCode, HTTP_STATUS, type ErrorMapper } from './errors';
import { REQUEST_ID_HEADER } from './internal-token';
import { withDeadline } from './deadline';
import { createShedder, type SheddingLimits } from './shedding';
import { isLoopback, observeHttp, registry } from './metrics';

/**
 * A small Node http front for Apollo Server, shared by the gateway and every subgraph:
 * `/graphql`, `/healthz`, request ids and one access-log line per request. No web framework:
 * Apollo's own integration API is all that is needed.
 */
/**
 * A route beside /graphql (a file download, a webhook). `context()` authenticates the caller the
 * same way GraphQL requests are; a route that has its own authentication may skip it.
 */
export interface HttpRoute<C> {
  method: 'GET' | 'POST' | 'PUT';
  path: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray, context: () => Promise<C>): Promise<void>;
}

export interface HttpAppOptions<C extends BaseContext> {
  service: string;
  apollo: ApolloServer<C>;
  logger: Logger;
  context(req: IncomingMessage, requestId: string): Promise<C>;
  /** Each dependency's and background worker's state; any value other than "ok" makes /readyz answer 503. */
  ready(): Promise<Record<string, string>>;
  /** The /metrics text; the process's own registry unless given (the gateway sums its workers'). */
  metrics?(): Promise<string>;
  /** Whether the main port serves /metrics to loopback callers; false once an admin port does (METRICS_PORT). */
  metricsOnLoopback?: boolean;
  routes?: HttpRoute<C>[];
  /**
   * Decides, before any work, whether a request may start (it may throw: 401, 429) and how long
   * it may take; `release` runs when it ends. Health checks skip it.
   */
  admit(req: IncomingMessage): Promise<Admission>;
  /** When to turn requests away with 503 (platform/shedding.ts); the defaults otherwise. */
  shedding?: SheddingLimits;
  /** The largest GraphQL response body sent; a larger one is replaced by RESPONSE_TOO_LARGE. */
  maxResponseBytes?: number;
  /** Turns an error a route threw that is not ours (an adapter's) into a GraphQL error with one of our codes. */
  mapError?: ErrorMapper;
  /** Runs first on every request (CORS); returns true when it answered the request itself. */
  preflight?(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Public files answered before admission (platform/static-files.ts); each returns true when it answered. */
  statics?: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>)[];
}

export interface Admission {
  deadlineMs: number;
  release?(): void;
}

/** Seconds a shed or rate-limited client is asked to wait. */
const SHED_RETRY_AFTER_SECONDS = 2;
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * A refusal of a whole HTTP request (a route, the door) with its status, headers and, when a
 * client should branch on it, its code. Ours, not `http-errors`': that package would replace only
 * this class, while the mapping below (our codes to statuses, the GraphQL-shaped body, Retry-After,
 * the bare 500) stays ours either way; and its `expose` rule hides every 5xx message, where
 * partners must read ours (which upstream is down, when to retry an overloaded service).
 */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}, readonly code?: string) {
    super(message);
  }
}

/**
 * A body of at most `maxBytes`. A larger one is read on to its end (up to 4 × the limit, discarded)
 * before it is refused, so the client reads the answer rather than a reset connection.
 */
export async function collect(req: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 4 * maxBytes) break;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return { body: Buffer.concat(chunks), tooLarge: size > maxBytes };
}

/** A JSON or text body of at most MAX_BODY_BYTES; one that stops half-way is the client's going away, not our error. */
export async function readBody(req: IncomingMessage): Promise<string> {
  let read: Awaited<ReturnType<typeof collect>>;
  try {
    read = await collect(req, MAX_BODY_BYTES);
  } catch {
    throw new HttpError(400, 'the request body ended before it was complete');
  }
  if (read.tooLarge) throw new HttpError(413, `request body exceeds ${MAX_BODY_BYTES} bytes`, { connection: 'close' }, ErrorCode.PAYLOAD_TOO_LARGE);
  return read.body.toString('utf8');
}

export const fileTooLarge = (maxBytes: number) =>
  appError(ErrorCode.PAYLOAD_TOO_LARGE, `the file is larger than the limit of ${maxBytes} bytes`, { maxBytes });

/** A binary body (a file) of at most `maxBytes`; a larger one is PAYLOAD_TOO_LARGE. */
export async function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const { body, tooLarge } = await collect(req, maxBytes);
  if (tooLarge) throw fileTooLarge(maxBytes);
  return body;
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
type Probes = Pick<HttpAppOptions<BaseContext>, 'service' | 'ready' | 'metrics'>;

/**
 * Answers the operator's paths (issue 16), before anything else so they stay visible under load:
 * `/healthz` (liveness: the process answers, no I/O), `/readyz` (its database, Redis and
 * background workers; 503 naming what is not ready) and `/metrics` (Prometheus text, only to
 * `metricsAllowed` callers). Answers whether it handled the request.
 */
async function answerProbe(req: IncomingMessage, res: ServerResponse, path: string, probes: Probes, metricsAllowed: boolean): Promise<boolean> {
  if (req.method !== 'GET') return false;
  if (path === '/healthz') {
    sendJson(res, 200, { status: 'ok', service: probes.service });
    return true;
  }
  if (path === '/readyz') {
    const checks = await probes.ready();
    const ok = Object.values(checks).every((v) => v === 'ok');
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', service: probes.service, checks });
    return true;
  }
  if (path === '/metrics' && metricsAllowed) {
    const body = await (probes.metrics ?? (() => registry.metrics()))();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(body);
    return true;
  }
  return false;
}

/** The admin port (METRICS_PORT): /healthz, /readyz and /metrics to whoever reaches it, nothing else. */
export function createAdminApp(probes: Probes): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    answerProbe(req, res, path, probes, true).then(
      (answered) => answered || sendJson(res, 404, { error: 'the admin port serves /healthz, /readyz and /metrics' }),
      () => sendJson(res, 500, { error: 'internal error' }),
    );
  });
}

export function createHttpApp<C extends BaseContext>(opts: HttpAppOptions<C>): http.Server {
  const { apollo, logger } = opts;
  const shedder = createShedder(opts.shedding);
  const maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  /** No single answer may hold more than maxResponseBytes (the cost limits keep this rare). */
  function capped(body: string): string {
    if (body.length <= maxResponseBytes / 4 || Buffer.byteLength(body) <= maxResponseBytes) return body;
    const message = `the response would exceed ${maxResponseBytes} bytes; ask for fewer items or fields`;
    return JSON.stringify({ data: null, errors: [{ message, extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maxBytes: maxResponseBytes } }] });
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const text = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new HttpError(400, 'request body is not valid JSON');
      }
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => opts.context(req, requestId),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(capped(result.body.string));
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
    return body && typeof body === 'object' && 'operationName' in body ? (body as { operationName?: unknown }).operationName : undefined;
  }

  const server = http.createServer((req, res) => {
    const requestId = requestIdOf(req);
    withRequestId(requestId, () => serve(req, res, requestId));
  });

  function serve(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const started = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // Found before admission, so that refused requests (401, 429, 503) count under their route too.
    const found = path === '/graphql' ? undefined : (opts.routes ?? []).map((r) => ({ r, match: req.method === r.method ? r.path.exec(path) : null })).find((f) => f.match);
    // The route's first segment (/receipts, /uploads, …): one of ours, never the caller's text.
    const routeLabel = path === '/graphql' || PROBE_PATHS.has(path) ? path : found ? `/${path.split('/')[1]}` : 'unmatched';
    const done = (operationName?: unknown) => {
      observeHttp(routeLabel, req.method, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
      logger.info('request', {
        method: req.method,
        path,
        status: res.statusCode,
        operationName: typeof operationName === 'string' ? operationName : undefined,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    };

    const route = async (): Promise<unknown> => {
      if (path === '/graphql') return graphql(req, res, requestId);
      if (found) return found.r.handle(req, res, found.match!, () => opts.context(req, requestId));
      sendJson(res, 404, { error: `no route ${path}; GraphQL is served at /graphql` });
      return undefined;
    };

    const handle = async () => {
      // Probes first and cheap: answered even while everything else is shed. On the main port,
      // metrics are for this machine only (an operator's scraper uses METRICS_PORT).
      if (await answerProbe(req, res, path, opts, opts.metricsOnLoopback !== false && isLoopback(req))) return undefined;
      if (await opts.preflight?.(req, res)) return undefined;
      for (const serve of opts.statics ?? []) if (await serve(req, res)) return undefined;
      const pressure = shedder.enter();
      if (pressure) {
        throw new HttpError(503, `the service is overloaded (${pressure}); retry in ${SHED_RETRY_AFTER_SECONDS} s`, {
          'retry-after': String(SHED_RETRY_AFTER_SECONDS),
        }, ErrorCode.OVERLOADED);
      }
      try {
        const admission = await opts.admit(req);
        // The work stops at the deadline, or as soon as the caller goes away.
        const gone = new AbortController();
        res.once('close', () => {
          if (!res.writableFinished) gone.abort();
        });
        try {
          return await withDeadline(admission.deadlineMs, gone.signal, route);
        } finally {
          admission.release?.();
        }
      } finally {
        shedder.leave();
      }
    };

    handle().then(done, (thrown: unknown) => {
      const err = opts.mapError?.(thrown) ?? thrown;
      // Everything a GraphQL error would carry (code, field, inputErrors) except transport hints.
      const extensions = { ...(err as { extensions?: Record<string, unknown> }).extensions };
      delete extensions.http;
      if (err instanceof HttpError && err.code) extensions.code = err.code;
      const code = extensions.code;
      const status = err instanceof HttpError ? err.status : HTTP_STATUS[String(code)] ?? 500;
      if (status === 500) logger.error('request failed', { err });
      const message = status === 500 ? 'internal error' : (err as Error).message;
      if (!res.headersSent) {
        const retryAfter = typeof extensions.retryAfterSeconds === 'number' ? { 'retry-after': String(extensions.retryAfterSeconds) } : {};
        for (const [k, v] of Object.entries({ ...retryAfter, ...(err instanceof HttpError ? err.headers : {}) })) res.setHeader(k, v);
        sendJson(res, status, { errors: [{ message, ...(code && status !== 500 ? { extensions } : code ? { extensions: { code } } : {}) }] });
      } else res.end();
      done();
    });
  }
  server.once('close', () => shedder.stop());
  return server;
}

/** Listens and resolves with the bound port (useful with port 0 in tests). */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting, lets requests in flight finish for up to `graceMs`, then cuts what is left. */
export function closeServer(server: http.Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
