import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../errors/errors';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  const date = typeof value === 'string' && ISO.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw badUserInput(`Expected an ISO-8601 date-time such as 2026-11-26T09:30:00Z, got ${JSON.stringify(value)}.`);
  }
  return date;
}

/** The contract's DateTime: always answered in UTC with milliseconds, accepted with any offset. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time in UTC, e.g. 2026-11-26T09:30:00.000Z.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string | number)).toISOString(),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
