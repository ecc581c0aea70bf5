import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../subgraphs/kit/errors';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from '../subgraphs/kit/internal-token';
import type { GatewayContext } from './context';

/**
 * Calls one subgraph on behalf of a request: adds the internal token and the request id,
 * and reports an unreachable subgraph by name so the rest of the response still resolves.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(readonly name: string, url: string) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading have no request context; they carry no principal.
    if (!('internalToken' in context)) return;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, context.internalToken);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /**
   * Reached when a subgraph could not be called or answered with an HTTP error (a GraphQL error
   * in a 200 answer does not come here). Either way the client learns which subgraph failed; the
   * cause, with internal addresses and bodies, stays in originalError for the logs.
   */
  override didEncounterError(error: Error, _req: unknown, response?: { status?: number }): never {
    const why = response === undefined ? 'is unavailable' : `refused the request (HTTP ${response.status})`;
    throw new GraphQLError(`subgraph "${this.name}" ${why}; the fields it serves are null`, {
      originalError: error,
      extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, serviceName: this.name },
    });
  }
}
