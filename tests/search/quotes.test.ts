import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleBySlugDocument, QuoteSearchDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { SAEPPYOL } from '../support/demo';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function texts(filter: { query?: string; speaker?: string; article?: string }): Promise<string[]> {
  return (await t.client.request(QuoteSearchDocument, { filter, first: 100 })).quotes.nodes.map((quote) => quote.text);
}

describe('quote search', () => {
  it('finds quotes by their words in any order, whatever the case and punctuation around them', async () => {
    const pride = 'a source of honour for our generation and a pride of Pyongyang and our state';
    expect(await texts({ query: 'pyongyang PRIDE' })).toEqual([pride]);
    expect(await texts({ query: '"honour," (generation)' })).toEqual([pride]);
    expect(await texts({ query: 'pride martyrs' })).toEqual([]);
  });

  it('combines the words with the speaker and the article filters', async () => {
    const { article } = await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug });
    expect(await texts({ query: 'support', speaker: 'kim-jong-un', article: article!.id })).toEqual(['unconditionally support']);
    expect(await texts({ query: 'support', speaker: 'rodong-sinmun' })).toEqual([]);
  });

  it('treats % and _ as themselves', async () => {
    expect(await texts({ query: '%' })).toEqual(await texts({}));
    expect(await texts({ query: 'small_comfort' })).toEqual([]);
  });
});
