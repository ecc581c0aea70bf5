import { Supergraph } from '@apollo/federation-internals';
import { composeSupergraph, readCommittedSupergraph } from '../../gateway/supergraph';

/**
 * Issue 17: the subgraphs' @authenticated, @requiresScopes and @policy stay out of the supergraph.
 * @apollo/gateway cannot enforce them and refuses a supergraph that carries them; each subgraph
 * enforces its own (platform/authorization.ts).
 */
describe('the supergraph and the authorization directives (issue 17)', () => {
  test('composed with them, the supergraph is one @apollo/gateway refuses to load (features for: SECURITY)', () => {
    const withAuthorization = composeSupergraph({ authorization: true });
    expect(withAuthorization).toMatch(/@requiresScopes\(scopes: \[\["statistics:read"\]\]\)/);
    expect(() => Supergraph.build(withAuthorization)).toThrow('https://specs.apollo.dev/requiresScopes/v0.1 is for: SECURITY but is unsupported');
  });

  test('the committed supergraph leaves them out, keeps every type and field, and passes the gateway\'s check', () => {
    const committed = readCommittedSupergraph();
    expect(committed).not.toMatch(/@authenticated|@requiresScopes|@policy/);
    expect(() => Supergraph.build(committed)).not.toThrow();
    const fieldsOf = (sdl: string) => Supergraph.build(sdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema().getTypeMap();
    expect(Object.keys(fieldsOf(committed)).sort()).toEqual(Object.keys(fieldsOf(composeSupergraph({ authorization: true }))).sort());
  });
});
