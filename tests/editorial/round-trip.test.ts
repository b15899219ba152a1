import { describe, expect, it } from 'vitest';
import { CreateDraftDocument, DeskRouteDocument, ImportCopyDocument, PublishDocument, ReviseDraftDocument } from '../generated/graphql';
import { useDesk } from './support';

const desk = useDesk();

describe("the editor's round trip (Editorial.graphql)", () => {
  it('drafts, revises, publishes and imports', async () => {
    const created = await desk.editor.request(CreateDraftDocument, {
      input: { headline: 'Floods close the Han river crossings', sectionId: desk.ids.section, tagIds: [desk.ids.tag], bodyMarkdown: '## What happened\n\nThe river rose **two metres** overnight.' },
    });
    expect(created.createArticle.userErrors).toEqual([]);
    const draft = created.createArticle.article!;
    expect(draft).toMatchObject({ slug: 'floods-close-the-han-river-crossings', uri: '/world/asia/floods-close-the-han-river-crossings', status: 'DRAFT', version: 1 });

    const revised = await desk.editor.request(ReviseDraftDocument, { input: { id: draft.id, expectedVersion: 1, headline: 'Floods close every Han river crossing' } });
    expect(revised.updateArticle.userErrors).toEqual([]);
    expect(revised.updateArticle.article).toMatchObject({ headline: 'Floods close every Han river crossing', version: 2 });

    const published = await desk.editor.request(PublishDocument, { id: draft.id });
    expect(published.publishArticle.userErrors).toEqual([]);
    expect(published.publishArticle.article?.status).toBe('PUBLISHED');
    expect(published.publishArticle.article?.firstPublishedAt).toBe(published.publishArticle.article?.publishedAt);

    const route = await desk.anonymous.request(DeskRouteDocument, { path: draft.uri });
    expect(route.route).toMatchObject({ __typename: 'Article', slug: draft.slug });

    const imported = await desk.editor.request(ImportCopyDocument, {
      input: { headline: 'Wire: markets steady', sectionId: desk.ids.section, text: 'Markets steady\nShares closed flat on Tuesday, traders said.\nOutlook\nAnalysts expect calm.' },
    });
    expect(imported.importArticle.userErrors).toEqual([]);
    expect(imported.importArticle.article).toMatchObject({ status: 'DRAFT', headline: 'Wire: markets steady' });
    expect(imported.importArticle.article?.tableOfContents.map((heading) => heading.text)).toEqual(['Markets steady', 'Outlook']);
  });
});
