import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** How reads are executed: through plans compiled once per document, or by graphql-js each time. */
export type ExecutionMode = 'compiled' | 'graphql-js';

/**
 * Compiled plans kept at most: a client's documents are few (a front end sends the same dozen), and a
 * plan is some tens of kilobytes of generated code, so a flood of distinct documents costs a bounded
 * amount of memory and, past it, the compile each time that graphql-js's own execution would be.
 */
const MAX_PLANS = 500;

/**
 * Apollo Server's supported seam for running operations with an executor of one's own: a gateway that
 * loads the schema and hands back the executor. Apollo still parses, validates, runs the plugins
 * (limits, budgets, error formatting) and writes the answer; only execution is ours.
 *
 * Queries run through a graphql-jit plan compiled on the document's first use and kept (by Apollo's
 * hash of the query text and the operation's name); the answer is what graphql-js gives (tests/server/
 * execution.test.ts runs every operation through both). Mutations stay with graphql-js: they run once
 * each, where compiling would cost more than it saves, and their root fields run in order as the spec
 * says. One difference in timing, not in answers: where a non-null root field fails, graphql-js answers
 * at once and leaves the query's other fields running; a plan answers once they have settled, so no
 * read outlives its request.
 */
export class ExecutionGateway implements GatewayInterface {
  private readonly plans = new Map<string, CompiledQuery>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly mode: ExecutionMode = 'compiled',
  ) {}

  onSchemaLoadOrUpdate(callback: (schema: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    // The schema never changes while the server runs; Apollo reads it once, from this call.
    callback({ apiSchema: this.schema, coreSupergraphSdl: '' });
    return () => undefined;
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: (request) => this.execute(request) };
  }

  async stop(): Promise<void> {
    this.plans.clear();
  }

  private async execute({ document, operation, queryHash, request, context }: Parameters<GatewayExecutor>[0]) {
    // The name the client asked for: Apollo's resolved name is null when none matched.
    const { operationName = null, variables = {} } = request;
    // No operation: the document names none that matches, and graphql-js says so, as Apollo expects.
    if (this.mode === 'compiled' && operation?.operation === 'query') {
      const plan = this.plan(`${queryHash}:${operationName ?? ''}`, document, operationName);
      if (plan) {
        const result = await plan.query(undefined, context, variables);
        // No data: the variables were refused before anything ran. graphql-js refuses them again, cheaply
        // and in its own words, which Apollo reads to answer 400 BAD_USER_INPUT.
        if ('data' in result) return withGraphQLErrors(result);
      }
    }
    return execute({ schema: this.schema, document, contextValue: context, variableValues: variables, operationName });
  }

  /** The document's plan, compiled on first use; null where graphql-jit declines the document. */
  private plan(key: string, document: DocumentNode, operationName: string | null): CompiledQuery | null {
    const kept = this.plans.get(key);
    if (kept) {
      // Most recently used last, so the oldest is the one dropped.
      this.plans.delete(key);
      this.plans.set(key, kept);
      return kept;
    }
    const compiled = compileQuery(this.schema, document, operationName ?? undefined);
    if (!isCompiledQuery(compiled)) return null;
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, compiled);
    return compiled;
  }
}

/**
 * graphql-jit's errors share GraphQLError's prototype but not its constructor: one with no extensions
 * of its own has none at all, where Apollo (and graphql-js) expect an object. Rebuilt as graphql-js
 * builds a located error: the same message, place, path, cause and the cause's extensions.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((error) => {
    const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
    (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
    return rebuilt;
  });
  return { ...result, errors };
}
