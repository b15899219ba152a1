import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { startTestApp, type TestApp } from '../support/app';
import { SAEPPYOL } from '../support/demo';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  operation?: string | null;
  status?: number;
  ms?: number;
  cost?: number | null;
  cache?: string | null;
  sql?: number;
  client?: string;
  codes?: string[];
}

const lines: LogLine[] = [];
const raw: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) {
        raw.push(text);
        lines.push(JSON.parse(text) as LogLine);
      }
      done();
    },
  });
  const rateLimit = { ...loadConfig({}).protection.rateLimit, enabled: true, anonymousPoints: 2_000 };
  t = await startTestApp({ logger: pino({ level: 'info' }, sink), protection: { rateLimit, limits: { ...loadConfig({}).protection.limits, depth: 6 } } });
});
afterAll(() => t?.close());

const ARTICLE = 'query Headline($slug: String!) { article(slug: $slug) { headline tags { name } } }';

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  await res.text();
  return res;
}

const lineOf = (res: Response) => lines.find((line) => line.reqId === res.headers.get('x-request-id'));

describe('one JSON log line per request', () => {
  it('names the request id, operation, duration, cost, cache outcome, SQL statements and status', async () => {
    const miss = await post(ARTICLE, { slug: SAEPPYOL.slug });
    const hit = await post(ARTICLE, { slug: SAEPPYOL.slug });
    expect(lineOf(miss)).toMatchObject({ msg: 'request', operation: 'Headline', status: 200, cost: 11, cache: 'MISS', client: 'anonymous' });
    expect(lineOf(miss)!.sql).toBeGreaterThan(0);
    expect(lineOf(miss)!.ms).toBeGreaterThan(0);
    expect(lineOf(hit)).toMatchObject({ operation: 'Headline', status: 200, cache: 'HIT', sql: 0 });
    expect(lines.filter((line) => line.reqId === miss.headers.get('x-request-id'))).toHaveLength(1);
  });

  it('keeps a request id the client sent, and counts a mutation statements, transaction included', async () => {
    const token = t.app.prepared.demoToken!;
    const before = t.app.statements.count;
    const res = await post(
      'mutation Tag($input: CreateTagInput!) { createTag(input: $input) { tag { name } userErrors { code } } }',
      { input: { name: 'Secret Variable Value', kind: 'PERSON' } },
      { authorization: `Bearer ${token}`, 'x-request-id': 'cms-7f3a' },
    );
    expect(res.headers.get('x-request-id')).toBe('cms-7f3a');
    const line = lineOf(res)!;
    expect(line).toMatchObject({ operation: 'Tag', status: 200, client: 'token' });
    expect(line.sql).toBe(t.app.statements.count - before);
    // Neither the token nor the variables reach the log.
    const text = raw.find((entry) => entry.includes('cms-7f3a'))!;
    expect(text).not.toContain(token);
    expect(text).not.toContain('Secret Variable Value');
  });

  it('records refusals with their codes', async () => {
    const res = await post('{ section(path: "world") { parent { parent { parent { parent { parent { name } } } } } } }');
    expect(res.status).toBe(400);
    expect(lineOf(res)).toMatchObject({ status: 400, codes: ['MAX_DEPTH_EXCEEDED'], sql: 0 });
  });
});

describe('/metrics', () => {
  it('serves Prometheus metrics: durations by operation, errors by code, cache, refusals, rate limits, lag, pool and the process', async () => {
    // Spend the address's budget to see a 429 counted.
    while ((await post('{ articles(first: 100) { nodes { id } } }', {}, {})).status !== 429);
    const res = await fetch(`${t.app.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    expect(value(/^masthead_request_duration_seconds_count\{operation="Headline",cache="HIT",status="200"\} (\d+)$/m)).toBe(1);
    expect(value(/^masthead_request_duration_seconds_count\{operation="Headline",cache="MISS",status="200"\} (\d+)$/m)).toBe(1);
    expect(value(/^masthead_graphql_errors_total\{code="MAX_DEPTH_EXCEEDED"\} (\d+)$/m)).toBe(1);
    expect(value(/^masthead_graphql_errors_total\{code="RATE_LIMITED"\} (\d+)$/m)).toBe(1);
    expect(value(/^masthead_query_refusals_total\{limit="depth"\} (\d+)$/m)).toBe(1);
    expect(value(/^masthead_rate_limited_total\{client="anonymous"\} (\d+)$/m)).toBe(1);
    expect(value(/^masthead_response_cache_hits_total (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^masthead_response_cache_misses_total (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^masthead_sql_statements_total (\d+)$/m)).toBeGreaterThan(0);
    expect(text).toMatch(/^masthead_event_loop_lag_seconds \d/m);
    expect(text).toMatch(/^masthead_db_pool_connections\{state="used"\} \d+$/m);
    expect(text).toMatch(/^masthead_database_up 1$/m);
    expect(text).toMatch(/^masthead_redis_errors_total 0$/m);
    // Node's default process metrics.
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  });
});
