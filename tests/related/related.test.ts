import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '../../src/context';
import { ArticleStatus } from '../../src/modules/article/article.enums';
import { TagKind } from '../../src/modules/tag/tag.enums';
import { RelatedCoverageDocument, SectionFrontDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';
import { addArticle, addTag, articleId, editArticle } from '../support/articles';
import { SAEPPYOL } from '../support/demo';

let t: TestApp;
beforeAll(async () => {
  // The factories write straight into the database, behind the API and so behind its response cache.
  t = await startTestApp({ cache: { enabled: false } });
});
afterAll(() => t?.close());

/** The Saeppyol Street story's companion pieces (src/seed/demo-content.ts); the first two are curated. */
const CURATED = ['north-korea-russia-mutual-defence-pact-explained', 'north-korea-party-congress-opens'];
const COMPANIONS = [...CURATED, 'nis-estimates-north-korean-casualties-in-ukraine', 'north-korea-russia-arms-for-technology', 'kim-ju-ae-public-role'];

async function related(slug: string, first = 20) {
  const { article } = await t.client.request(RelatedCoverageDocument, { slug, first });
  if (!article) throw new Error(`no article ${slug}`);
  return article.relatedCoverage.map((item) => ({ slug: item.article.slug, relation: item.relation, curated: item.curated }));
}

/** SIMILAR candidates with their scores, straight from the loader. */
async function similarScores(slug: string): Promise<{ slug: string; score: number }[]> {
  const context = new Context({ em: t.app.orm.em.fork(), dialect: onPostgres ? 'postgresql' : 'sqlite', viewer: null });
  const { similar } = await context.loaders.related.byArticle.load({ articleId: await articleId(t, slug), limit: 20 });
  const rows = await context.loaders.article.byId.loadMany(similar.map((row) => row.relatedId));
  return similar.map((row, i) => ({ slug: (rows[i] as { slug: string }).slug, score: row.score }));
}

describe('related coverage', () => {
  it("fills the Saeppyol Street story's list with its companions: curated first, then SIMILAR", async () => {
    const items = await related(SAEPPYOL.slug);
    expect(items.slice(0, 2)).toEqual([
      { slug: CURATED[0], relation: 'BACKGROUND', curated: true },
      { slug: CURATED[1], relation: 'FOLLOW_UP', curated: true },
    ]);
    const similar = items.slice(2);
    expect(similar.every((item) => item.relation === 'SIMILAR' && !item.curated)).toBe(true);
    const companions = similar.findIndex((item) => !COMPANIONS.includes(item.slug));
    expect(similar.slice(0, companions < 0 ? similar.length : companions).map((item) => item.slug).sort()).toEqual(COMPANIONS.slice(2).sort());
  });

  it('orders SIMILAR pieces by score', async () => {
    const scored = await similarScores('kim-ju-ae-public-role');
    expect(scored.length).toBeGreaterThan(2);
    expect(scored.map((row) => row.score)).toEqual([...scored.map((row) => row.score)].sort((a, b) => b - a));
    expect((await related('kim-ju-ae-public-role')).map((item) => item.slug)).toEqual(scored.map((row) => row.slug));
    expect(scored[0].slug).toBe(SAEPPYOL.slug);
  });

  it('counts rare and person tags above broad topics, and nearby dates above distant ones', async () => {
    await addTag(t, 'ada-quill', TagKind.PERSON);
    const day = 86_400_000;
    const at = new Date('2026-06-15T12:00:00Z');
    await addArticle(t, { slug: 'quill-source', headline: 'Source', section: 'culture', tags: ['ada-quill', 'climate'], publishedAt: at });
    await addArticle(t, { slug: 'quill-topic-only', headline: 'Topic only', section: 'culture', tags: ['climate'], publishedAt: new Date(at.getTime() + day) });
    await addArticle(t, { slug: 'quill-person-near', headline: 'Person, near', section: 'business', tags: ['ada-quill'], publishedAt: new Date(at.getTime() + 2 * day) });
    await addArticle(t, { slug: 'quill-person-far', headline: 'Person, far', section: 'business', tags: ['ada-quill'], publishedAt: new Date(at.getTime() - 60 * day) });
    const order = (await related('quill-source')).map((item) => item.slug);
    expect(order.slice(0, 2)).toEqual(['quill-person-near', 'quill-person-far']);
    expect(order.indexOf('quill-person-far')).toBeLessThan(order.indexOf('quill-topic-only'));
  });

  it('never lists the article itself, a curated piece twice, or an unpublished piece', async () => {
    const { section } = await t.client.request(SectionFrontDocument, { path: 'world', first: 50 });
    for (const card of section!.articles.nodes) {
      const ids = card.relatedCoverage.map((item) => item.article.id);
      expect(ids).not.toContain(card.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const item of await related(SAEPPYOL.slug)) expect(item.slug === SAEPPYOL.slug || (item.curated === false && CURATED.includes(item.slug))).toBe(false);

    const nis = await articleId(t, 'nis-estimates-north-korean-casualties-in-ukraine');
    await editArticle(t, nis, (article) => (article.status = ArticleStatus.DRAFT));
    try {
      expect((await related(SAEPPYOL.slug)).map((item) => item.slug)).not.toContain('nis-estimates-north-korean-casualties-in-ukraine');
      expect((await similarScores(SAEPPYOL.slug)).map((row) => row.slug)).not.toContain('nis-estimates-north-korean-casualties-in-ukraine');
    } finally {
      await editArticle(t, nis, (article) => (article.status = ArticleStatus.PUBLISHED));
    }
  });

  it('honours first: curated items take the first places', async () => {
    expect(await related(SAEPPYOL.slug, 0)).toEqual([]);
    expect((await related(SAEPPYOL.slug, 1)).map((item) => item.relation)).toEqual(['BACKGROUND']);
    expect((await related(SAEPPYOL.slug, 3)).map((item) => item.relation)).toEqual(['BACKGROUND', 'FOLLOW_UP', 'SIMILAR']);
  });
});
