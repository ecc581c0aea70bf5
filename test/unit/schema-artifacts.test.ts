import { composeSupergraph, readCommittedSupergraph } from '../../gateway/supergraph';
import { staleGeneratedFiles } from '../../scripts/lib/codegen';

describe('schema artifacts', () => {
  test('the five subgraph SDL files compose, and schema/supergraph.graphql is what they compose to (run npm run compose)', () => {
    expect(readCommittedSupergraph()).toBe(composeSupergraph());
  });

  test('generated resolver types match codegen.yml and the SDL (run npm run codegen)', async () => {
    expect(await staleGeneratedFiles()).toEqual([]);
  });
});
