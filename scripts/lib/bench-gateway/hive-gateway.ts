// Hive Gateway for bench:gateway (issue 15): @graphql-hive/gateway's runtime with its defaults on
// the committed supergraph and the same subgraphs as ours, served by node:http. The caller sends
// the internal token itself, signed by the benchmark; header propagation passes it to every
// subgraph call. Its deduplication of identical in-flight subgraph queries is on (its default)
// unless GATEWAY_DEDUP=off. Run as a child process by the benchmark, a process of its own like ours.
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { INTERNAL_TOKEN_HEADER } from '../../../platform/internal-token';
import { SUPERGRAPH_PATH } from '../../../gateway/supergraph';
import { peerConfig } from './peer-config';

const config = peerConfig();
const gateway = createGatewayRuntime({
  supergraph: SUPERGRAPH_PATH,
  logging: 'error',
  transportEntries: {
    ...Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }])),
    '*.http': { options: { deduplicateInflightRequests: config.dedup } },
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ [INTERNAL_TOKEN_HEADER]: request.headers.get(INTERNAL_TOKEN_HEADER) }),
  },
});
const server = createServer(gateway);
server.listen(config.port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`hive gateway listening on ${typeof address === 'object' && address ? address.port : address}, dedup ${config.dedup ? 'on' : 'off'}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
  });
}
