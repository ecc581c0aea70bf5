import { DEFAULT_PORTS, readEnv, setting, SUBGRAPHS, subgraphUrlVariable, type SubgraphName, type SubgraphUrlVariable } from '../../../platform/config';

/**
 * What the peer gateways of bench:gateway (stock Apollo, Hive) read at start: their port, and the
 * subgraph URLs the way our gateway reads them (SUBGRAPH_<NAME>_URL, else npm start's ports), so
 * all of them call the same subgraphs.
 */
export function peerConfig() {
  const urlOf = (n: SubgraphName) => setting.url(`http://127.0.0.1:${DEFAULT_PORTS[n]}/graphql`);
  const e = readEnv({
    ...(Object.fromEntries(SUBGRAPHS.map((n) => [subgraphUrlVariable(n), urlOf(n)])) as Record<SubgraphUrlVariable, ReturnType<typeof urlOf>>),
    PORT: setting.port(0),
    GATEWAY_DEDUP: setting.oneOf(['on', 'off'], 'on'),
  });
  return {
    port: e.PORT,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((n) => [n, e[subgraphUrlVariable(n)]])) as Record<SubgraphName, string>,
    /** Hive only: the HTTP transport's deduplication of identical in-flight subgraph queries (its default: on). */
    dedup: e.GATEWAY_DEDUP === 'on',
  };
}
