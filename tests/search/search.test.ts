import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleStatus } from '../../src/modules/article/article.enums';
import { SearchDocument, SearchHitsDocument, type SearchHitsQueryVariables } from '../generated/graphql';
import { expectGraphQLError, startTestApp, type TestApp } from '../support/app';
import { addArticle, deleteArticle, editArticle } from '../support/articles';
import { SAEPPYOL } from '../support/demo';
import { collectPages } from '../support/paging';

let t: TestApp;
beforeAll(async () => {
  // Articles are written here straight through MikroORM (tests/support/articles.ts), past the
  // mutations that evict cached answers, so the response cache is off.
  t = await startTestApp({ cache: { enabled: false } });
});
afterAll(() => t?.close());

async function search(variables: SearchHitsQueryVariables) {
  return (await t.client.request(SearchHitsDocument, variables)).search;
}

async function slugs(query: string, variables: Partial<SearchHitsQueryVariables> = {}): Promise<string[]> {
  return (await search({ query, first: 100, ...variables })).edges.map((edge) => edge.node.slug);
}

describe('the Search contract operation', () => {
  it('finds the Saeppyol Street story first, with its excerpt', async () => {
    const { search: result } = await t.client.request(SearchDocument, { query: 'Saeppyol' });
    expect(result.totalCount).toBeGreaterThanOrEqual(2);
    expect(result.edges[0].node).toMatchObject({ headline: SAEPPYOL.headline, uri: SAEPPYOL.path, section: { name: 'Asia' } });
    expect(result.edges[0].highlight).toContain('<mark>Saeppyol</mark>');
    expect(result.edges.map((edge) => edge.score)).toEqual([...result.edges.map((edge) => edge.score)].sort((a, b) => b - a));
  });
});

describe('ranking', () => {
  it('puts a headline match above body-only matches, however often the body repeats the word', async () => {
    await addArticle(t, { slug: 'zephyrine-in-the-body', headline: 'A long day at the harbour', paragraphs: ['Zephyrine, zephyrine and more zephyrine: the zephyrine winds blew all day.', 'Zephyrine again.'] });
    await addArticle(t, { slug: 'zephyrine-in-the-headline', headline: 'Zephyrine winds close the port', paragraphs: ['The port shut at noon.'] });
    const result = await search({ query: 'zephyrine' });
    expect(result.edges.map((edge) => edge.node.slug)).toEqual(['zephyrine-in-the-headline', 'zephyrine-in-the-body']);
    expect(result.edges[0].score).toBeGreaterThan(result.edges[1].score);
  });

  it('finds tag names and the standfirst too', async () => {
    expect(await slugs('Rodong Sinmun')).toContain(SAEPPYOL.slug);
    expect(await slugs('"Korean Central News Agency"')).toContain(SAEPPYOL.slug);
  });
});

describe('query syntax', () => {
  it('matches "quoted phrases" only with their words in order', async () => {
    expect(await slugs('"Saeppyol Street"')).toContain(SAEPPYOL.slug);
    expect(await slugs('"Street Saeppyol"')).toEqual([]);
  });

  it('leaves out -excluded words and phrases', async () => {
    const all = await slugs('Saeppyol');
    expect(all).toContain('north-korea-party-congress-opens');
    expect(await slugs('Saeppyol -delegates')).toEqual(all.filter((slug) => slug !== 'north-korea-party-congress-opens'));
    expect(await slugs('Saeppyol -"party congress"')).not.toContain('north-korea-party-congress-opens');
  });

  it('matches the last word as a prefix, and only the last', async () => {
    expect(await slugs('Saepp')).toContain(SAEPPYOL.slug);
    expect((await search({ query: 'Saepp' })).edges[0].highlight).toMatch(/<mark>Saeppyol<\/mark>/);
    expect(await slugs('kim jong')).toContain(SAEPPYOL.slug);
    expect(await slugs('Saepp street')).toEqual([]);
  });

  it('answers an empty result for stop words, punctuation and stray syntax, never an error', async () => {
    for (const query of ['', '   ', 'the of and', '!!! ???', '"', '-', '- -', '*', '"the"', '-kim', 'AND OR NOT', "'"]) {
      const result = await search({ query });
      expect(result, query).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    }
    for (const query of ['"saeppyol', 'saeppyol "', 'saeppyol AND', '(((saeppyol', '(saeppyol street)', 'saeppyol:*', "saeppyol') & !(", 'saeppyol ^ {', 'saeppyol\\"']) {
      expect(await slugs(query), query).toContain(SAEPPYOL.slug);
    }
  });
});

describe('highlight', () => {
  it('wraps matches in <mark> and escapes everything else', async () => {
    await addArticle(t, {
      slug: 'quokka-markup',
      headline: 'Island notes',
      paragraphs: ['Rangers say <script>alert("x")</script> the quokka & its <b>friends</b> are thriving on the island, and the quokka is "calm".'],
    });
    const [hit] = (await search({ query: 'quokka' })).edges;
    expect(hit.node.slug).toBe('quokka-markup');
    expect(hit.highlight).toContain('<mark>quokka</mark>');
    const rest = hit.highlight!.replace(/<\/?mark>/g, '');
    expect(rest).not.toMatch(/[<>]/);
    expect(rest).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
  });
});

describe('filters and paging', () => {
  it('applies ArticleFilter', async () => {
    const inEurope = await search({ query: 'ferry', filter: { section: 'world/europe' }, first: 100 });
    expect(inEurope.edges.length).toBeGreaterThan(0);
    expect(inEurope.edges.every((edge) => edge.node.section.path.startsWith('world/europe'))).toBe(true);
    expect(inEurope.totalCount).toBe(inEurope.edges.length);
    expect(await slugs('kim', { filter: { tag: 'kim-ju-ae' } })).toEqual(expect.arrayContaining(['kim-ju-ae-public-role', SAEPPYOL.slug]));
    for (const edge of (await search({ query: 'kim', filter: { tag: 'kim-ju-ae' }, first: 100 })).edges) {
      expect(edge.node.tags.map((tag) => tag.slug)).toContain('kim-ju-ae');
    }
    expect(await slugs('Saeppyol', { filter: { author: 'hana-seo' } })).toContain(SAEPPYOL.slug);
    expect(await slugs('Saeppyol', { filter: { publishedAfter: '2026-11-20T00:00:00Z' } })).toEqual(['north-korea-party-congress-opens']);
    await expectGraphQLError(t.client, SearchHitsDocument, { query: 'kim', filter: { status: 'DRAFT' } }, 'FORBIDDEN');
  });

  it('pages to the end without repeats, best first, with a correct totalCount', async () => {
    const first = await search({ query: 'eastbridge', first: 3 });
    expect(first.totalCount).toBeGreaterThan(6);
    const hits = await collectPages(async (after) => {
      const page = await search({ query: 'eastbridge', first: 3, after });
      return { nodes: page.edges, pageInfo: page.pageInfo };
    });
    expect(hits).toHaveLength(first.totalCount);
    expect(new Set(hits.map((hit) => hit.node.slug)).size).toBe(hits.length);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await search({ query: 'eastbridge' })).edges).toHaveLength(Math.min(20, first.totalCount));
  });

  it('counts only when totalCount is asked for, however it is asked', async () => {
    const { totalCount } = await search({ query: 'eastbridge', first: 3 });
    const throughFragment = 'query($q: String!) { search(query: $q, first: 2) { ...Total } } fragment Total on SearchConnection { totalCount }';
    const inline = 'query($q: String!) { search(query: $q, first: 4) { ... on SearchConnection { totalCount } } }';
    for (const document of [throughFragment, inline]) expect(await t.client.request(document, { q: 'eastbridge' })).toEqual({ search: { totalCount } });
    const counted = await t.countStatements(() => t.client.request('{ search(query: "eastbridge", first: 5) { totalCount edges { score } } }'));
    const uncounted = await t.countStatements(() => t.client.request('{ search(query: "eastbridge", first: 6) { edges { score } } }'));
    expect(uncounted).toBe(counted - 1);
  });

  it('refuses cursors it did not give out for this query, and page sizes out of range', async () => {
    const { pageInfo } = await search({ query: 'eastbridge', first: 2 });
    await expectGraphQLError(t.client, SearchHitsDocument, { query: 'kim', after: pageInfo.endCursor }, 'BAD_USER_INPUT');
    await expectGraphQLError(t.client, SearchHitsDocument, { query: 'kim', after: 'not-a-cursor' }, 'BAD_USER_INPUT');
    const deep = Buffer.from(JSON.stringify(['SEARCH:x', -1])).toString('base64url');
    await expectGraphQLError(t.client, SearchHitsDocument, { query: 'kim', after: deep }, 'BAD_USER_INPUT');
    await expectGraphQLError(t.client, SearchHitsDocument, { query: 'kim', first: 101 }, 'BAD_USER_INPUT');
  });
});

describe('freshness', () => {
  it('reflects an edit, an unpublish and a deletion in the very next search', async () => {
    const id = await addArticle(t, { slug: 'lighthouse-keeper', headline: 'The last lighthouse keeper retires', paragraphs: ['After forty years, the light goes automatic.'] });
    expect(await slugs('lighthouse')).toEqual(['lighthouse-keeper']);

    await editArticle(t, id, (article) => (article.headline = 'The last foghorn keeper retires'));
    expect(await slugs('lighthouse')).toEqual([]);
    expect(await slugs('foghorn')).toEqual(['lighthouse-keeper']);

    await editArticle(t, id, (article) => (article.status = ArticleStatus.DRAFT));
    expect(await slugs('foghorn')).toEqual([]);

    await editArticle(t, id, (article) => (article.status = ArticleStatus.PUBLISHED));
    expect(await slugs('foghorn')).toEqual(['lighthouse-keeper']);

    await deleteArticle(t, id);
    expect(await slugs('foghorn')).toEqual([]);
  });

  it('finds a scheduled piece only once its time has come', async () => {
    await addArticle(t, { slug: 'future-tidal-report', headline: 'Tidal lagoon report', status: ArticleStatus.SCHEDULED, publishedAt: new Date(Date.now() + 86_400_000) });
    await addArticle(t, { slug: 'due-tidal-report', headline: 'Tidal barrage report', status: ArticleStatus.SCHEDULED, publishedAt: new Date(Date.now() - 1000) });
    expect(await slugs('tidal')).toEqual(['due-tidal-report']);
    expect((await search({ query: 'tidal' })).totalCount).toBe(1);
  });
});
