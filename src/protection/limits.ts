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

/** Sets of variables whose cost is kept for each operation (QueryLimiter.cost). */
const COSTS_KEPT = 64;

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
  private readonly costs = new WeakMap<OperationDefinitionNode, Map<string, number>>();
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
    const cost = this.cost(operation, fragments, variables);
    if (cost > this.limits.cost) throw queryLimitExceeded('cost', this.limits.cost, cost);
    return { ...shape, cost };
  }

  /**
   * A cost depends on the operation and its variables alone, so it is kept with the operation by the
   * variables sent: a front's repeats (the same path and page size) skip the walk, a few percent of
   * an uncached front's CPU. A few dozen sets of variables are kept per operation; past them, the
   * oldest go first.
   */
  private cost(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown> | undefined): number {
    const key = flatKey(variables ?? {});
    let byVariables = this.costs.get(operation);
    if (!byVariables) this.costs.set(operation, (byVariables = new Map()));
    let cost = key === null ? undefined : byVariables.get(key);
    if (cost === undefined) {
      // The variables as the operation will run with them: its defaults filled in where none were sent.
      const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables ?? {});
      cost = queryCost({ schema: this.schema, operation, fragments, variables: coerced.coerced ?? variables, introspection: this.introspection });
      if (key !== null) {
        if (byVariables.size >= COSTS_KEPT) byVariables.delete(byVariables.keys().next().value!);
        byVariables.set(key, cost);
      }
    }
    return cost;
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

/**
 * Variables as a key, when every value is a string, number, boolean or null, as a read's are (a path,
 * a page size, a cursor); null for any other, whose cost is worked out each time: an object nested
 * thousands deep would overflow a serializer, and inputs are a mutation's, which runs once.
 */
function flatKey(variables: Record<string, unknown>): string | null {
  const names = Object.keys(variables);
  for (const name of names) {
    const value = variables[name];
    if (value !== null && typeof value === 'object') return null;
  }
  return names.length === 0 ? '' : JSON.stringify(variables);
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
