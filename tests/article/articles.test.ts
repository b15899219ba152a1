import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleListDocument, type ArticleListQueryVariables } from '../generated/graphql';
import { expectGraphQLError, startTestApp, type TestApp } from '../support/app';
import { collectPages } from '../support/paging';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const list = (variables: ArticleListQueryVariables) => t.client.request(ArticleListDocument, variables);
const all = (variables: ArticleListQueryVariables) =>
  collectPages(async (after) => {
    const { articles } = await list({ ...variables, first: 9, after });
    return { nodes: articles.edges.map((edge) => edge.node), pageInfo: articles.pageInfo };
  });

describe('articles(…)', () => {
  it('defaults to 20, newest first, with a totalCount of every published piece', async () => {
    const { articles } = await list({});
    expect(articles.nodes).toHaveLength(20);
    expect(articles.totalCount).toBeGreaterThanOrEqual(30);
    const dates = articles.edges.map((edge) => Date.parse(edge.node.publishedAt!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(articles.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: articles.edges[0].cursor, endCursor: articles.edges[19].cursor });
  });

  it('pages through everything exactly once, in every ordering', async () => {
    const newest = await all({ orderBy: 'NEWEST' });
    const oldest = await all({ orderBy: 'OLDEST' });
    const updated = await all({ orderBy: 'RECENTLY_UPDATED' });
    const { articles } = await list({ first: 0 });
    expect(newest).toHaveLength(articles.totalCount);
    expect(new Set(newest.map((node) => node.id)).size).toBe(articles.totalCount);
    expect(oldest.map((node) => node.id)).toEqual([...newest].reverse().map((node) => node.id));
    const updates = updated.map((node) => Date.parse(node.updatedAt));
    expect(updates).toEqual([...updates].sort((a, b) => b - a));
  });

  it('filters by section (with subsections), tag, author and publication dates', async () => {
    const asia = await all({ filter: { section: 'world/asia' } });
    expect(asia.length).toBeGreaterThanOrEqual(6);
    expect(asia.every((node) => node.section.path === 'world/asia')).toBe(true);
    const world = await all({ filter: { section: '/World/' } });
    expect(world.length).toBeGreaterThan(asia.length);
    expect(world.every((node) => node.section.path.startsWith('world'))).toBe(true);

    const tagged = await all({ filter: { tag: 'kim-ju-ae' } });
    expect(tagged.map((node) => node.slug)).toContain('kim-jong-un-opens-saeppyol-street-homes');

    const both = await all({ filter: { tag: 'kim-ju-ae', section: 'politics' } });
    expect(both).toEqual([]);

    const cutoff = '2026-11-01T00:00:00.000Z';
    const recent = await all({ filter: { publishedAfter: cutoff } });
    const earlier = await all({ filter: { publishedBefore: cutoff } });
    expect(recent.every((node) => node.publishedAt! > cutoff)).toBe(true);
    expect(earlier.every((node) => node.publishedAt! < cutoff)).toBe(true);
    expect(recent.length + earlier.length).toBe((await list({ first: 0 })).articles.totalCount);
  });

  it('answers an empty list, not an error, for an unknown section, tag or author', async () => {
    for (const filter of [{ section: 'nowhere' }, { tag: 'nothing' }, { author: 'nobody' }]) {
      const { articles } = await list({ filter });
      expect(articles).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }
  });

  it('refuses page sizes outside 0..100 and cursors it did not give out', async () => {
    expect((await expectGraphQLError(t.client, ArticleListDocument, { first: 101 }, 'BAD_USER_INPUT'))[0].message).toContain('"first"');
    await expectGraphQLError(t.client, ArticleListDocument, { first: -1 }, 'BAD_USER_INPUT');
    expect((await expectGraphQLError(t.client, ArticleListDocument, { after: 'garbage' }, 'BAD_USER_INPUT'))[0].message).toContain('"after"');
    const { articles } = await list({ first: 1, orderBy: 'NEWEST' });
    await expectGraphQLError(t.client, ArticleListDocument, { orderBy: 'RECENTLY_UPDATED', after: articles.pageInfo.endCursor }, 'BAD_USER_INPUT');
  });

  it('keeps drafts to the newsroom: asking for them anonymously is FORBIDDEN', async () => {
    await expectGraphQLError(t.client, ArticleListDocument, { filter: { status: 'DRAFT' } }, 'FORBIDDEN');
  });
});
