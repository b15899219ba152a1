import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TagListDocument, TagPageDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { collectPages } from '../support/paging';
import { SAEPPYOL } from '../support/demo';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('tags', () => {
  it('pages the tag directory A to Z without repeats', async () => {
    const tags = await collectPages(async (after) => (await t.client.request(TagListDocument, { first: 10, after })).tags);
    const names = tags.map((tag) => tag.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(tags.map((tag) => tag.slug)).size).toBe(tags.length);
    expect((await t.client.request(TagListDocument, { first: 0 })).tags.totalCount).toBe(tags.length);
    expect(new Set(tags.map((tag) => tag.kind))).toEqual(new Set(['TOPIC', 'PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'SERIES']));
  });

  it('narrows by kind and by words in the name', async () => {
    const { tags: people } = await t.client.request(TagListDocument, { kind: 'PERSON', first: 100 });
    expect(people.nodes.every((tag) => tag.kind === 'PERSON')).toBe(true);
    expect(people.nodes.map((tag) => tag.slug)).toContain('kim-jong-un');
    const { tags: found } = await t.client.request(TagListDocument, { query: 'KIM', first: 100 });
    expect(found.nodes.map((tag) => tag.name).sort()).toEqual(['Kim Jong Un', 'Kim Ju Ae']);
    const { tags: none } = await t.client.request(TagListDocument, { query: '100%_', first: 100 });
    expect(none.totalCount).toBe(0);
  });

  it("shows a tag page: its articles newest first and its speaker's quotes", async () => {
    const { tag } = await t.client.request(TagPageDocument, { slug: 'kim-jong-un', first: 50 });
    expect(tag).toMatchObject({ name: 'Kim Jong Un', kind: 'PERSON', uri: '/tag/kim-jong-un' });
    const dates = tag!.articles.nodes.map((article) => Date.parse(article.publishedAt!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(tag!.articles.totalCount).toBe(tag!.articles.nodes.length);
    expect(tag!.articles.nodes.map((article) => article.slug)).toContain(SAEPPYOL.slug);
    expect(tag!.quotes.totalCount).toBe(3);
    expect(tag!.quotes.nodes.map((quote) => quote.text)).toEqual(['immortality of the martyrs', 'unconditionally support', 'some small comfort']);
  });

  it('answers null for an unknown tag', async () => {
    expect((await t.client.request(TagPageDocument, { slug: 'no-such-tag' })).tag).toBeNull();
  });
});
