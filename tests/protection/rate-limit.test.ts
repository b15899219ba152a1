import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/app';
import type { ProtectionConfig } from '../../src/config/config';
import { loadConfig } from '../../src/config/config';
import { liveClient } from '../events/support';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const LIST = 'query Page($n: Int) { articles(first: $n) { nodes { id } } }';

async function ask(t: TestApp, n: number, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: LIST, variables: { n } }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

const remaining = (answer: Answer) => Number(answer.headers.get('ratelimit-remaining'));

function protection(rate: Partial<ProtectionConfig['rateLimit']>, extra: Partial<ProtectionConfig> = {}): Partial<ProtectionConfig> {
  const defaults = loadConfig({}).protection.rateLimit;
  return { rateLimit: { ...defaults, enabled: true, windowSeconds: 60, anonymousPoints: 100, tokenPoints: 1000, ...rate }, ...extra };
}

function expectLimited(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(answer.headers.get('ratelimit-remaining')).toBe('0');
  expect(answer.body.errors?.[0].message).toMatch(/Try again in \d+ s/);
}

describe('budgets of points per client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ protection: protection({}) });
  });
  afterAll(() => t?.close());

  it('charges a miss its cost and a hit one point, saying so in RateLimit-* headers, then refuses with 429 and Retry-After', async () => {
    // Cost of a page of 9: the connection and its 9 articles.
    const first = await ask(t, 9);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('ratelimit-limit')).toBe('100');
    expect(first.headers.get('ratelimit-policy')).toBe('100;w=60');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(remaining(first)).toBe(90);
    const hit = await ask(t, 9);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(remaining(hit)).toBe(89);
    // A miss of a page of 29 costs 30.
    expect(remaining(await ask(t, 29))).toBe(59);
  });
});

describe('budgets of a known document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ cache: { enabled: false }, protection: protection({}) });
  });
  afterAll(() => t?.close());

  const PAGE = 'query Page($n: Int, $after: String) { articles(first: $n, after: $after) { nodes { id } } }';
  const page = async (after?: string) => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PAGE, variables: { n: 4, after } }) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
  };
  const knownAnswers = async () => Number(/^masthead_known_document_answers_total (\d+)/m.exec(await (await fetch(`${t.app.url}/metrics`)).text())?.[1]);

  it('charges each request its cost once, past Apollo or through it after an answer with errors', async () => {
    // A page of 4 costs 5 points. The first request goes through Apollo, the second past it.
    expect(remaining(await page())).toBe(95);
    expect(remaining(await page())).toBe(90);
    expect(await knownAnswers()).toBe(1);
    // A bad cursor: the plan's answer holds an error, so Apollo and graphql-js answer, charging nothing more.
    const refused = await page('not a cursor');
    expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(remaining(refused)).toBe(85);
    expect(await knownAnswers()).toBe(1);
  });
});

describe('budgets, step by step', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ protection: protection({}) });
  });
  afterAll(() => t?.close());

  it('spends a client to zero, then refuses its misses and its hits alike, while other clients go on', async () => {
    expect(remaining(await ask(t, 29))).toBe(70);
    expect(remaining(await ask(t, 28))).toBe(41);
    expect(remaining(await ask(t, 27))).toBe(13);
    expectLimited(await ask(t, 26));
    // A cached answer costs a point, and this client has none left.
    expectLimited(await ask(t, 29));
    // A client cannot pass itself off as another by X-Forwarded-For unless a trusted proxy says so.
    expectLimited(await ask(t, 5, { 'x-forwarded-for': '203.0.113.9' }));
    // A token has a budget of its own.
    const desk = await ask(t, 5, { authorization: `Bearer ${t.app.prepared.demoToken}` });
    expect(desk.status).toBe(200);
    expect(desk.headers.get('ratelimit-limit')).toBe('1000');
    expect(remaining(desk)).toBe(994);
  });

  it('stops an address that sends wrong tokens, without locking out its anonymous reads', async () => {
    const other = await startTestApp({ protection: protection({ anonymousPoints: 1000 }) });
    try {
      for (let i = 0; i < 30; i += 1) expect((await ask(other, 1, { authorization: `Bearer wrong-${i}` })).status).toBe(401);
      expectLimited(await ask(other, 1, { authorization: 'Bearer wrong-again' }));
      expect((await ask(other, 1)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('counts wrong tokens sent to the subscription socket against the same budget as over HTTP', async () => {
    const other = await startTestApp({ protection: protection({ anonymousPoints: 1000 }) });
    const clients: ReturnType<typeof liveClient>[] = [];
    const open = (token?: string) => {
      const client = liveClient(other.url, token);
      clients.push(client);
      return client;
    };
    try {
      // Twenty guesses over the socket, ten over HTTP: thirty wrong tokens from one address.
      for (let i = 0; i < 20; i += 1) expect((await open(`mh_guess-${i}`).closed).code).toBe(4403);
      for (let i = 0; i < 10; i += 1) expect((await ask(other, 1, { authorization: `Bearer mh_guess-http-${i}` })).status).toBe(401);
      // Now even the right token is turned away, on the socket and over HTTP, until the window ends.
      const refused = await open(other.app.prepared.demoToken!).closed;
      expect(refused.code).toBe(4031);
      expect(refused.reason).toMatch(/Too many wrong tokens: try again in \d+ s/);
      expectLimited(await ask(other, 1, { authorization: `Bearer ${other.app.prepared.demoToken}` }));
      // Anonymous readers from the address go on, on the socket and over HTTP.
      const anonymous = open();
      await new Promise<void>((resolve) => anonymous.on('connected', () => resolve()));
      expect((await ask(other, 1)).status).toBe(200);
      const metrics = await (await fetch(`${other.app.url}/metrics`)).text();
      expect(metrics).toMatch(/masthead_live_closed_total\{reason="token"\} 20/);
      expect(metrics).toMatch(/masthead_live_closed_total\{reason="failed-auth"\} 1/);
    } finally {
      for (const client of clients) await client.dispose();
      await other.close();
    }
  });
});

describe('behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ protection: protection({}, { trustProxy: 'loopback' }) });
  });
  afterAll(() => t?.close());

  it('gives each forwarded client address its own budget', async () => {
    expect(remaining(await ask(t, 49, { 'x-forwarded-for': '198.51.100.1' }))).toBe(50);
    expect(remaining(await ask(t, 48, { 'x-forwarded-for': '198.51.100.1' }))).toBe(1);
    expectLimited(await ask(t, 47, { 'x-forwarded-for': '198.51.100.1' }));
    expect(remaining(await ask(t, 47, { 'x-forwarded-for': '198.51.100.2' }))).toBe(52);
  });
});

describe('the default budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    const defaults = loadConfig({}).protection.rateLimit;
    t = await startTestApp({ cache: { enabled: false }, protection: { rateLimit: { ...defaults, enabled: true } } });
  });
  afterAll(() => t?.close());

  it('lets a person browse freely and stops one client pulling hundreds of full lists a minute', async () => {
    const front = 'query Front($path: String!) { section(path: $path) { articles(first: 20) { nodes { headline authors { name } tags { name } quotes { text speaker { name } } relatedCoverage(first: 3) { article { headline } } } } } }';
    const page = 'query Page($slug: String!) { article(slug: $slug) { headline bodyHtml authors { name } tags { name } quotes { text } relatedCoverage(first: 4) { article { headline } } } }';
    const send = async (query: string, variables: Record<string, unknown>) =>
      (await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': 'ignored' }, body: JSON.stringify({ query, variables }) })).status;
    // Ten fronts and twenty article pages in a minute, none of them from the cache.
    for (let i = 0; i < 10; i += 1) expect(await send(front, { path: 'world' })).toBe(200);
    for (let i = 0; i < 20; i += 1) expect(await send(page, { slug: 'kim-jong-un-opens-saeppyol-street-homes' })).toBe(200);
    // Then full lists of a hundred articles, as a scraper pulls them: refused long before two hundred.
    let served = 0;
    while ((await send('{ articles(first: 100) { nodes { headline bodyHtml tags { name } } } }', {})) === 200) served += 1;
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThan(20);
  });
});

describe('several instances sharing Redis draw on one budget', () => {
  let database: TestDatabase;
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase({ shared: true });
    const redis = { url: 'redis://127.0.0.1:6379', prefix: `masthead-test-${randomBytes(6).toString('hex')}:` };
    one = await startTestApp({ database, cache: { redis }, protection: protection({}) });
    two = await startTestApp({ database, seed: false, cache: { redis }, protection: protection({}) });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('spends on one instance what the other then refuses', async () => {
    expect(remaining(await ask(one, 49))).toBe(50);
    expect(remaining(await ask(two, 39))).toBe(10);
    expectLimited(await ask(one, 19));
    expectLimited(await ask(two, 5));
  });
});
