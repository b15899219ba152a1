import { describe, expect, it } from 'vitest';
import { ArticleStatus } from '../../src/modules/article/article.enums';
import { ArticleListDocument, DeskArchiveDocument, DeskIdsDocument, DeskPublishDocument, DeskUnpublishDocument, DeskUpdateArticleDocument, SectionArticlesDocument } from '../generated/graphql';
import { draft, useDesk } from '../editorial/support';

const desk = useDesk();

/** A front's totalCount as readers see it, checked against the articles it lists. */
async function front(path: string): Promise<number> {
  const { section } = await desk.anonymous.request(SectionArticlesDocument, { path, first: 100 });
  expect(section!.articles.nodes.length).toBe(section!.articles.totalCount);
  return section!.articles.totalCount;
}

/** The desk's count of a section's articles in one status, checked against the articles it lists. */
async function desked(section: string, status: ArticleStatus): Promise<number> {
  const { articles } = await desk.editor.request(ArticleListDocument, { filter: { section, status }, first: 100 });
  expect(articles.nodes.length).toBe(articles.totalCount);
  return articles.totalCount;
}

async function counts() {
  return {
    world: await front('world'),
    asia: await front('world/asia'),
    europe: await front('world/europe'),
    scheduled: await desked('world', ArticleStatus.SCHEDULED),
    archived: await desked('world', ArticleStatus.ARCHIVED),
  };
}

/** What the triggers keep, beside what a count of the rows says, as lines of text (PostgreSQL counts are bigints). */
async function keptAndCounted() {
  const connection = desk.t.app.orm.em.getConnection();
  const lines = (rows: Record<string, unknown>[]) => rows.map((row) => Object.values(row).map(String).join(' '));
  return {
    kept: lines(await connection.execute('select section_id, status, articles from section_article_count where articles > 0 order by section_id, status')),
    counted: lines(await connection.execute('select section_id, status, count(*) as articles from article group by section_id, status order by section_id, status')),
  };
}

describe("a front's totalCount", () => {
  it('follows every change of status and section, as counted from the rows', async () => {
    const start = await counts();
    const article = await draft(desk); // in world/asia
    expect(await counts()).toEqual(start);

    const published = (await desk.admin.request(DeskPublishDocument, { id: article.id })).publishArticle.article!;
    expect(await counts()).toEqual({ ...start, world: start.world + 1, asia: start.asia + 1 });

    const { section: europe } = await desk.admin.request(DeskIdsDocument, { section: 'world/europe', tag: 'kim-jong-un', author: 'hana-seo', slug: published.slug });
    const moved = await desk.admin.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: published.version, sectionId: europe!.id } });
    expect(moved.updateArticle.userErrors).toEqual([]);
    expect(await counts()).toEqual({ ...start, world: start.world + 1, europe: start.europe + 1 });

    await desk.admin.request(DeskUnpublishDocument, { id: article.id });
    expect(await counts()).toEqual(start);

    // Scheduled a moment ahead: on the desk's SCHEDULED list until then, on the front from then on.
    const at = new Date(Date.now() + 1_500);
    expect((await desk.admin.request(DeskPublishDocument, { id: article.id, at: at.toISOString() })).publishArticle.article!.status).toBe(ArticleStatus.SCHEDULED);
    expect(await counts()).toEqual({ ...start, scheduled: start.scheduled + 1 });
    await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 100));
    expect(await counts()).toEqual({ ...start, world: start.world + 1, europe: start.europe + 1 });

    await desk.admin.request(DeskArchiveDocument, { id: article.id });
    expect(await counts()).toEqual({ ...start, world: start.world + 1, europe: start.europe + 1, archived: start.archived + 1 });

    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
  });
});
