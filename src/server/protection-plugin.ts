import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Context } from '../context';
import { isPublicError, queryLimitExceeded, QUERY_LIMIT_CODES } from '../errors/errors';
import type { Metrics } from '../observability/metrics';
import { countTokens, isTokenLimitError, type QueryLimiter } from '../protection/limits';
import type { Admission } from '../protection/admission';

export interface ProtectionPluginOptions {
  admission: Admission;
  limiter: QueryLimiter;
  metrics: Metrics;
  logger: Logger;
}

/**
 * Apollo's part of the protection. Once the operation is known and before anything runs, it is
 * admitted (Admission: limits, then the client's budget); a query over a limit or a client out of
 * points gets its error (400 or 429) and nothing else happens. On
 * the way out, every error carries the request id, unexpected ones are logged with it (their text
 * never leaves the process: formatError), and the parser's token refusal is told like the others.
 */
export function protectionPlugin({ admission, limiter, metrics, logger }: ProtectionPluginOptions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request }) {
          // Apollo has refused a request that names no operation of its document before this hook.
          if (operation) await admission.admit(contextValue.meter, document, operation, request.variables);
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const original = error.originalError ?? error;
            if (!isPublicError(error)) logger.error({ reqId: contextValue.meter.requestId, err: original }, 'unexpected error while answering a request');
          }
        },
        async willSendResponse({ contextValue, response, request }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const errors = response.body.singleResult.errors as GraphQLFormattedError[];
          for (const [index, error] of errors.entries()) {
            if (error.extensions?.code === 'GRAPHQL_PARSE_FAILED' && isTokenLimitError(error.message) && request.query) {
              const refusal = queryLimitExceeded('tokens', limiter.limits.tokens, countTokens(request.query));
              errors[index] = { message: refusal.message, extensions: withoutHttp(refusal.extensions) };
            }
          }
          for (const error of errors) {
            const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            contextValue.meter.codes.push(code);
            if (QUERY_LIMIT_CODES.has(code)) metrics.refusals.inc({ limit: String(error.extensions?.limit) });
            (error as { extensions?: Record<string, unknown> }).extensions = { ...error.extensions, requestId: contextValue.meter.requestId };
          }
        },
      };
    },
  };
}

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}
