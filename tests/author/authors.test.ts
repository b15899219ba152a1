import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorListDocument, AuthorPageDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { collectPages } from '../support/paging';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('authors', () => {
  it('pages the staff list A to Z', async () => {
    const authors = await collectPages(async (after) => (await t.client.request(AuthorListDocument, { first: 2, after })).authors);
    const names = authors.map((author) => author.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await t.client.request(AuthorListDocument, { first: 0 })).authors.totalCount).toBe(names.length);
  });

  it("shows an author page with the author's own articles, paged", async () => {
    const { author } = await t.client.request(AuthorPageDocument, { slug: 'hana-seo', first: 3 });
    expect(author).toMatchObject({ name: 'Hana Seo', uri: '/author/hana-seo' });
    expect(author?.jobTitle).toBeTruthy();
    expect(author?.image?.url).toMatch(/^https:\/\//);
    const all = await collectPages(async (after) => (await t.client.request(AuthorPageDocument, { slug: 'hana-seo', first: 3, after })).author!.articles);
    expect(all).toHaveLength(author!.articles.totalCount);
    expect(all.every((article) => article.authors.some((credit) => credit.slug === 'hana-seo'))).toBe(true);
  });

  it('answers null for an unknown author', async () => {
    expect((await t.client.request(AuthorPageDocument, { slug: 'nobody' })).author).toBeNull();
  });
});
