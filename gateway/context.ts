import type { Logger } from '../platform/logger';
import type { Principal } from '../platform/principal';

/** One gateway request: who asks, its id, and the internal token forwarded to subgraphs. */
export interface GatewayContext {
  principal: Principal;
  requestId: string;
  internalToken: string;
  logger: Logger;
  /** The operation's estimated cost (gateway/cost.ts), once known. */
  cost?: number;
  /** Set for calls of the I-VAN SOAP endpoint, which run through executeOperation (audit: action SOAP). */
  channel?: 'SOAP';
  /** The W3C trace id the SOAP request came with (GraphQL requests' is read from their headers). */
  traceId?: string | null;
}
