import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/**
 * Tells the HTTP layer what only Apollo knows: whether the request was a query (only queries are
 * cached) and whether the answer carries errors (never cached). Request-level hooks only: a field
 * hook would cost on every field of every response. The facts go on the request's CacheScope, which
 * the HTTP layer holds: Apollo hands resolvers a shallow copy of the context, not the object itself.
 */
export function cacheFactsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          contextValue.cache.operation = operation?.operation ?? null;
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) contextValue.cache.failed = true;
        },
      };
    },
  };
}
