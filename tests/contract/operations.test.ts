import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ArticlePageDocument,
  QuotesBySpeakerDocument,
  SearchDocument,
  SectionFrontDocument,
  type SectionFrontQuery,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { SAEPPYOL } from '../support/demo';
import { onPostgres } from '../support/database';

let t: TestApp;
beforeAll(async () => {
  // The statement budget is the uncached path's: with the response cache a repeat costs nothing.
  t = await startTestApp({ cache: { enabled: false } });
});
afterAll(() => t?.close());

describe('ArticlePage', () => {
  it('renders the Saeppyol Street story from its path', async () => {
    const { route } = await t.client.request(ArticlePageDocument, { path: SAEPPYOL.path });
    if (route?.__typename !== 'Article') throw new Error(`expected an Article, got ${route?.__typename}`);
    expect(route.headline).toBe(SAEPPYOL.headline);
    expect(route.uri).toBe(SAEPPYOL.path);
    expect(route.section).toMatchObject({ name: 'Asia', path: 'world/asia', parent: { name: 'World', path: 'world' } });
    expect(route.byline).toMatch(/^By /);
    expect(route.tableOfContents.map((heading) => heading.text)).toEqual(SAEPPYOL.headings);
    expect(new Set(route.tableOfContents.map((heading) => heading.anchor)).size).toBe(6);
    expect(route.quotes.map((quote) => [quote.text, quote.speakerName, quote.speaker?.name ?? null, quote.reportedBy?.name ?? null])).toEqual(
      SAEPPYOL.quotes.map((quote) => [quote.text, quote.speakerName, quote.speaker, quote.reportedBy]),
    );
    expect(route.quotes[1].speaker?.uri).toBe('/tag/kim-jong-un');
    expect(route.body.filter((block) => block.__typename === 'HeadingBlock')).toHaveLength(6);
    expect(route.tags).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Kim Jong Un', kind: 'PERSON', uri: '/tag/kim-jong-un' })]));
    expect(route.relatedCoverage.map((item) => [item.relation, item.curated])).toEqual([
      ['BACKGROUND', true],
      ['FOLLOW_UP', true],
      ['SIMILAR', false],
      ['SIMILAR', false],
    ]);
    expect(route.readingTimeMinutes).toBeGreaterThanOrEqual(4);
    expect(route.mainImage?.altText).toBeTruthy();
  });

  it('answers null for a path where nothing lives', async () => {
    const { route } = await t.client.request(ArticlePageDocument, { path: '/world/asia/no-such-story' });
    expect(route).toBeNull();
  });
});

describe('SectionFront', () => {
  async function front(first: number, after?: string | null) {
    const { section } = await t.client.request(SectionFrontDocument, { path: 'world', first, after });
    if (!section) throw new Error('no world section');
    return section;
  }

  it('lists the subsections in editorial order', async () => {
    const section = await front(1);
    expect(section.name).toBe('World');
    expect(section.children.map((child) => child.path)).toEqual(['world/asia', 'world/europe', 'world/americas']);
  });

  it('pages to the end with no repeats, newest first, and a correct totalCount', async () => {
    const seen: NonNullable<SectionFrontQuery['section']>['articles']['nodes'] = [];
    let after: string | null | undefined = null;
    let total = -1;
    for (let page = 0; page < 20; page += 1) {
      const section = await front(7, after);
      total = section.articles.totalCount;
      seen.push(...section.articles.nodes);
      if (!section.articles.pageInfo.hasNextPage) break;
      after = section.articles.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(20);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((card) => card.id)).size).toBe(total);
    const dates = seen.map((card) => Date.parse(card.publishedAt!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const card of seen) {
      expect(card.uri.startsWith('/world/')).toBe(true);
      expect(card.authors.length).toBeGreaterThan(0);
    }
  });

  it('gives each card its authors, tags, quotes with speakers and related pieces', async () => {
    const section = await front(50);
    const story = section.articles.nodes.find((card) => card.uri === SAEPPYOL.path);
    expect(story?.quotes.map((quote) => quote.speaker?.name)).toEqual(SAEPPYOL.quotes.map((quote) => quote.speaker));
    expect(story?.relatedCoverage.map((item) => item.relation)).toEqual(['BACKGROUND', 'FOLLOW_UP', 'SIMILAR']);
    expect(story?.section.name).toBe('Asia');
  });

  it('sends the same number of SQL statements, at most 7, for 5 cards as for 50', async () => {
    const five = await t.countStatements(() => front(5));
    const fifty = await t.countStatements(() => front(50));
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(7);
  });

  // A wave is one turn of the event loop, whose reads share a round trip on PostgreSQL; SQLite answers every read at once.
  it.runIf(onPostgres)('reads a front in two round trips: the section tree beside the page, then the cards’ authors, tags, quotes and related pieces', async () => {
    const trace = await t.traceStatements(() => front(20));
    const waves = [...new Set(trace.map((statement) => statement.turn))].map((turn) => trace.filter((statement) => statement.turn === turn).map((statement) => statement.sql));
    expect(waves).toHaveLength(2);
    expect(waves[0].some((sql) => /from "section"/.test(sql))).toBe(true);
    expect(waves[0].some((sql) => /from "article"/.test(sql))).toBe(true);
    expect(waves[1]).toHaveLength(trace.length - waves[0].length);
  });
});

describe('QuotesBySpeaker', () => {
  it("finds Kim Jong Un's three quotes, in reading order, with their article", async () => {
    const { quotes } = await t.client.request(QuotesBySpeakerDocument, { speaker: 'kim-jong-un' });
    expect(quotes.totalCount).toBe(3);
    expect(quotes.edges.map((edge) => edge.node.text)).toEqual(SAEPPYOL.quotes.filter((q) => q.speaker === 'Kim Jong Un').map((q) => q.text));
    expect(quotes.edges.every((edge) => edge.node.article.uri === SAEPPYOL.path)).toBe(true);
    expect(quotes.edges[2].node.reportedBy?.name).toBe('Korean Central News Agency');
  });

  it('pages one quote at a time without repeats', async () => {
    const texts: string[] = [];
    let after: string | null | undefined = null;
    do {
      const { quotes }: { quotes: { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: { node: { text: string } }[] } } =
        await t.client.request(QuotesBySpeakerDocument, { speaker: 'kim-jong-un', first: 1, after });
      texts.push(...quotes.edges.map((edge) => edge.node.text));
      after = quotes.pageInfo.hasNextPage ? quotes.pageInfo.endCursor : null;
    } while (after);
    expect(texts).toEqual(['immortality of the martyrs', 'unconditionally support', 'some small comfort']);
  });
});

describe('Search', () => {
  it('validates and answers a connection', async () => {
    const { search } = await t.client.request(SearchDocument, { query: 'Saeppyol' });
    expect(search.pageInfo.hasNextPage).toBe(false);
    expect(Array.isArray(search.edges)).toBe(true);
  });
});
