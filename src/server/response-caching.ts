import { hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedResponse } from '../cache/response-cache';

/** The parts of a GraphQL request that decide its answer, from a POST body or GET parameters. */
interface RequestParts {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

// One-shot hashes (Node 20.12 and later): no Hash object for each request and answer.
function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Variables nested deeper than this are no real query's: such a request is answered, never cached. */
const MAX_KEY_DEPTH = 64;

class TooDeep extends Error {}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` name the same answer. */
function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_KEY_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], depth + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function parseParam(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return Symbol('unparsable');
  }
}

/**
 * The cache key of an anonymous GraphQL request, or null when it cannot be cached (a batch, no
 * query, or variables nested past any real query's). The query counts by its SHA-256, which is what Automatic Persisted Queries send: a hash-only
 * GET finds the answer a full POST of the same query left. `accept` decides the content type.
 */
export function requestCacheKey(method: string, body: unknown, search: URLSearchParams, accept: string): string | null {
  let parts: RequestParts;
  if (method === 'GET') {
    parts = {
      query: search.get('query') ?? undefined,
      operationName: search.get('operationName') ?? undefined,
      variables: parseParam(search.get('variables')),
      extensions: parseParam(search.get('extensions')),
    };
  } else if (method === 'POST' && body && typeof body === 'object' && !Array.isArray(body)) {
    parts = body as RequestParts;
  } else {
    return null;
  }
  if (typeof parts.variables === 'symbol' || typeof parts.extensions === 'symbol') return null;
  const persisted = (parts.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  const queryHash = typeof parts.query === 'string' ? sha256(parts.query) : typeof persisted === 'string' && /^[0-9a-f]{64}$/.test(persisted) ? persisted : null;
  if (queryHash === null) return null;
  try {
    return sha256(canonicalJson([queryHash, parts.operationName ?? null, parts.variables ?? null, accept]));
  } catch (error) {
    if (error instanceof TooDeep) return null;
    throw error;
  }
}

/** Content types a browser form may send cross-site without a preflight. */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Apollo's CSRF prevention, applied before the cache too, so a cached answer is refused exactly when
 * a fresh one would be: a GET must carry a header no cross-site form can set.
 */
export function passesCsrfPrevention(method: string, headers: IncomingMessage['headers']): boolean {
  if (method !== 'GET') return true;
  const contentType = headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (contentType && !SIMPLE_CONTENT_TYPES.includes(contentType)) return true;
  return Boolean(headers['x-apollo-operation-name'] || headers['apollo-require-preflight']);
}

/** A strong validator: the same bytes always give the same tag, on every instance. */
export function entityTag(body: Buffer): string {
  return `"${hash('sha1', body, 'base64url')}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a cacheable answer with its HTTP caching headers: `Cache-Control` for the time it has left,
 * `ETag` (a matching If-None-Match gets 304 with no body), and `Surrogate-Key` naming the objects in it
 * so a CDN can purge by object; `extra` are further names and values (request id, RateLimit-*).
 */
export function sendCacheable(req: IncomingMessage, res: ServerResponse, response: CachedResponse, state: 'HIT' | 'MISS' | 'BYPASS', extra: string[]): void {
  const maxAge = Math.max(0, Math.floor((response.expiresAt - Date.now()) / 1000));
  // A flat list of names and values: node:http takes it without copying an object's keys.
  const headers = ['cache-control', `public, max-age=${maxAge}`, 'etag', response.etag, 'surrogate-key', response.surrogateKey, 'vary', 'Accept, Authorization', 'x-cache', state, ...extra];
  if (matches(req.headers['if-none-match'], response.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers.push('content-type', response.contentType, 'content-length', String(response.body.length));
  res.writeHead(200, headers);
  res.end(response.body);
}
