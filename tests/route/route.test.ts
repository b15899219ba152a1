import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteKindDocument } from '../generated/graphql';
import { ArticlePath } from '../../src/modules/route/article-path.entity';
import { Article } from '../../src/modules/article/article.entity';
import { startTestApp, type TestApp } from '../support/app';
import { SAEPPYOL } from '../support/demo';

let t: TestApp;
beforeAll(async () => {
  // The factories write straight into the database, behind the API and so behind its response cache.
  t = await startTestApp({ cache: { enabled: false } });
});
afterAll(() => t?.close());

const route = async (path: string) => (await t.client.request(RouteKindDocument, { path })).route;

describe('route(path:)', () => {
  it('finds an article, a section, a tag and an author by their public paths', async () => {
    expect(await route(SAEPPYOL.path)).toEqual({ __typename: 'Article', slug: SAEPPYOL.slug });
    expect(await route('/world/asia')).toEqual({ __typename: 'Section', path: 'world/asia' });
    expect(await route('/world')).toEqual({ __typename: 'Section', path: 'world' });
    expect(await route('/tag/kim-jong-un')).toEqual({ __typename: 'Tag', slug: 'kim-jong-un' });
    const author = await route('/author/hana-seo');
    expect(author).toEqual({ __typename: 'Author', slug: 'hana-seo' });
  });

  it('forgives trailing slashes, case, query strings and fragments', async () => {
    expect(await route(`${SAEPPYOL.path.toUpperCase()}/?utm_source=x#top`)).toEqual({ __typename: 'Article', slug: SAEPPYOL.slug });
  });

  it('answers null where nothing lives', async () => {
    expect(await route('/world/asia/no-such-story')).toBeNull();
    expect(await route('/no-such-section')).toBeNull();
    expect(await route('/')).toBeNull();
    expect(await route('/tag/no-such-tag')).toBeNull();
  });

  it('redirects a known slug under the wrong section to its canonical path', async () => {
    expect(await route(`/politics/${SAEPPYOL.slug}`)).toEqual({ __typename: 'Redirect', location: SAEPPYOL.path, permanent: true });
  });

  it('redirects a path the article used to live at, straight to where it is now', async () => {
    const em = t.app.orm.em.fork();
    const article = await em.findOneOrFail(Article, { slug: SAEPPYOL.slug });
    em.create(ArticlePath, { path: '/world/old-saeppyol-slug', article });
    em.create(ArticlePath, { path: '/world/asia/older-saeppyol-slug', article });
    await em.flush();
    expect(await route('/world/old-saeppyol-slug')).toEqual({ __typename: 'Redirect', location: SAEPPYOL.path, permanent: true });
    expect(await route('/world/asia/older-saeppyol-slug/')).toEqual({ __typename: 'Redirect', location: SAEPPYOL.path, permanent: true });
  });
});
