import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { Agent, request } from 'undici';
import { DEADLINE_HEADER, deadlineSignal, remainingMs } from '../platform/deadline';
import { ErrorCode } from '../platform/errors';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from '../platform/internal-token';
import type { GatewayContext } from './context';
import type { Answer, AnswerSharing } from './answer-sharing';
import { histogram, LATENCY_BUCKETS } from '../platform/metrics';

/** No subgraph answer is held past this size (the cost limits keep real ones far below it). */
export const MAX_SUBGRAPH_RESPONSE_BYTES = 16 * 1024 * 1024;

class ResponseTooLarge extends Error {}

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/**
 * Connections to the subgraphs: kept alive and pooled per subgraph by undici. Its `request` skips
 * the WHATWG machinery of `fetch` (request and stream objects per call), which showed in the
 * gateway's CPU profile under the I-VAN poll (issue 15).
 */
const pool = new Agent({ keepAliveTimeout: 30_000, connections: 128 });

/**
 * The fetch behind every subgraph call: it stops when the request's deadline passes or its caller
 * leaves (platform/deadline.ts), and stops reading an answer larger than MAX_SUBGRAPH_RESPONSE_BYTES.
 */
const deadlineFetch = (async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
  const res = await request(url, { method: (init.method ?? 'POST') as 'POST', headers: init.headers, body: init.body, signal: deadlineSignal(), dispatcher: pool });
  if (Number(res.headers['content-length'] ?? 0) > MAX_SUBGRAPH_RESPONSE_BYTES) {
    res.body.destroy();
    throw new ResponseTooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_SUBGRAPH_RESPONSE_BYTES) {
      res.body.destroy();
      throw new ResponseTooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return new Response(Buffer.concat(chunks), { status: res.statusCode, headers });
}) as unknown as Fetcher;

const fetchDuration = () =>
  histogram({
    name: 'vss_gateway_subgraph_fetch_duration_seconds', help: 'Subgraph fetches made by the gateway (shared and cached answers excluded), by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'], buckets: LATENCY_BUCKETS,
  });

/** Times one fetch to `subgraph`: `error` when it failed or its answer carries errors. */
async function timed(subgraph: string, fetch: () => Promise<SubgraphResponse>): Promise<SubgraphResponse> {
  const end = fetchDuration().startTimer({ subgraph });
  try {
    const response = await fetch();
    end({ outcome: response.errors?.length ? 'error' : 'ok' });
    return response;
  } catch (err) {
    end({ outcome: 'error' });
    throw err;
  }
}

/**
 * Calls one subgraph on behalf of a request: adds the internal token, the request id and the time
 * left before its deadline, and reports a subgraph that failed by name so the rest still resolves.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(readonly name: string, url: string, private readonly sharing?: AnswerSharing) {
    super({ url, fetcher: deadlineFetch });
    // The subgraphs' Cache-Control decides what the gateway may share (answer-sharing.ts); it is
    // not passed on to clients, whose answers mix private and public fields.
    this.honorSubgraphCacheControlHeader = false;
  }

  /** A query fetch may be answered by an equal one in flight or a cached public answer (answer-sharing.ts). */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request, context } = options;
    const fetch = () => timed(this.name, () => super.process(options));
    if (!this.sharing || !request.query || !('principal' in context)) return fetch();
    const answer = await this.sharing.answer(this.name, { query: request.query, variables: request.variables }, context.principal, async (): Promise<Answer> => {
      const { http, ...body } = await fetch();
      return { text: JSON.stringify(body), cacheControl: http?.headers.get('cache-control') ?? null, hasErrors: Boolean(body.errors?.length) };
    });
    // Each request gets its own objects: the executor writes into what it receives.
    return JSON.parse(answer.text) as SubgraphResponse;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading have no request context; they carry no principal.
    if (!('internalToken' in context)) return;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, context.internalToken);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    const left = remainingMs();
    if (left !== undefined) request.http?.headers.set(DEADLINE_HEADER, String(left));
  }

  /**
   * Reached when a subgraph could not be called, answered with an HTTP error, ran out of time or
   * answered too much (a GraphQL error in a 200 answer does not come here). The client learns which
   * subgraph and why; the cause, with internal addresses and bodies, stays in originalError for logs.
   */
  override didEncounterError(error: Error, _req: unknown, response?: { status?: number }): never {
    const [code, why] =
      error instanceof ResponseTooLarge ? [ErrorCode.RESPONSE_TOO_LARGE, `answered more than ${MAX_SUBGRAPH_RESPONSE_BYTES} bytes; ask for fewer items`]
      : deadlineSignal()?.aborted ? [ErrorCode.GATEWAY_TIMEOUT, "did not answer before the request's deadline"]
      : response === undefined ? [ErrorCode.UPSTREAM_UNAVAILABLE, 'is unavailable']
      : [ErrorCode.UPSTREAM_UNAVAILABLE, `refused the request (HTTP ${response.status})`];
    throw new GraphQLError(`subgraph "${this.name}" ${why}; the fields it serves are null`, {
      originalError: error,
      extensions: { code, serviceName: this.name },
    });
  }
}
