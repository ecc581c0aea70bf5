import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from './errors';

function toDate(value: unknown): Date {
  const d = typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string)) {
    throw badInput(`DateTime must be an ISO 8601 string with time and offset, e.g. 2026-11-26T08:00:00+07:00; got ${JSON.stringify(value)}`);
  }
  return d;
}

/** ISO 8601 instants on the wire, Date objects inside. */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an ISO 8601 string, e.g. 2026-11-26T01:00:00.000Z.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    return toDate(value).toISOString();
  },
  parseValue: toDate,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? toDate(ast.value) : toDate(undefined)),
});
