// The stock gateway of bench:gateway (issue 15): @apollo/gateway and @apollo/server with their
// defaults, on the committed supergraph and the same subgraphs as ours. It adds nothing of ours
// (no JWT, no limits, no deadlines); the caller sends the internal token itself, signed by the
// benchmark, and it is copied to every subgraph call, since subgraphs accept nothing else.
// Run as a child process by the benchmark, so it has a process (and a CPU) of its own like ours.
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { SubgraphName } from '../../../platform/config';
import { INTERNAL_TOKEN_HEADER } from '../../../platform/internal-token';
import { readCommittedSupergraph } from '../../../gateway/supergraph';
import { peerConfig } from './peer-config';

interface Context {
  internalToken?: string;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    // Health checks and schema loading run without a request context.
    if ('internalToken' in context && context.internalToken) request.http?.headers.set(INTERNAL_TOKEN_HEADER, context.internalToken);
  }
}

async function main() {
  const config = peerConfig();
  const gateway = new ApolloGateway({
    supergraphSdl: readCommittedSupergraph(),
    buildService: ({ name, url }) => new ForwardingDataSource({ url: config.subgraphUrls[name as SubgraphName] ?? url }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: '127.0.0.1' },
    context: async ({ req }) => {
      const token = req.headers[INTERNAL_TOKEN_HEADER];
      return { internalToken: typeof token === 'string' ? token : undefined };
    },
  });
  console.log(`stock gateway listening on ${url}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void server.stop().then(() => process.exit(0)));
}

main().catch((err: unknown) => {
  console.error(`stock gateway: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
