import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleBySlugDocument, QuoteSearchDocument } from '../generated/graphql';
import { expectGraphQLError, startTestApp, type TestApp } from '../support/app';
import { collectPages } from '../support/paging';
import { SAEPPYOL } from '../support/demo';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('quotes(filter:)', () => {
  it('lists every quote once, newest article first and in reading order within an article', async () => {
    const quotes = await collectPages(async (after) => (await t.client.request(QuoteSearchDocument, { first: 4, after })).quotes);
    expect(quotes.length).toBe((await t.client.request(QuoteSearchDocument, { first: 0 })).quotes.totalCount);
    const saeppyol = quotes.filter((quote) => quote.article.slug === SAEPPYOL.slug).map((quote) => quote.text);
    expect(saeppyol).toEqual(SAEPPYOL.quotes.map((quote) => quote.text));
  });

  it('finds quotes by their words, and combines that with the speaker and the article', async () => {
    const { quotes } = await t.client.request(QuoteSearchDocument, { filter: { query: 'SMALL comfort' } });
    expect(quotes.nodes).toEqual([{ text: 'some small comfort', speakerName: 'Kim Jong Un', article: { slug: SAEPPYOL.slug } }]);
    const { article } = await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug });
    const inArticle = await t.client.request(QuoteSearchDocument, { filter: { article: article!.id, speaker: 'rodong-sinmun' } });
    expect(inArticle.quotes.nodes.map((quote) => quote.speakerName)).toEqual(['Rodong Sinmun']);
    const none = await t.client.request(QuoteSearchDocument, { filter: { speaker: 'rodong-sinmun', query: 'martyrs' } });
    expect(none.quotes.totalCount).toBe(0);
  });

  it("pages a speaker's quotes (read from their own index) in the order and number of the whole list", async () => {
    const all = await collectPages(async (after) => (await t.client.request(QuoteSearchDocument, { first: 100, after })).quotes);
    const page = (first: number) => async (after: string | null) => (await t.client.request(QuoteSearchDocument, { filter: { speaker: ' Kim-Jong-Un ' }, first, after })).quotes;
    const bySpeaker = await collectPages(page(2));
    expect(bySpeaker.length).toBeGreaterThan(2);
    expect(bySpeaker.length).toBe((await page(0)(null)).totalCount);
    expect(bySpeaker).toEqual(await collectPages(page(100)));
    expect(bySpeaker).toEqual(all.filter((quote) => bySpeaker.some((own) => own.text === quote.text && own.article.slug === quote.article.slug)));
  });

  it('refuses an article filter that is not an article ID', async () => {
    const { article } = await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug });
    const errors = await expectGraphQLError(t.client, QuoteSearchDocument, { filter: { article: article!.quotes[0].id } }, 'BAD_USER_INPUT');
    expect(errors[0].message).toContain('must be the ID of an Article');
  });
});
