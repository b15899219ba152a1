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

/** Plain node:http in front of Apollo: the fewest layers between a request and its answer. */
export function createHttpHandler(options: HttpHandlerOptions) {
  const keys = new RequestKeys();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Split by hand: a full URL parse costs as much as the rest of a cache hit's routing.
    const target = req.url ?? '/';
    const mark = target.indexOf('?');
    const pathname = mark === -1 ? target : target.slice(0, mark);
    const search = mark === -1 ? '' : target.slice(mark);
    let parsedUrl: URL | undefined;
    const url = () => (parsedUrl ??= new URL(target, 'http://localhost'));
    try {
      if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (pathname === '/readyz') {
        const ready = await options.ready();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unreachable' });
      }
      if (pathname === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
        res.end(
          Object.entries(options.metrics())
            .map(([name, { help, value }]) => `# HELP ${name} ${help}\n# TYPE ${name} ${name.endsWith('_total') ? 'counter' : 'gauge'}\n${name} ${value}\n`)
            .join(''),
        );
        return;
      }
      if (pathname !== '/graphql') {
        if (sendGraphiQLAsset(url(), res)) return;
        return sendJson(res, 404, { error: 'Not found: the API lives at /graphql.' });
      }
      const method = req.method ?? 'GET';
      if (method === 'GET' && wantsGraphiQL(req, url())) return sendGraphiQL(res);

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
        httpGraphQLRequest: { method, headers, search, body: parsedBody() },
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
