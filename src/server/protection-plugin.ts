import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Context } from '../context';
import { isPublicError, queryLimitExceeded, QUERY_LIMIT_CODES, unstorableText, wrongTransport } from '../errors/errors';
import type { Metrics } from '../observability/metrics';
import { countTokens, isTokenLimitError, type QueryLimiter } from '../protection/limits';
import { refusalError, type Budgets } from '../protection/rate-limit';
import { StorableText } from '../protection/text';

export interface ProtectionPluginOptions {
  limiter: QueryLimiter;
  budgets: Budgets;
  metrics: Metrics;
  logger: Logger;
}

/**
 * Apollo's part of the protection. Once the operation is known and before anything runs, its shape
 * and cost are measured against the limits and the cost is charged to the client's budget (less the
 * point the HTTP layer charged on arrival); a query
 * over a limit or a client out of points gets its error (400 or 429) and nothing else happens. On
 * the way out, every error carries the request id, unexpected ones are logged with it (their text
 * never leaves the process: formatError), and the parser's token refusal is told like the others.
 */
export function protectionPlugin({ limiter, budgets, metrics, logger }: ProtectionPluginOptions): ApolloServerPlugin<Context> {
  const text = new StorableText();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request }) {
          const meter = contextValue.meter;
          // Apollo has refused a request that names no operation of its document before this hook.
          if (!operation) return;
          meter.operation = operation.name?.value ?? null;
          if (operation.operation === 'subscription') throw wrongTransport('Subscriptions run over the WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP.');
          if (text.refuses(document, request.variables)) throw unstorableText();
          const measure = limiter.check(document, operation, request.variables);
          meter.cost = measure.cost;
          // The HTTP layer charged the first point.
          if (budgets.enabled && measure.cost > 1) {
            const charge = (await budgets.charge(meter.payer, measure.cost - 1))!;
            if (charge.refused) throw refusalError(charge);
            meter.rate = charge.state;
          }
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
