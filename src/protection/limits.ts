import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getVariableValues,
  Kind,
  Lexer,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { queryLimitExceeded, type QueryLimitName } from '../errors/errors';
import { introspectionSizes, queryCost, type IntrospectionSizes } from './cost';

/** The most a single request may ask for (README, "Query limits"). */
export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { depth: 10, aliases: 15, directives: 25, tokens: 2_000, cost: 5_000 };

/** What a query asks for, measured against each limit. */
export interface QueryMeasure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

type ShapeLimit = Exclude<QueryLimitName, 'tokens' | 'cost'>;

/**
 * Measures operations against the limits before anything runs. Depth, aliases and directives are
 * GraphQL Armor's rules (fragments followed once each, cyclic ones too; a field called `__schema` is
 * exempt from depth only, as the introspection query's type references nest deep, but its cost still
 * counts). Armor's cost rule reads neither variables nor list sizes, so the cost is ours (cost.ts).
 * The shape of a document never changes, so its measure is kept with the parsed document, which
 * Apollo keeps and hands back for every repeat of the same text.
 */
export class QueryLimiter {
  private readonly shapes = new WeakMap<DocumentNode, Map<string, Record<ShapeLimit, number>>>();
  private readonly rules: Record<ShapeLimit, (found: (n: number) => void) => ValidationRule>;
  private readonly introspection: IntrospectionSizes;

  constructor(
    private readonly schema: GraphQLSchema,
    readonly limits: QueryLimits,
  ) {
    this.introspection = introspectionSizes(schema);
    // n: -1 makes every rule report what it found, which is then compared here.
    const report = (found: (n: number) => void) => ({
      n: -1,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [(_context: unknown, error: GraphQLError) => found(Number(/found (\d+)/.exec(error.message)?.[1] ?? Number.NaN))],
    });
    this.rules = {
      depth: (found) => maxDepthRule({ ...report(found), flattenFragments: true, ignoreIntrospection: true }),
      aliases: (found) => maxAliasesRule({ ...report(found), allowList: [] }),
      directives: (found) => maxDirectivesRule(report(found)),
    };
  }

  /** Measures the operation the request runs; throws the error of the first limit it is over. */
  check(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): QueryMeasure {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    const shape = this.shape(document, operation, fragments);
    for (const limit of ['depth', 'aliases', 'directives'] as const) {
      if (shape[limit] > this.limits[limit]) throw queryLimitExceeded(limit, this.limits[limit], shape[limit]);
    }
    // The variables as the operation will run with them: its defaults filled in where none were sent.
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables ?? {});
    const values = coerced.coerced ?? variables;
    const cost = queryCost({ schema: this.schema, operation, fragments, variables: values, introspection: this.introspection });
    if (cost > this.limits.cost) throw queryLimitExceeded('cost', this.limits.cost, cost);
    return { ...shape, cost };
  }

  private shape(document: DocumentNode, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): Record<ShapeLimit, number> {
    let byOperation = this.shapes.get(document);
    if (!byOperation) this.shapes.set(document, (byOperation = new Map()));
    const name = operation.name?.value ?? '';
    let shape = byOperation.get(name);
    if (!shape) {
      const found = { depth: 0, aliases: 0, directives: 0 };
      // Only the operation that runs counts, with the fragments it may spread.
      const alone: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...Object.values(fragments)] };
      validate(this.schema, alone, (['depth', 'aliases', 'directives'] as const).map((limit) => this.rules[limit]((n) => (found[limit] = n))));
      shape = found;
      byOperation.set(name, shape);
    }
    return shape;
  }
}

/** Tokens in a query text, for the refusal of one over the limit (the parser stops at the limit). */
export function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error ends the count; what came before it is what the query asked for.
  }
  return count;
}

/** The parser's own refusal of a document over `maxTokens` (graphql-js's wording). */
export function isTokenLimitError(message: string): boolean {
  return /^Syntax Error: Document contains more th\w+ \d+ tokens/.test(message);
}
