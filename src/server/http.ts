import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { ResponseCache } from '../cache/response-cache';
import type { ScheduleHorizon } from '../cache/schedule-horizon';
import type { Context } from '../context';
import type { DatabaseHealth } from '../database/health';
import { overloaded, rateLimitedAnswer } from '../errors/errors';
import type { Metrics } from '../observability/metrics';
import type { Admission } from '../protection/admission';
import { RequestMeter } from '../protection/meter';
import type { LoadMonitor } from '../protection/overload';
import { payerOf, rateLimitHeaders, type Budgets, type Charge } from '../protection/rate-limit';
import { sendGraphiQL, sendGraphiQLAsset, wantsGraphiQL } from './graphiql';
import { cleanData, fromSearch, type KnownDocuments, type KnownRequest } from './known-documents';
import { entityTag, passesCsrfPrevention, requestCacheKey, sendCacheable } from './response-caching';

const MAX_BODY_BYTES = 1_000_000;

export interface HttpHandlerOptions {
  apollo: ApolloServer<Context>;
  /** The request's context, with its meter: built inside Apollo once the request is under way. */
  context: (req: IncomingMessage, meter: RequestMeter) => Promise<Context>;
  ready: () => Promise<boolean>;
  metrics: Metrics;
  logger: Logger;
  /** Anonymous answers, or null when RESPONSE_CACHE is off (HTTP caching headers are sent either way). */
  cache: ResponseCache | null;
  /** When the next scheduled piece goes public: no answer may be kept past it. */
  horizon: ScheduleHorizon;
  budgets: Budgets;
  /** Query documents Apollo has admitted, whose later requests skip its pipeline; null: every request goes through Apollo. */
  known: KnownDocuments | null;
  admission: Admission;
  load: LoadMonitor;
  health: DatabaseHealth;
  clientAddress: (req: IncomingMessage) => string;
  deadlineMs: number;
  graphiql: boolean;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request body's bytes; plain stream events, as an async iterator costs more than a cache hit's other work. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      // Answered at once; the rest of the upload is read and dropped.
      else reject(new HttpError(413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`));
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string): unknown {
  if (!raw) return undefined;
  if (!contentType.includes('json')) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

/** How many request texts keep their cache key: the hot set of a site's queries is far smaller. */
const REMEMBERED_REQUESTS = 2_000;
/** Longer requests get their key computed each time: 2,000 bodies of a megabyte would be 2 GB kept. */
const MAX_REMEMBERED_BYTES = 16_384;

/**
 * Cache keys by request bytes (a POST body, a GET query string), so a repeated request costs no
 * decoding, no JSON parse and no hashing. Requests are filed under a short fingerprint (the variant,
 * the length, the first and last bytes) and confirmed by comparing all their bytes: hashing a 2 KB
 * query on every request was a tenth of a hit.
 */
class RequestKeys {
  private readonly known = new Map<string, { bytes: Buffer; key: string | null }[]>();
  private size = 0;

  /** `variant`: the method and headers that also decide the key. */
  of(bytes: Buffer, variant: string, compute: () => string | null): string | null {
    const fingerprint = `${variant}\n${bytes.length}\n${bytes.toString('latin1', 0, 40)}\n${bytes.toString('latin1', Math.max(0, bytes.length - 40))}`;
    const requests = this.known.get(fingerprint);
    const known = requests?.find((entry) => entry.bytes.equals(bytes));
    if (known) return known.key;
    const key = compute();
    if (bytes.length > MAX_REMEMBERED_BYTES) return key;
    if (this.size >= REMEMBERED_REQUESTS) {
      this.known.clear();
      this.size = 0;
    }
    // A copy: a chunk read off a socket may hold on to a much larger buffer.
    const entry = { bytes: Buffer.from(bytes), key };
    if (requests && this.known.has(fingerprint)) requests.push(entry);
    else this.known.set(fingerprint, [entry]);
    this.size += 1;
    return key;
  }
}

/** A request id the client sent (X-Request-Id) is kept when it is a plain token; otherwise one is made. */
function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && /^[\w.:-]{1,128}$/.test(sent) ? sent : randomUUID();
}

/** A refusal made before Apollo runs, in the same shape Apollo answers errors in. */
function sendGraphQLError(res: ServerResponse, meter: RequestMeter, error: GraphQLError): void {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> }; code?: unknown };
  res.statusCode = http?.status ?? 400;
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  meter.codes.push(String(extensions.code));
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions: { ...extensions, requestId: meter.requestId } }] }));
}

/** A spent budget, answered before anything of the request is read: the cheapest answer there is. */
function sendRateLimited(res: ServerResponse, meter: RequestMeter, { state }: Charge): void {
  const answer = rateLimitedAnswer(state.resetSeconds, state.limit, state.windowSeconds);
  meter.codes.push(answer.extensions.code);
  res.statusCode = 429;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('retry-after', String(state.resetSeconds));
  res.setHeader('x-request-id', meter.requestId);
  for (const [name, value] of rateLimitHeaders(state)) res.setHeader(name, value);
  res.end(JSON.stringify({ errors: [{ message: answer.message, extensions: { ...answer.extensions, requestId: meter.requestId } }] }));
}

function rateHeaders(meter: RequestMeter): string[] {
  const headers = ['x-request-id', meter.requestId];
  if (meter.rate) for (const [name, value] of rateLimitHeaders(meter.rate)) headers.push(name, value);
  return headers;
}

/** Plain node:http in front of Apollo: the fewest layers between a request and its answer. */
export function createHttpHandler(options: HttpHandlerOptions) {
  const keys = new RequestKeys();
  const { metrics, logger, budgets } = options;

  /** Metrics and the request's one log line, from its meter. */
  const record = (meter: RequestMeter, method: string, status: number, started: number) => {
    const seconds = (performance.now() - started) / 1000;
    metrics.requestDuration.observe({ operation: metrics.operationLabel(meter.operation), cache: meter.cache ?? 'NONE', status }, seconds);
    for (const code of meter.codes) metrics.errors.inc({ code });
    if (status === 429) metrics.rateLimited.inc({ client: meter.payer.kind });
    logger.info(
      {
        reqId: meter.requestId,
        method,
        operation: meter.operation,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        cost: meter.cost,
        cache: meter.cache,
        sql: meter.statements,
        client: meter.payer.kind,
        ip: meter.address,
        ...(meter.codes.length ? { codes: meter.codes } : {}),
      },
      'request',
    );
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Split by hand: a full URL parse costs as much as the rest of a cache hit's routing.
    const target = req.url ?? '/';
    const mark = target.indexOf('?');
    const pathname = mark === -1 ? target : target.slice(0, mark);
    const search = mark === -1 ? '' : target.slice(mark);
    let parsedUrl: URL | undefined;
    const url = () => (parsedUrl ??= new URL(target, 'http://localhost'));
    if (pathname !== '/graphql') {
      try {
        if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
        if (pathname === '/readyz') {
          const ready = await options.ready();
          return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unreachable' });
        }
        if (pathname === '/metrics') {
          const text = await metrics.registry.metrics();
          res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
          res.end(text);
          return;
        }
        if (options.graphiql && sendGraphiQLAsset(url(), res)) return;
        return sendJson(res, 404, { error: 'Not found: the API lives at /graphql.' });
      } catch (error) {
        logger.error({ err: error, path: pathname }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'Something went wrong on our side.' });
        return;
      }
    }

    const method = req.method ?? 'GET';
    if (method === 'GET' && options.graphiql && wantsGraphiQL(req, url())) return sendGraphiQL(res);
    const started = performance.now();
    const address = options.clientAddress(req);
    const meter = new RequestMeter(requestIdOf(req), payerOf(req.headers.authorization, address), address);
    try {
      await serve(req, res, meter, method, search, url);
    } catch (error) {
      if (res.headersSent) return void res.end();
      res.setHeader('x-request-id', meter.requestId);
      if (error instanceof GraphQLError) sendGraphQLError(res, meter, error);
      else if (error instanceof HttpError) {
        meter.codes.push('BAD_REQUEST');
        sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST', requestId: meter.requestId } }] });
      } else {
        logger.error({ reqId: meter.requestId, err: error }, 'request failed');
        meter.codes.push('INTERNAL_SERVER_ERROR');
        sendJson(res, 500, { errors: [{ message: 'Something went wrong on our side; the error has been logged.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: meter.requestId } }] });
      }
    } finally {
      meter.finish();
      record(meter, method, res.statusCode, started);
    }
  };

  async function serve(req: IncomingMessage, res: ServerResponse, meter: RequestMeter, method: string, search: string, url: () => URL): Promise<void> {
    const raw = method === 'POST' ? await readBody(req) : Buffer.from(search);
    const contentType = req.headers['content-type'] ?? '';
    let body: unknown;
    let parsed = false;
    const parsedBody = () => {
      if (!parsed) [body, parsed] = [method === 'POST' ? parseBody(raw.toString('utf8'), contentType) : undefined, true];
      return body;
    };
    // Editors (any token) always get a fresh answer; only anonymous reads are shared. A hit needs
    // neither the body parsed nor Apollo's header map: the key of a request text seen before is kept.
    const anonymous = req.headers.authorization === undefined;
    if (!anonymous) {
      const refusal = await budgets.admitAuthentication(meter.address);
      if (refusal) return sendRateLimited(res, meter, refusal);
    }
    const accept = req.headers.accept ?? '';
    const key =
      anonymous && options.cache && passesCsrfPrevention(method, req.headers)
        ? keys.of(raw, `${method}\n${accept}\n${contentType}`, () => requestCacheKey(method, parsedBody(), url().searchParams, accept))
        : null;
    if (key !== null) {
      // The memory cache answers at once: awaiting only a promise spares a hit a trip through the microtask queue.
      const found = options.cache!.get(key);
      const hit = found instanceof Promise ? await found : found;
      if (hit) {
        meter.cache = 'HIT';
        meter.operation = hit.operation;
        metrics.cacheHits.inc();
        // A hit costs a point: cheap, but not free, so no client reads without limit.
        if (budgets.enabled) {
          const charge = (await budgets.charge(meter.payer, 1))!;
          if (charge.refused) return sendRateLimited(res, meter, charge);
          meter.rate = charge.state;
        }
        return sendCacheable(req, res, hit, 'HIT', rateHeaders(meter));
      }
      metrics.cacheMisses.inc();
    }
    // Work the cache cannot answer: refused at once when the process is behind or the client is out
    // of points. Every request costs a point up front, so that even ones that fail to parse are paid
    // for; the plugin charges the rest of the query's cost once it is known.
    if (options.load.overloaded) {
      metrics.shed.inc();
      throw overloaded(1);
    }
    if (budgets.enabled) {
      const charge = (await budgets.charge(meter.payer, 1))!;
      if (charge.refused) return sendRateLimited(res, meter, charge);
      meter.rate = charge.state;
    }

    const ticket = key !== null ? await options.cache!.begin() : undefined;
    let context: Context | undefined;
    const stopped = meter.begin(options.deadlineMs, options.health);
    const known =
      options.known && (method === 'POST' || method === 'GET') ? options.known.request(method, method === 'POST' ? parsedBody() : fromSearch(url().searchParams), req.headers) : null;
    /** The request's outcome, unless it is stopped first (its deadline, or the database gone). */
    const untilStopped = async <T>(work: Promise<T>): Promise<T> => {
      const outcome = await Promise.race([work, stopped]);
      if (outcome instanceof Error) {
        // The request goes on only until its next SQL statement, which refuses; its answer is dropped.
        work.catch(() => undefined);
        if ((outcome as GraphQLError).extensions?.code === 'DEADLINE_EXCEEDED') metrics.deadlines.inc();
        throw outcome;
      }
      return outcome as T;
    };
    /**
     * A known document's answer, by its plan without Apollo's pipeline: null when Apollo must answer
     * (a context or an admission that failed, whose errors Apollo words, or an answer with errors,
     * which graphql-js gives), as it would have without the document known.
     */
    const answerKnown = async ({ known, variables, contentType }: KnownRequest): Promise<HTTPGraphQLResponse | null> => {
      try {
        context = await options.context(req, meter);
        await options.admission.admit(meter, known.document, known.operation, variables);
      } catch {
        return null;
      }
      context.cache.operation = 'query';
      const data = cleanData(await untilStopped(Promise.resolve(known.plan.query(undefined, context, variables))));
      if (!data) {
        meter.planFailed = true;
        return null;
      }
      metrics.queryExecutions.inc({ by: 'plan' });
      metrics.knownDocuments.inc();
      // As Apollo writes a single result (runHttpQuery's prettyJSONStringify).
      return { status: 200, headers: new HeaderMap([['content-type', contentType]]), body: { kind: 'complete', string: `${JSON.stringify({ data })}\n` } };
    };
    let result = known ? await answerKnown(known) : null;
    if (!result) {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const execution = options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search, body: parsedBody() },
        context: async () => (context = await options.context(req, meter)),
      });
      result = await untilStopped(execution);
      // The content type Apollo chose for this `accept`, which a known document's answer then gives.
      const contentType = result.headers.get('content-type');
      if (contentType && (result.status ?? 200) === 200 && result.body.kind === 'complete' && context?.cache.operation === 'query') options.known?.learnContentType(accept, contentType);
    }
    let status = result.status ?? 200;
    if (status === 401) await budgets.failedAuthentication(meter.address);
    if (anonymous && status === 200 && result.body.kind === 'complete' && context?.cache.operation === 'query' && !context.cache.failed) {
      const now = Date.now();
      const answer = Buffer.from(result.body.string, 'utf8');
      const response = {
        body: answer,
        contentType: result.headers.get('content-type') ?? 'application/json; charset=utf-8',
        etag: entityTag(answer),
        keys: [...context.cache.keys],
        surrogateKey: [...context.cache.keys].join(' '),
        expiresAt: Math.min(now + context.cache.maxAge * 1000, await options.horizon.until(now)),
        operation: meter.operation,
      };
      if (key !== null && response.expiresAt > now) await options.cache!.set(key, response, ticket);
      meter.cache = key !== null ? 'MISS' : 'BYPASS';
      return sendCacheable(req, res, response, meter.cache, rateHeaders(meter));
    }
    // An answer the database could not give is a 503, so that clients and balancers retry elsewhere.
    if (status === 200 && meter.codes.includes('SERVICE_UNAVAILABLE')) {
      status = 503;
      res.setHeader('retry-after', '1');
    }
    const extra = rateHeaders(meter);
    for (let i = 0; i < extra.length; i += 2) res.setHeader(extra[i], extra[i + 1]);
    // Apollo's own, from an error's `extensions.http` (a 429's spent budget) last, so they win.
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.setHeader('cache-control', anonymous ? 'no-store' : 'private, no-store');
    res.statusCode = status;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }
}
