import { describe, expect, it } from 'vitest';
import { DeskArticleDocument, DeskRevisionsDocument, DeskUpdateArticleDocument } from '../generated/graphql';
import { draft, useDesk } from './support';

const desk = useDesk();

describe('optimistic concurrency', () => {
  it('lets exactly one of 20 concurrent updates from the same version win; the rest get CONFLICT and change nothing', async () => {
    const article = await draft(desk);
    const attempts = Array.from({ length: 20 }, (_, i) =>
      desk.editor.request(DeskUpdateArticleDocument, {
        input: { id: article.id, expectedVersion: article.version, headline: `Edit ${i}`, bodyMarkdown: `Body written by editor ${i}.` },
      }),
    );
    const results = await Promise.all(attempts);
    const winners = results.flatMap((result, i) => (result.updateArticle.userErrors.length === 0 ? [i] : []));
    expect(winners).toHaveLength(1);
    const losers = results.filter((result) => result.updateArticle.userErrors.length > 0);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.updateArticle.article).toBeNull();
      expect(loser.updateArticle.userErrors).toEqual([
        { code: 'CONFLICT', field: ['input', 'expectedVersion'], message: expect.stringMatching(/now at version 2\b/) },
      ]);
    }

    const { article: saved } = await desk.editor.request(DeskArticleDocument, { slug: article.slug });
    expect(saved).toMatchObject({ version: 2, headline: `Edit ${winners[0]}`, bodyText: `Body written by editor ${winners[0]}.` });
    const { article: history } = await desk.editor.request(DeskRevisionsDocument, { slug: article.slug });
    expect(history?.revisions.map((revision) => revision.version)).toEqual([2, 1]);
  });

  it('raises the version by exactly one per save, whatever the save touches', async () => {
    const article = await draft(desk);
    const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, {
      input: { id: article.id, expectedVersion: 1, headline: 'Everything at once', slug: 'everything-at-once', authorIds: [desk.ids.author], tagIds: [desk.ids.tag], bodyMarkdown: 'New body.' },
    });
    expect(updateArticle.article).toMatchObject({ version: 2, slug: 'everything-at-once', authors: [{ slug: 'hana-seo' }], tags: [{ slug: 'kim-jong-un' }] });
    const { article: history } = await desk.editor.request(DeskRevisionsDocument, { slug: 'everything-at-once' });
    expect(history?.revisions.map((revision) => [revision.version, revision.changes])).toEqual([
      [2, ['headline', 'slug', 'authors', 'tags', 'body']],
      [1, ['slug', 'headline', 'section', 'body']],
    ]);
  });

  it('refuses a stale version with the current one named, changing nothing', async () => {
    const article = await draft(desk);
    const first = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 1, standfirst: 'First.' } });
    expect(first.updateArticle.article?.version).toBe(2);
    const stale = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 1, standfirst: 'Second.' } });
    expect(stale.updateArticle.userErrors).toEqual([
      { code: 'CONFLICT', field: ['input', 'expectedVersion'], message: 'You edited version 1; the article is now at version 2. Reload it, reapply your change and save again.' },
    ]);
    const { article: saved } = await desk.editor.request(DeskArticleDocument, { slug: article.slug });
    expect(saved).toMatchObject({ version: 2, standfirst: 'First.' });
  });
});
