import { describe, expect, it } from 'vitest';
import { DeskAddQuoteDocument, DeskArchiveDocument, DeskUnpublishDocument, DeskUpdateArticleDocument, SearchHitsDocument } from '../generated/graphql';
import { publishedDraft, useDesk } from './support';

const desk = useDesk();
const hits = async (query: string) => (await desk.anonymous.request(SearchHitsDocument, { query })).search.edges.map((edge) => edge.node.slug);

describe('search stays current through the editorial mutations', () => {
  it('finds a piece as soon as it is published, by its new words after an edit, and not after unpublishing', async () => {
    const article = await publishedDraft(desk);
    expect(await hits('bridge minister')).toContain(article.slug);

    const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, {
      input: { id: article.id, expectedVersion: article.version, headline: 'Quarrymen reopen the Zellbrook gorge tunnel' },
    });
    expect(updateArticle.userErrors).toEqual([]);
    expect(await hits('Zellbrook')).toEqual([article.slug]);

    const { unpublishArticle } = await desk.editor.request(DeskUnpublishDocument, { id: article.id });
    expect(unpublishArticle.userErrors).toEqual([]);
    expect(await hits('Zellbrook')).toEqual([]);
  });

  it('keeps archived pieces searchable and follows the quotes added to a piece', async () => {
    const article = await publishedDraft(desk);
    const { addQuote } = await desk.editor.request(DeskAddQuoteDocument, {
      input: { articleId: article.id, text: 'the bridge would open in spring', speakerName: 'The minister' },
    });
    expect(addQuote.userErrors).toEqual([]);
    const { archiveArticle } = await desk.editor.request(DeskArchiveDocument, { id: article.id });
    expect(archiveArticle.userErrors).toEqual([]);
    expect(await hits('bridge spring')).toContain(article.slug);
  });
});
