import { Supergraph } from '@apollo/federation-internals';
import { getIntrospectionQuery, parse } from 'graphql';
import { createCostEstimator, readCostModel, unpricedLists } from '../../gateway/cost';
import { DEFAULT_BUDGETS } from '../../gateway/budgets';
import { readCommittedSupergraph } from '../../gateway/supergraph';

/** The cost model read from the supergraph's @listSize / @cost directives (issue 13, R-Q-1). */
const sdl = readCommittedSupergraph();
const schema = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
const model = readCostModel(sdl);
const estimate = (query: string, variables?: Record<string, unknown>) => createCostEstimator(model)(schema, parse(query), undefined, variables);

test('every list of objects in the supergraph is priced by @listSize, or sized by its connection', () => {
  expect(unpricedLists(schema, model)).toEqual([]);
});

test("the I-VAN status poll costs one per object it reaches across subgraphs, far inside a partner's budget", () => {
  const poll = '{ dossier(code: "X") { code status procedure { code name } handlingAgency { code name } } }';
  expect(estimate(poll)).toBe(3);
  expect(estimate(poll)).toBeLessThan(DEFAULT_BUDGETS.ivan.maxCost / 100);
});

test('a connection costs its page size times an item: `first` when given, the default page size when not', () => {
  expect(estimate('{ dossiers { edges { node { code } } } }')).toBe(1 + 20 * 2);
  expect(estimate('{ dossiers(first: 5) { edges { node { code } } } }')).toBe(1 + 5 * 2);
  expect(estimate('query($n: Int) { dossiers(first: $n) { edges { node { code } } } }', { n: 50 })).toBe(1 + 50 * 2);
  // A plain list with its assumed size: 30 history entries a dossier.
  expect(estimate('{ dossier(code: "X") { history { status } } }')).toBe(1 + 30);
});

test('nested connections multiply across subgraphs, and aliases add up, so a cost bomb is priced as one', () => {
  const nested = '{ dossiers(first: 100) { edges { node { handlingAgency { dossiers(first: 100) { edges { node { code } } } } } } } }';
  expect(estimate(nested)).toBe(1 + 100 * (1 + 1 + 1 + (1 + 100 * 2)));
  expect(estimate(nested)).toBeGreaterThan(DEFAULT_BUDGETS.dashboard.maxCost);
  const aliased = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: dossiers(first: 100) { edges { node { code } } }`).join(' ')} }`;
  expect(estimate(aliased)).toBe(10 * (1 + 100 * 2));
});

test('fragments are priced where they are spread, and @skip(if: true) removes what it skips', () => {
  const withFragment = 'fragment D on Dossier { code handlingAgency { code } } { dossiers(first: 10) { edges { node { ...D } } } }';
  expect(estimate(withFragment)).toBe(1 + 10 * (1 + 1 + 1));
  expect(estimate('{ dossiers(first: 10) { edges { node { code handlingAgency @skip(if: true) { code } } } } }')).toBe(1 + 10 * 2);
});

test('a weighted field costs its @cost weight: figures are dearer than a plain list', () => {
  expect(estimate('{ dossierFigures(from: "2026-01", to: "2026-02") { received } }')).toBe(100 * 20);
});

test('issue 18: introspection costs nothing (the gateway answers it from memory, and not in production), so GraphiQL gets its schema', () => {
  expect(estimate(getIntrospectionQuery())).toBe(0);
  expect(estimate('{ __type(name: "Dossier") { fields { name type { name ofType { name } } } } }')).toBe(0);
  // A real field beside it is still priced.
  expect(estimate('{ __schema { types { name } } dossiers(first: 5) { edges { node { code } } } }')).toBe(1 + 5 * 2);
});
