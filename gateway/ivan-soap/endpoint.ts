import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import * as soap from 'soap';
import { collect, type HttpRoute } from '../../platform/http';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from '../../platform/internal-token';
import { deadlineSignal, withinDeadline } from '../../platform/deadline';
import { DEFAULT_SCOPES, type Principal } from '../../platform/principal';
import type { Logger } from '../../platform/logger';
import type { GatewayContext } from '../context';
import { checkEnvelope, OPERATIONS, type CheckedEnvelope, type Operation } from './envelope';
import { SoapFault } from './faults';
import { CALLBACK_WSDL_PATH } from '../../adapters/ivan/port';
import { DOCUMENTS, receiptCodeOf, responseOf, soapFieldOf, variablesOf } from './operations';

export const SOAP_PATH = '/ivan/soap';
export const IVAN_WSDL_PATH = path.join(__dirname, 'ivan.wsdl');
const WSDL_TEXT = readFileSync(IVAN_WSDL_PATH, 'utf8');
/** What a partner's SOAP callback endpoint implements to receive status pushes (adapters/ivan). */
const CALLBACK_WSDL_TEXT = readFileSync(CALLBACK_WSDL_PATH, 'utf8');
const SOAP_DOCUMENTS = Object.values(DOCUMENTS);
export { SOAP_DOCUMENTS };

export interface SoapEndpointOptions {
  apollo: ApolloServer<GatewayContext>;
  logger: Logger;
  /** Base URLs of the subgraphs (identity checks the UsernameToken; dossiers renders receipts). */
  urls: Map<string, string>;
  /** The largest envelope read; a larger one is refused with a Fault before it is parsed. */
  maxBytes: number;
  /** The URL partners reach the gateway at (the WSDL's address); by default from the Host header. */
  publicUrl?: string;
  /** Signs the gateway's own call to identity (a token with the ivan:authenticate scope). */
  gatewayToken(requestId: string): Promise<string>;
  /** Charges the provider's fair share and takes a turn (server.ts); answers the release. */
  admit(principal: Principal, req: IncomingMessage, requestId: string): Promise<{ context: GatewayContext; release(): void }>;
  /** Charges a refused message to its address, so guessing credentials is rate limited too. */
  refused(req: IncomingMessage): Promise<void>;
}

/** One SOAP call in flight: the soap package hands our methods its request, keyed by its headers object. */
interface Call {
  context: GatewayContext;
  origin: string;
  fault?: SoapFault;
}

const originOf = (req: IncomingMessage, publicUrl?: string) => publicUrl?.replace(/\/$/, '') ?? `http://${req.headers.host ?? 'localhost'}`;

function send(res: ServerResponse, status: number, xml: string) {
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
  res.end(xml);
}

/** Whatever went wrong, as the Fault a partner's client reads. */
function faultOf(err: unknown, logger: Logger, requestId: string): SoapFault {
  if (err instanceof SoapFault) return err;
  const code = (err as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return SoapFault.of(code, (err as Error).message);
  logger.error('SOAP call failed', { requestId, err });
  return new SoapFault('soap:Server', 'INTERNAL_SERVER_ERROR', `internal error (request ${requestId})`);
}

/**
 * The I-VAN SOAP endpoint (R-INT-1) at /ivan/soap, its WSDL at /ivan/soap?wsdl. A POST is read
 * up to `maxBytes`, checked (envelope.ts), its UsernameToken verified by identity, the provider
 * admitted like a GraphQL client, and then the soap package dispatches it to the operation, which
 * runs as the provider through this gateway's own GraphQL pipeline (operations.ts).
 */
export async function soapRoutes(opts: SoapEndpointOptions): Promise<HttpRoute<GatewayContext>[]> {
  const { apollo, logger, urls } = opts;
  const calls = new WeakMap<object, Call>();

  const subgraphUrl = (name: string, p: string) => {
    const base = urls.get(name);
    if (!base) throw new Error(`no URL for subgraph ${name}`);
    return new URL(p, base);
  };
  const upstreamFailed = (name: string) =>
    deadlineSignal()?.aborted ? SoapFault.of('GATEWAY_TIMEOUT', 'the request ran out of time') : SoapFault.of('UPSTREAM_UNAVAILABLE', `the ${name} service is unavailable; retry later`);

  async function authenticate(token: NonNullable<CheckedEnvelope['token']>, requestId: string): Promise<Principal> {
    let res: Response;
    try {
      res = await fetch(subgraphUrl('identity', '/internal/ws-security'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await opts.gatewayToken(requestId), [REQUEST_ID_HEADER]: requestId },
        body: JSON.stringify(token),
        signal: withinDeadline(AbortSignal.timeout(5_000)),
      });
    } catch {
      throw upstreamFailed('identity');
    }
    const body = (await res.json().catch(() => ({}))) as { username?: string; providerId?: string; errors?: { message: string; extensions?: { code?: string } }[] };
    if (res.ok && body.username && body.providerId) {
      return { client: 'ivan', subject: body.username, scopes: DEFAULT_SCOPES.ivan, ivanProviderId: body.providerId };
    }
    const e = body.errors?.[0];
    if (res.status === 401 && e) throw SoapFault.client('UNAUTHENTICATED', e.message);
    throw upstreamFailed('identity');
  }

  async function receipt(args: unknown, call: Call) {
    const code = receiptCodeOf(args);
    let res: Response;
    try {
      res = await fetch(subgraphUrl('dossiers', `/receipts/${encodeURIComponent(code)}.pdf`), {
        headers: { [INTERNAL_TOKEN_HEADER]: call.context.internalToken, [REQUEST_ID_HEADER]: call.context.requestId },
        signal: withinDeadline(AbortSignal.timeout(10_000)),
      });
    } catch {
      throw upstreamFailed('dossiers');
    }
    if (res.status === 404) throw SoapFault.client('NOT_FOUND', `no dossier ${code} that you filed`);
    if (!res.ok) throw upstreamFailed('dossiers');
    return { MaHoSo: code, TenTep: `${code}.pdf`, NoiDung: Buffer.from(await res.arrayBuffer()).toString('base64') };
  }

  async function run(op: Operation, args: unknown, call: Call) {
    if (op === 'LayBienNhan') return receipt(args, call);
    const variables = variablesOf(op, args);
    const answer = await apollo.executeOperation({ query: DOCUMENTS[op], variables }, { contextValue: call.context });
    if (answer.body.kind !== 'single') throw new Error('unexpected incremental GraphQL answer');
    const { data, errors } = answer.body.singleResult;
    // A partial answer (an agency's name missing while identity is down) is still an answer.
    const field = Object.keys(data ?? {})[0];
    if (errors?.length && (!data || !field || data[field] === null)) throw SoapFault.fromGraphQL(errors[0]!, soapFieldOf);
    const response = responseOf(op, data ?? {}, call.origin);
    if (!response) throw SoapFault.client('NOT_FOUND', `no dossier ${String(variables.code)} that you filed`);
    return response;
  }

  const method = (op: Operation) => async (args: unknown, _callback: unknown, _headers: unknown, req: { headers: object }) => {
    const call = calls.get(req.headers)!;
    try {
      return await run(op, args, call);
    } catch (err) {
      // The endpoint writes every Fault itself (faults.ts), so all of them look the same.
      call.fault = faultOf(err, logger, call.context.requestId);
      throw { Fault: { faultcode: call.fault.faultcode, faultstring: call.fault.message } };
    }
  };
  const services = { IvanHoSoService: { IvanHoSoPort: Object.fromEntries(OPERATIONS.map((op) => [op, method(op)])) } };
  const server = await new Promise<soap.Server>((resolve, reject) => {
    const s = soap.listen(null as never, { path: SOAP_PATH, services, xml: WSDL_TEXT, callback: (err: unknown) => (err ? reject(err as Error) : resolve(s)) });
  });

  return [
    {
      method: 'GET',
      path: /^\/ivan\/callback$/,
      async handle(_req, res) {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(CALLBACK_WSDL_TEXT);
      },
    },
    {
      method: 'GET',
      path: /^\/ivan\/soap$/,
      async handle(req, res) {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(WSDL_TEXT.replace('http://localhost/ivan/soap', `${originOf(req, opts.publicUrl)}${SOAP_PATH}`));
      },
    },
    {
      method: 'POST',
      path: /^\/ivan\/soap$/,
      async handle(req, res) {
        const requestId = String(req.headers[REQUEST_ID_HEADER] ?? '') || 'soap';
        let release: (() => void) | undefined;
        try {
          const { body, tooLarge } = await collect(req, opts.maxBytes).catch(() => ({ body: Buffer.alloc(0), tooLarge: false }));
          if (tooLarge) throw SoapFault.client('PAYLOAD_TOO_LARGE', `the envelope exceeds ${opts.maxBytes} bytes`);
          const xml = body.toString('utf8');
          const envelope = checkEnvelope(xml);
          if (!envelope.token) throw SoapFault.client('UNAUTHENTICATED', 'WS-Security: a UsernameToken with PasswordDigest, Nonce and Created is required');
          const principal = await authenticate(envelope.token, requestId).catch(async (err: unknown) => {
            await opts.refused(req);
            throw err;
          });
          const admitted = await opts.admit(principal, req, requestId);
          release = admitted.release;
          const headers = { 'content-type': 'text/xml; charset=utf-8', ...(req.headers.soapaction ? { soapaction: String(req.headers.soapaction) } : {}) };
          const call: Call = { context: admitted.context, origin: originOf(req, opts.publicUrl) };
          calls.set(headers, call);
          const out = await server.processRequest(xml, { headers, url: SOAP_PATH });
          if (call.fault) throw call.fault;
          send(res, out.statusCode, out.body);
        } catch (err) {
          // SOAP 1.1 over HTTP: every Fault is an HTTP 500.
          send(res, 500, faultOf(err, logger, requestId).toXml());
        } finally {
          release?.();
        }
      },
    },
  ];
}
