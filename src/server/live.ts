import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { getOperationAST, GraphQLError, parse, subscribe, validate, type ExecutionArgs, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Viewer } from '../auth/viewer';
import type { Context, EventReads } from '../context';
import { SharedReads } from '../events/feed';
import { formatError, isPublicError, queryLimitExceeded, unstorableText, wrongTransport } from '../errors/errors';
import type { EventBus } from '../events/live-events';
import type { Metrics } from '../observability/metrics';
import { countTokens, isTokenLimitError, type QueryLimiter } from '../protection/limits';
import { RequestMeter } from '../protection/meter';
import { payerOf, refusalError, type Budgets, type Payer } from '../protection/rate-limit';
import { StorableText } from '../protection/text';

export interface LiveServerOptions {
  server: http.Server;
  schema: GraphQLSchema;
  bus: EventBus;
  limiter: QueryLimiter;
  budgets: Budgets;
  clientAddress: (req: http.IncomingMessage) => string;
  /** The subscriber's viewer from connection_init's `authorization` (throws on a bad token). */
  viewerOf: (authorization: string | undefined) => Promise<Viewer | null>;
  /** A request context for one subscription, whose `live` part follows `bus`. */
  context: (viewer: Viewer | null, meter: RequestMeter, live: { bus: EventBus; drop: () => void; shared: SharedReads<EventReads> }) => Context;
  connectionsPerClient: number;
  heartbeatMs: number;
  hideSuggestions: boolean;
  logger: Logger;
  metrics: Metrics;
}

/** What graphql-ws keeps for each connection (its `extra`, beside the socket and request). */
interface Extra {
  socket: WebSocket;
  request: http.IncomingMessage;
  viewer?: Viewer | null;
  payer?: Payer;
  address?: string;
}

/** Messages bigger than this close the socket: a subscription's document is small (QUERY_MAX_TOKENS). */
const MAX_MESSAGE_BYTES = 128 * 1024;

/**
 * Closed for too many connections from one client, for falling behind, or for a token from an address
 * that sent too many wrong ones (private-use close codes; HTTP answers the last with 429).
 */
const TOO_MANY_CONNECTIONS = 4029;
const TOO_SLOW = 4030;
const TOO_MANY_WRONG_TOKENS = 4031;

/**
 * Subscriptions over graphql-ws (the graphql-transport-ws protocol) on the HTTP server's port at
 * /graphql. A token in connection_init's `authorization` ("Bearer …") makes the subscriber that
 * viewer (previews); without one it is anonymous. Each subscription is held to the query limits and
 * charged to its client's budget as a query is, and is answered with events only (queries and
 * mutations go over HTTP, where the cache, log line and deadline live). A client may hold
 * LIVE_CONNECTIONS_PER_CLIENT sockets; each is pinged every LIVE_HEARTBEAT_MS and closed when it
 * stops answering; a subscriber that falls MAX_QUEUED_EVENTS behind is closed rather than buffered.
 */
export function attachLiveServer(options: LiveServerOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const perClient = new Map<string, number>();
  const text = new StorableText();
  const shared = new SharedReads<EventReads>();
  const format = (error: GraphQLError | GraphQLFormattedError, requestId: string): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error : new GraphQLError(error.message, { extensions: error.extensions });
    if (!isPublicError(original)) options.logger.error({ reqId: requestId, err: original.originalError ?? original }, 'unexpected error in a subscription');
    const formatted = formatError(original.toJSON(), original, { hideSuggestions: options.hideSuggestions });
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, requestId } };
  };
  const requestIds = new WeakMap<object, Map<string, string>>();
  const requestIdOf = (extra: Extra, id: string) => requestIds.get(extra)?.get(id) ?? id;

  wss.on('connection', (socket, request) => {
    const address = options.clientAddress(request);
    const open = (perClient.get(address) ?? 0) + 1;
    perClient.set(address, open);
    options.metrics.liveConnections.inc();
    socket.once('close', () => {
      options.metrics.liveConnections.dec();
      const left = (perClient.get(address) ?? 1) - 1;
      if (left > 0) perClient.set(address, left);
      else perClient.delete(address);
    });
    if (open > options.connectionsPerClient) {
      options.metrics.liveClosed.inc({ reason: 'connections' });
      socket.close(TOO_MANY_CONNECTIONS, `Too many connections: at most ${options.connectionsPerClient} from one client`);
      return;
    }
    heartbeat(socket, options.heartbeatMs, () => options.metrics.liveClosed.inc({ reason: 'heartbeat' }));
  });

  const disposable = useServer<Record<string, unknown> | undefined, Partial<Extra>>(
    {
      schema: options.schema,
      // graphql-js's subscribe, each running subscription counted from its start to its end (the
      // client's complete, the socket's close, or the server's).
      subscribe: async (args: ExecutionArgs) => {
        const result = await subscribe(args);
        return Symbol.asyncIterator in result ? counted(result, options.metrics) : result;
      },
      onConnect: async (ctx) => {
        const extra = ctx.extra as Extra;
        const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (authorization !== undefined && typeof authorization !== 'string') return false;
        const address = options.clientAddress(extra.request);
        // Tokens are guessed here as over HTTP, and count against the same budget of wrong ones.
        if (authorization !== undefined) {
          const refusal = await options.budgets.admitAuthentication(address);
          if (refusal) {
            options.metrics.liveClosed.inc({ reason: 'failed-auth' });
            extra.socket.close(TOO_MANY_WRONG_TOKENS, `Too many wrong tokens: try again in ${refusal.state.resetSeconds} s`);
            return false;
          }
        }
        try {
          extra.viewer = await options.viewerOf(authorization);
        } catch (error) {
          // A wrong or revoked token: 4403 Forbidden, as the protocol closes refused connections. Anything
          // else (the database away) closes the socket with its public message.
          if (error instanceof GraphQLError && error.extensions?.code === 'UNAUTHENTICATED') {
            options.metrics.liveClosed.inc({ reason: 'token' });
            await options.budgets.failedAuthentication(address);
            return false;
          }
          if (isPublicError(error)) throw error;
          options.logger.error({ err: error }, 'unexpected error while opening a subscription connection');
          throw new Error('Something went wrong on our side; the error has been logged.');
        }
        extra.address = address;
        extra.payer = payerOf(authorization, extra.address);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const extra = ctx.extra as Extra;
        const requestId = randomUUID();
        if (!requestIds.has(extra)) requestIds.set(extra, new Map());
        requestIds.get(extra)!.set(id, requestId);
        const refuse = (error: GraphQLError) => [new GraphQLError(error.message, { extensions: format(error, requestId).extensions })];
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.limiter.limits.tokens });
        } catch (error) {
          const parseError = error as GraphQLError;
          if (isTokenLimitError(parseError.message)) return refuse(queryLimitExceeded('tokens', options.limiter.limits.tokens, countTokens(payload.query)));
          return refuse(new GraphQLError(parseError.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }));
        }
        const invalid = validate(options.schema, document);
        if (invalid.length) return invalid.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', requestId } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return refuse(new GraphQLError('Name the operation to run (operationName).', { extensions: { code: 'BAD_REQUEST' } }));
        if (operation.operation !== 'subscription') return refuse(wrongTransport('The WebSocket carries subscriptions; send queries and mutations as HTTP POST to /graphql.'));
        const variables = payload.variables ?? undefined;
        if (text.refuses(document, variables)) return refuse(unstorableText());
        let cost: number;
        try {
          cost = options.limiter.check(document, operation, variables).cost;
        } catch (error) {
          if (error instanceof GraphQLError) return refuse(error);
          throw error;
        }
        const meter = new RequestMeter(requestId, extra.payer!, extra.address!);
        meter.operation = operation.name?.value ?? null;
        meter.cost = cost;
        if (options.budgets.enabled) {
          const charge = (await options.budgets.charge(meter.payer, cost))!;
          if (charge.refused) return refuse(refusalError(charge));
        }
        const drop = () => {
          options.metrics.liveClosed.inc({ reason: 'slow' });
          extra.socket.close(TOO_SLOW, 'Too slow: the subscriber fell too far behind its events');
        };
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: options.context(extra.viewer ?? null, meter, { bus: options.bus, drop, shared }),
        };
      },
      onNext: (ctx, id, _payload, _args, result: ExecutionResult) => {
        if (!result.errors) return;
        const requestId = requestIdOf(ctx.extra as Extra, id);
        return { ...result, errors: result.errors.map((error) => format(error, requestId)) };
      },
      onError: (ctx, id, _payload, errors) => {
        const requestId = requestIdOf(ctx.extra as Extra, id);
        return errors.map((error) => format(error, requestId));
      },
      onComplete: (ctx, id) => {
        requestIds.get(ctx.extra as Extra)?.delete(id);
      },
    },
    wss,
    // The heartbeat is this module's (heartbeat, below): graphql-ws's drops a socket without a word.
    0,
  );

  return {
    // graphql-ws closes every socket with 1001 (going away), then the WebSocket server.
    close: async () => disposable.dispose(),
  };
}

/**
 * Pings the socket every `ms` and drops it when a ping goes unanswered for `ms` (a peer gone without
 * closing), as graphql-ws's keep-alive does, telling `dropped` so that /metrics counts it.
 */
function heartbeat(socket: WebSocket, ms: number, dropped: () => void): void {
  if (!(ms > 0 && Number.isFinite(ms))) return;
  let waiting: NodeJS.Timeout | null = null;
  const interval = setInterval(() => {
    if (socket.readyState !== socket.OPEN || waiting) return;
    waiting = setTimeout(() => {
      dropped();
      socket.terminate();
    }, ms);
    socket.once('pong', () => {
      if (waiting) clearTimeout(waiting);
      waiting = null;
    });
    socket.ping();
  }, ms);
  socket.once('close', () => {
    clearInterval(interval);
    if (waiting) clearTimeout(waiting);
  });
}

/**
 * The subscription's events as they come, counted in masthead_live_subscriptions from now until it
 * ends: its last event, an error, or a return() (the client's complete, the socket's close), which
 * reaches the subscription itself at once, so it stops listening even before its first event.
 */
function counted<T>(events: AsyncGenerator<T>, metrics: Metrics): AsyncGenerator<T> {
  metrics.liveSubscriptions.inc();
  let running = true;
  const end = () => {
    if (running) metrics.liveSubscriptions.dec();
    running = false;
  };
  const counting: AsyncGenerator<T> = {
    next: async (...args) => {
      try {
        const step = await events.next(...args);
        if (step.done) end();
        return step;
      } catch (error) {
        end();
        throw error;
      }
    },
    return: async (value) => {
      end();
      return events.return(value);
    },
    throw: async (error) => {
      end();
      return events.throw(error);
    },
    [Symbol.asyncIterator]: () => counting,
  };
  return counting;
}
