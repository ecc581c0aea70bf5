import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { readCommittedSupergraph, supergraphForGateway } from '../../gateway/supergraph';

/**
 * Issue 17: the committed supergraph carries the subgraphs' @authenticated, @requiresScopes and
 * @policy. @apollo/gateway cannot enforce them and refuses such a supergraph; it is given the same
 * one without them, while each subgraph enforces its own.
 */
describe('the supergraph the gateway loads (issue 17)', () => {
  const committed = readCommittedSupergraph();
  const forGateway = supergraphForGateway(committed);

  test("@apollo/gateway's own check refuses the committed supergraph's authorization features and accepts the gateway's copy", () => {
    expect(() => Supergraph.build(committed)).toThrow('https://specs.apollo.dev/requiresScopes/v0.1 is for: SECURITY but is unsupported');
    expect(() => Supergraph.build(forGateway)).not.toThrow();
  });

  test('only the authorization features are left out: every type and field the gateway plans with is kept', () => {
    expect(forGateway).not.toMatch(/authenticated|requiresScopes|policy__|@policy/);
    const shape = (sdl: string) =>
      parse(sdl).definitions.flatMap((d) => ('fields' in d && d.fields ? d.fields.map((f) => `${d.name.value}.${f.name.value}`) : []));
    expect(shape(forGateway)).toEqual(shape(committed));
    expect(committed).toMatch(/@requiresScopes\(scopes: \[\["statistics:read"\]\]\)/);
  });
});
