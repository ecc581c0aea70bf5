import { buildSubgraphSchema } from '@apollo/subgraph';
import { fieldPolicies } from '../../platform/authorization';
import { SUBGRAPHS } from '../../platform/config';
import { loadTypeDefs } from '../../platform/subgraph';

/**
 * Issue 17: who may read a field can be read in the schema. Every field of every subgraph's SDL
 * (Query, Mutation and every object type, entity stubs too) says it, on itself or on its type:
 * @public, @authenticated, @requiresScopes or @policy. The subgraphs refuse to start otherwise;
 * this test says so before anything starts.
 */
describe.each(SUBGRAPHS)('schema/%s.graphql', (name) => {
  const fields = fieldPolicies(buildSubgraphSchema({ typeDefs: loadTypeDefs(name) }));

  test('every field has an explicit policy: public, authenticated, a set of scopes or a policy', () => {
    expect(fields.filter((f) => f.policy === null).map((f) => f.coordinate)).toEqual([]);
  });

  test('the walk covers the root fields and every object type', () => {
    const types = new Set(fields.map((f) => f.type.name));
    expect(types.has('Query')).toBe(true);
    expect(fields.length).toBeGreaterThan(40);
  });
});
