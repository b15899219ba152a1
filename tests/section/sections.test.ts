import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SectionArticlesDocument, SectionListDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { collectPages } from '../support/paging';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const articlesOf = (path: string, includeSubsections?: boolean) =>
  collectPages(async (after) => {
    const { section } = await t.client.request(SectionArticlesDocument, { path, includeSubsections, first: 8, after });
    return section!.articles;
  });

describe('sections', () => {
  it('lists the top level in editorial order with subsections beneath', async () => {
    const { sections } = await t.client.request(SectionListDocument, {});
    expect(sections.map((section) => section.name)).toEqual(['World', 'Politics', 'Business', 'Technology', 'Culture']);
    expect(sections.every((section) => section.parent === null && section.uri === `/${section.path}`)).toBe(true);
    expect(sections[0].children).toEqual([
      { name: 'Asia', path: 'world/asia', uri: '/world/asia', parent: { path: 'world' } },
      { name: 'Europe', path: 'world/europe', uri: '/world/europe', parent: { path: 'world' } },
      { name: 'Americas', path: 'world/americas', uri: '/world/americas', parent: { path: 'world' } },
    ]);
  });

  it('finds a section by path in any spelling, and null for none', async () => {
    expect((await t.client.request(SectionArticlesDocument, { path: '/World/Asia/', first: 0 })).section?.path).toBe('world/asia');
    expect((await t.client.request(SectionArticlesDocument, { path: 'world/atlantis', first: 0 })).section).toBeNull();
  });

  it("counts a front's articles with or without its subsections", async () => {
    const whole = await articlesOf('world');
    const own = await articlesOf('world', false);
    const children = await Promise.all(['world/asia', 'world/europe', 'world/americas'].map((path) => articlesOf(path)));
    expect(whole.length).toBe(own.length + children.reduce((sum, list) => sum + list.length, 0));
    expect(own.every((article) => article.section.path === 'world')).toBe(true);
    const { section } = await t.client.request(SectionArticlesDocument, { path: 'world', first: 1 });
    expect(section?.articles.totalCount).toBe(whole.length);
  });
});
