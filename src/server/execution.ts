import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from '../context';
import type { Metrics } from '../observability/metrics';

/** How reads are executed: through plans compiled once per document, or by graphql-js each time. */
export type ExecutionMode = 'compiled' | 'graphql-js';

/**
 * Compiled plans kept at most: a client's documents are few (a front end sends the same dozen), and a
 * plan is some tens of kilobytes of generated code, so a flood of distinct documents costs a bounded
 * amount of memory and, past it, a compile each time.
 */
const MAX_PLANS = 500;

/**
 * Queries answered through a graphql-jit plan, compiled on the document's first use and kept (by
 * Apollo's hash of the query text and the operation's name). Apollo still parses, validates, runs the
 * protection's limits and budgets, and writes the answer; this plugin answers in its
 * `responseForOperation` hook, Apollo's supported way to answer an operation without its executor.
 *
 * Only a plan's clean answers are sent: an answer with errors (variables refused, a field that failed,
 * a null that spread) is dropped and the query runs again through graphql-js, which answers in its own
 * words through Apollo's error formatting. Reads change nothing, the second run finds its loaders
 * primed, and errors are the exception on a read path; in exchange, every answer is what graphql-js
 * gives (tests/server/execution.test.ts runs every operation through both). Mutations stay with
 * graphql-js: each runs once, where a compile would cost more than it saves. A plan waits for all its
 * fields to settle, where graphql-js answers as soon as a non-null root field fails, so no read of a
 * plan outlives its request.
 *
 * Apollo's gateway interface also takes an executor of one's own, but its per-request context kept
 * each answer reachable for longer: scavenges took 2.4 times as long and a front's peak RSS went from
 * 154 to 279 MB, which cost more than the plans saved.
 */
export function compiledExecutionPlugin(schema: GraphQLSchema, metrics: Metrics): ApolloServerPlugin<Context> {
  const plans = new Map<string, CompiledQuery>();
  const plan = (key: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    const kept = plans.get(key);
    if (kept) {
      // Most recently used last, so the oldest is the one dropped.
      plans.delete(key);
      plans.set(key, kept);
      return kept;
    }
    const compiled = compileQuery(schema, document, operationName);
    if (!isCompiledQuery(compiled)) return null;
    if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(key, compiled);
    return compiled;
  };
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, queryHash, request, contextValue }) {
          // Apollo asks even when the document holds no operation of the name asked for; graphql-js says so.
          if (operation?.operation !== 'query') return null;
          const compiled = plan(`${queryHash}:${request.operationName ?? ''}`, document, request.operationName);
          const result = compiled && (await compiled.query(undefined, contextValue, request.variables ?? {}));
          if (!result || result.errors?.length || !result.data) {
            metrics.queryExecutions.inc({ by: 'graphql-js' });
            return null;
          }
          metrics.queryExecutions.inc({ by: 'plan' });
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data } } };
        },
      };
    },
  };
}
