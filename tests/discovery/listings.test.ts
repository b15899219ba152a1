import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorArticleDatesDocument, SectionArticleDatesDocument, TagPageDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { collectPages } from '../support/paging';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

interface Listing<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: N[];
}

/** Pages a listing two at a time and checks it is whole, without repeats, newest first. */
async function expectNewestFirst<N extends { slug: string; publishedAt?: string | null }>(fetch: (after: string | null) => Promise<Listing<N>>): Promise<N[]> {
  const all = await collectPages(fetch);
  expect(all.length).toBe((await fetch(null)).totalCount);
  expect(new Set(all.map((article) => article.slug)).size).toBe(all.length);
  const dates = all.map((article) => Date.parse(article.publishedAt!));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  return all;
}

describe('tag, author and section pages', () => {
  it('page a tag’s articles newest first', async () => {
    const all = await expectNewestFirst(async (after) => (await t.client.request(TagPageDocument, { slug: 'north-korea', first: 2, after })).tag!.articles);
    expect(all.length).toBeGreaterThan(4);
  });

  it('page an author’s articles newest first', async () => {
    const all = await expectNewestFirst(async (after) => (await t.client.request(AuthorArticleDatesDocument, { slug: 'hana-seo', first: 2, after })).author!.articles);
    expect(all.length).toBeGreaterThan(4);
  });

  it('page a section’s articles with its subsections, newest first', async () => {
    const all = await expectNewestFirst(async (after) => (await t.client.request(SectionArticleDatesDocument, { path: 'world', first: 2, after })).section!.articles);
    const paths = new Set(all.map((article) => article.section.path));
    expect(paths).toEqual(new Set(['world', 'world/asia', 'world/europe', 'world/americas']));
  });
});
