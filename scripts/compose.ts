// Composes schema/<subgraph>.graphql into schema/supergraph.graphql (committed; the gateway loads it).
import { writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '../gateway/supergraph';

try {
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
  console.log(`wrote ${SUPERGRAPH_PATH}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
