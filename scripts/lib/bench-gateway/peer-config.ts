import { DEFAULT_PORTS, envReader, SUBGRAPHS, type SubgraphName } from '../../../platform/config';

/**
 * What the peer gateways of bench:gateway (stock Apollo, Hive) read at start: their port, and the
 * subgraph URLs the way our gateway reads them (SUBGRAPH_<NAME>_URL, else npm start's ports), so
 * all of them call the same subgraphs.
 */
export function peerConfig() {
  const e = envReader();
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((n) => [n, e.url(`SUBGRAPH_${n.toUpperCase()}_URL`, `http://127.0.0.1:${DEFAULT_PORTS[n]}/graphql`)]),
  ) as Record<SubgraphName, string>;
  return {
    port: e.port('PORT', 0),
    subgraphUrls,
    /** Hive only: the HTTP transport's deduplication of identical in-flight subgraph queries (its default: on). */
    dedup: e.oneOf('GATEWAY_DEDUP', ['on', 'off'] as const, 'on') === 'on',
  };
}
