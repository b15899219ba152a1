import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import type { Metrics } from '../observability/metrics';
import { cleanData, type KnownDocuments } from './known-documents';

/** How reads are executed: through plans compiled once per document, or by graphql-js each time. */
export type ExecutionMode = 'compiled' | 'graphql-js';

/**
 * Queries answered through a graphql-jit plan, compiled on the document's first use and kept
 * (KnownDocuments, by the query's text and the operation's name). Apollo parses, validates, runs the
 * protection's limits and budgets, and writes the answer; this plugin answers in its
 * `responseForOperation` hook, Apollo's supported way to answer an operation without its executor.
 * Later requests of a kept document may skip Apollo altogether (KnownDocuments).
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
export function compiledExecutionPlugin(known: KnownDocuments, metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, source, request, contextValue }) {
          // Apollo asks even when the document holds no operation of the name asked for; graphql-js says so.
          if (operation?.operation !== 'query') return null;
          // A known document's plan that has just answered this request with errors is not asked again (src/server/http.ts).
          const plan = contextValue.meter.planFailed ? null : known.plan(source, request.operationName, document, operation);
          const data = plan && cleanData(await plan.query(undefined, contextValue, request.variables ?? {}));
          if (!data) {
            metrics.queryExecutions.inc({ by: 'graphql-js' });
            return null;
          }
          metrics.queryExecutions.inc({ by: 'plan' });
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}
