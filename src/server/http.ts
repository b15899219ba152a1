import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { ResponseCache } from '../cache/response-cache';
import type { ScheduleHorizon } from '../cache/schedule-horizon';
import type { Context } from '../context';
import { sendGraphiQL, sendGraphiQLAsset, wantsGraphiQL } from './graphiql';
import { entityTag, passesCsrfPrevention, requestCacheKey, sendCacheable } from './response-caching';

const MAX_BODY_BYTES = 1_000_000;

export interface HttpHandlerOptions {
  apollo: ApolloServer<Context>;
  context: (req: IncomingMessage) => Promise<Context>;
  ready: () => Promise<boolean>;
  /** Counters for /metrics, in Prometheus's text format. */
  metrics: () => Record<string, { help: string; value: number }>;
  /** Anonymous answers, or null when RESPONSE_CACHE is off (HTTP caching headers are sent either way). */
  cache: ResponseCache | null;
  /** When the next scheduled piece goes public: no answer may be kept past it. */
  horizon: ScheduleHorizon;
  /** Counted here, reported by /metrics. */
  cacheCounts: { hits: number; misses: number };
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

/** The request body as text; plain stream events, as an async iterator costs more than a cache hit's other work. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      // Answered at once; the rest of the upload is read and dropped.
      else reject(new HttpError(413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`));
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
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

/**
 * Cache keys by request text, so a repeated request costs no JSON parse and no hashing. Texts are
 * filed under a short fingerprint (the variant, the length, the first and last characters) and
 * confirmed by comparing the whole text: hashing a 2 KB query on every request was a tenth of a hit.
 */
class RequestKeys {
  private readonly known = new Map<string, { text: string; key: string | null }[]>();
  private size = 0;

  /** `text` is the body or query string, `variant` the method and headers that also decide the key. */
  of(text: string, variant: string, compute: () => string | null): string | null {
    const fingerprint = `${variant}\n${text.length}\n${text.slice(0, 40)}\n${text.slice(-40)}`;
    const texts = this.known.get(fingerprint);
    const known = texts?.find((entry) => entry.text === text);
    if (known) return known.key;
    const key = compute();
    if (this.size >= REMEMBERED_REQUESTS) {
      this.known.clear();
      this.size = 0;
    }
    if (texts && this.known.has(fingerprint)) texts.push({ text, key });
    else this.known.set(fingerprint, [{ text, key }]);
    this.size += 1;
    return key;
  }
}

/** Plain node:http in front of Apollo: the fewest layers between a request and its answer. */
export function createHttpHandler(options: HttpHandlerOptions) {
  const keys = new RequestKeys();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz') {
        const ready = await options.ready();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unreachable' });
      }
      if (url.pathname === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
        res.end(
          Object.entries(options.metrics())
            .map(([name, { help, value }]) => `# HELP ${name} ${help}\n# TYPE ${name} ${name.endsWith('_total') ? 'counter' : 'gauge'}\n${name} ${value}\n`)
            .join(''),
        );
        return;
      }
      if (sendGraphiQLAsset(url, res)) return;
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found: the API lives at /graphql.' });
      if (wantsGraphiQL(req, url)) return sendGraphiQL(res);

      const method = req.method ?? 'GET';
      const raw = method === 'POST' ? await readBody(req) : '';
      const contentType = req.headers['content-type'] ?? '';
      let body: unknown;
      let parsed = false;
      const parsedBody = () => {
        if (!parsed) [body, parsed] = [method === 'POST' ? parseBody(raw, contentType) : undefined, true];
        return body;
      };
      // Editors (any token) always get a fresh answer; only anonymous reads are shared. A hit needs
      // neither the body parsed nor Apollo's header map: the key of a request text seen before is kept.
      const anonymous = req.headers.authorization === undefined;
      const accept = req.headers.accept ?? '';
      const key =
        anonymous && options.cache && passesCsrfPrevention(method, req.headers)
          ? keys.of(method === 'POST' ? raw : url.search, `${method}\n${accept}\n${contentType}`, () => requestCacheKey(method, parsedBody(), url.searchParams, accept))
          : null;
      if (key !== null) {
        // The memory cache answers at once: awaiting only a promise spares a hit a trip through the microtask queue.
        const found = options.cache!.get(key);
        const hit = found instanceof Promise ? await found : found;
        if (hit) {
          options.cacheCounts.hits += 1;
          return sendCacheable(req, res, hit, 'HIT');
        }
        options.cacheCounts.misses += 1;
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const ticket = key !== null ? await options.cache!.begin() : undefined;
      let context: Context | undefined;
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body: parsedBody() },
        context: async () => (context = await options.context(req)),
      });
      const status = result.status ?? 200;
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
        };
        if (key !== null && response.expiresAt > now) await options.cache!.set(key, response, ticket);
        return sendCacheable(req, res, response, key !== null ? 'MISS' : 'BYPASS');
      }
      for (const [name, value] of result.headers) res.setHeader(name, value);
      res.setHeader('cache-control', anonymous ? 'no-store' : 'private, no-store');
      res.statusCode = status;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (res.headersSent) return void res.end();
      if (error instanceof HttpError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      console.error('request failed', error);
      sendJson(res, 500, { errors: [{ message: 'Something went wrong on our side.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
}
