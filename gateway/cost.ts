import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isLeafType,
  isListType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What an operation would cost, estimated before it is planned (issue 13). The model lives in the
 * subgraph schemas as Federation's demand-control directives, next to the fields they price:
 * `@listSize(assumedSize, slicingArguments, sizedFields)` on every list and connection, and
 * `@cost(weight)` where one item is dearer than usual. Composition copies them into the
 * supergraph, which is where this reads them. The rules, as Apollo Router's demand control has
 * them: an object costs 1 (its `@cost` weight when it has one), a scalar or enum 0, a mutation 10;
 * a list costs its size times an item, the size being its slicing argument (`first`) when given,
 * else its assumed size (the page size a connection serves by default). A connection's size applies
 * to its `sizedFields` (edges), so lists multiply down the tree, across subgraphs.
 * graphql-query-complexity walks the operation (fragments, @skip/@include, variables).
 */
interface FieldCost {
  weight?: number;
  assumedSize?: number;
  slicingArguments?: string[];
  /** A connection's lists whose size is the connection's. */
  sizedFields?: string[];
}

/** Lists without @listSize (a test keeps every list of objects annotated) are assumed this long. */
const UNKNOWN_LIST_SIZE = 100;
const MUTATION_WEIGHT = 10;

function argumentValue(directive: ConstDirectiveNode, name: string): unknown {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const v = arg.value;
  if (v.kind === Kind.INT) return Number(v.value);
  if (v.kind === Kind.LIST) return v.values.flatMap((x) => (x.kind === Kind.STRING ? [x.value] : []));
  return undefined;
}

/** `Type.field` → its pricing, from the directives in the supergraph SDL. */
export function readCostModel(supergraphSdl: string | DocumentNode): Map<string, FieldCost> {
  const doc = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const model = new Map<string, FieldCost>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      const cost: FieldCost = {};
      for (const d of field.directives ?? []) {
        if (d.name.value === 'cost') cost.weight = argumentValue(d, 'weight') as number;
        if (d.name.value === 'listSize') {
          cost.assumedSize = argumentValue(d, 'assumedSize') as number | undefined;
          cost.slicingArguments = argumentValue(d, 'slicingArguments') as string[] | undefined;
          cost.sizedFields = argumentValue(d, 'sizedFields') as string[] | undefined;
        }
      }
      if (Object.keys(cost).length) model.set(`${def.name.value}.${field.name.value}`, cost);
    }
  }
  return model;
}

/** Lists sized by their connection (`DossierConnection.edges`): they count once per page item. */
function sizedByConnection(schema: GraphQLSchema, model: Map<string, FieldCost>): Set<string> {
  const sized = new Set<string>();
  for (const [key, cost] of model) {
    const [typeName, fieldName] = key.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
    if (field) for (const name of cost.sizedFields ?? []) sized.add(`${getNamedType(field.type).name}.${name}`);
  }
  return sized;
}

export function createCostEstimator(model: Map<string, FieldCost>) {
  let sizedByParent: Set<string> | undefined;

  const sizeOf = (cost: FieldCost | undefined, args: Record<string, unknown>): number => {
    for (const name of cost?.slicingArguments ?? []) {
      const v = args[name];
      if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, v);
    }
    return cost?.assumedSize ?? UNKNOWN_LIST_SIZE;
  };

  const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    // Introspection (__schema, __type) is answered by the gateway from the schema it holds, reaching
    // no subgraph, and is off in production; priced by list sizes it would cost millions and refuse
    // GraphiQL its schema (issue 18). GraphQL Armor's depth rule skips __schema for the same reason.
    if (field.name.startsWith('__')) return 0;
    const key = `${type.name}.${field.name}`;
    const cost = model.get(key);
    const leaf = isLeafType(getNamedType(field.type));
    const weight = cost?.weight ?? (type.name === 'Mutation' ? MUTATION_WEIGHT : leaf ? 0 : 1);
    if (cost?.sizedFields) return weight + sizeOf(cost, args) * childComplexity;
    const list = isListType(getNullableType(field.type));
    if (!list || leaf || sizedByParent?.has(key)) return weight + childComplexity;
    return sizeOf(cost, args) * (weight + childComplexity);
  };

  /** The operation's estimated cost; throws a GraphQLError for an operation it cannot price. */
  return function estimate(schema: GraphQLSchema, query: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number {
    sizedByParent ??= sizedByConnection(schema, model);
    // maxQueryNodes bounds the walk itself: a fragment bomb is refused, not expanded.
    return getComplexity({ schema, query, operationName, variables: variables ?? {}, estimators: [estimator], maxQueryNodes: 5000 });
  };
}

/** Every list of objects in the schema that nothing prices (a test keeps this empty). */
export function unpricedLists(schema: GraphQLSchema, model: Map<string, FieldCost>): string[] {
  const sized = sizedByConnection(schema, model);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || type.name === 'Mutation' || isInputObjectType(type) || !('getFields' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const cost = model.get(key);
      const objectList = isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));
      if (objectList && cost?.assumedSize === undefined && !sized.has(key)) missing.push(key);
    }
  }
  return missing;
}
