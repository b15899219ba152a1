import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ArticlePageDocument, DeskUpdateArticleDocument, SectionFrontDocument } from '../generated/graphql';
import { publishedDraft, useDesk } from '../editorial/support';
import { SAEPPYOL } from '../support/demo';
import { readAfterEveryWrite } from './read-after-write';
import { read, warm } from './support';

const desk = useDesk();
const articlePage = { path: SAEPPYOL.path };

describe('the response cache (in memory, one instance)', () => {
  it('answers a repeated anonymous read from memory without touching the database', async () => {
    const first = await read(desk.t.url, ArticlePageDocument, articlePage);
    expect(first.cache).toBe('MISS');
    let again!: Awaited<ReturnType<typeof read<unknown, unknown>>>;
    const statements = await desk.t.countStatements(async () => {
      again = await read(desk.t.url, ArticlePageDocument, articlePage);
    });
    expect(again.cache).toBe('HIT');
    expect(statements).toBe(0);
    expect(again.data).toEqual(first.data);
    expect((again.data as typeof first.data).route).toMatchObject({ headline: SAEPPYOL.headline });
  });

  it('answers a long request text from the cache too, though it does not keep the text', async () => {
    // A query of over 16 KB (a long comment): its cache key is worked out again each time.
    const body = JSON.stringify({ query: `${print(ArticlePageDocument)}\n#${'x'.repeat(20_000)}`, variables: articlePage });
    const send = () => fetch(desk.t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const first = await send();
    const again = await send();
    expect([first.headers.get('x-cache'), again.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    expect(((await again.json()) as { data: { route: { headline: string } } }).data.route.headline).toBe(SAEPPYOL.headline);
  });

  it('counts hits and misses in /metrics', async () => {
    const hits = async () => Number(/^masthead_response_cache_hits_total (\d+)$/m.exec(await (await fetch(`${desk.t.app.url}/metrics`)).text())?.[1]);
    const before = await hits();
    await warm(desk.t.url, SectionFrontDocument, { path: 'technology', first: 3 });
    expect(await hits()).toBe(before + 1);
  });

  it('never serves or keeps answers for requests with a token', async () => {
    const token = (desk.admin.requestConfig.headers as Record<string, string>).authorization;
    await warm(desk.t.url, ArticlePageDocument, articlePage);
    const statements = await desk.t.countStatements(async () => {
      const editor = await read(desk.t.url, ArticlePageDocument, articlePage, { authorization: token });
      expect(editor.cache).toBeNull();
      expect(editor.headers.get('cache-control')).toBe('private, no-store');
    });
    expect(statements).toBeGreaterThan(0);
  });

  it('drops exactly what a write touched: other pages stay cached', async () => {
    const other = await publishedDraft(desk);
    await warm(desk.t.url, ArticlePageDocument, articlePage);
    await warm(desk.t.url, ArticlePageDocument, { path: other.uri });
    const { updateArticle } = await desk.admin.request(DeskUpdateArticleDocument, { input: { id: other.id, expectedVersion: other.version, headline: 'A headline nobody else shares' } });
    expect(updateArticle.userErrors).toEqual([]);
    expect((await read(desk.t.url, ArticlePageDocument, { path: other.uri })).data.route).toMatchObject({ headline: 'A headline nobody else shares' });
    expect((await read(desk.t.url, ArticlePageDocument, articlePage)).cache).toBe('HIT');
  });
});

describe('HTTP caching for browsers and CDNs', () => {
  it('sends Cache-Control from the content: short for fronts, longer for an article page', async () => {
    const frontAge = maxAge((await read(desk.t.url, SectionFrontDocument, { path: 'world/asia', first: 20 })).headers);
    const pageAge = maxAge((await read(desk.t.url, ArticlePageDocument, articlePage)).headers);
    expect(frontAge).toBeGreaterThan(0);
    expect(frontAge).toBeLessThanOrEqual(60);
    expect(pageAge).toBeGreaterThan(60);
  });

  it('names the objects of an answer in Surrogate-Key, for purging a CDN by object', async () => {
    const page = await read(desk.t.url, ArticlePageDocument, articlePage);
    const keys = page.headers.get('surrogate-key')!.split(' ');
    expect(keys).toContain(`Article:${articleId(desk.ids.published)}`);
    expect(keys.some((key) => key.startsWith('Section:'))).toBe(true);
  });

  it('answers 304 with no body when If-None-Match holds the current ETag, and 200 once it changed', async () => {
    const page = await read(desk.t.url, ArticlePageDocument, articlePage);
    const etag = page.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const url = `${desk.t.url}?${new URLSearchParams({ query: print(ArticlePageDocument), variables: JSON.stringify(articlePage) })}`;
    const unchanged = await fetch(url, { headers: { 'if-none-match': etag, accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    const stale = await fetch(url, { headers: { 'if-none-match': '"something-older"', accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(etag);
  });

  it('serves Automatic Persisted Queries: a hash-only GET, once the query is known, comes from the cache', async () => {
    const query = print(SectionFrontDocument);
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const variables = JSON.stringify({ path: 'business', first: 5 });
    const hashOnly = `${desk.t.url}?${new URLSearchParams({ extensions, variables })}`;
    // As Apollo Client sends them: a header no browser form can set, for Apollo's CSRF prevention.
    const headers = { accept: 'application/json', 'apollo-require-preflight': 'true' };

    const unknown = (await (await fetch(hashOnly, { headers })).json()) as { errors: { extensions: { code: string } }[] };
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await fetch(`${desk.t.url}?${new URLSearchParams({ query, extensions, variables })}`, { headers });
    const full = await registered.text();
    expect(JSON.parse(full).data.section.path).toBe('business');

    let hit!: Response;
    const statements = await desk.t.countStatements(async () => {
      hit = await fetch(hashOnly, { headers });
    });
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(await hit.text()).toBe(full);
    expect(statements).toBe(0);
  });

  it('never caches mutations or answers with errors', async () => {
    const bad = await fetch(desk.t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ article(slug: "x") { noSuchField } }' }),
    });
    expect(bad.headers.get('x-cache')).toBeNull();
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });
});

describe('a read after every kind of write (one instance)', () => {
  readAfterEveryWrite(() => ({ desk, ids: desk.ids, readerUrl: desk.t.url }));
});

function maxAge(headers: Headers): number {
  return Number(/max-age=(\d+)/.exec(headers.get('cache-control') ?? '')?.[1] ?? NaN);
}

function articleId(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
}
