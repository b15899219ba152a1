import { expect, it } from 'vitest';
import {
  AuthorListDocument,
  DeskAddCorrectionDocument,
  DeskAddQuoteDocument,
  DeskArchiveDocument,
  DeskArticleDocument,
  DeskCreateArticleDocument,
  DeskCreateAuthorDocument,
  DeskCreateSectionDocument,
  DeskCreateTagDocument,
  DeskImportDocument,
  DeskPublishDocument,
  DeskRemoveQuoteDocument,
  DeskRestoreRevisionDocument,
  DeskSetRelatedDocument,
  DeskUnpublishDocument,
  DeskUpdateArticleDocument,
  QuoteSearchDocument,
  SectionFrontDocument,
  SectionListDocument,
  TagListDocument,
} from '../generated/graphql';
import type { DemoIds } from '../editorial/support';
import type { Newsroom } from '../support/newsroom';
import { SAEPPYOL } from '../support/demo';
import { read, warm } from './support';

export interface ReadAfterWrite {
  /** Sends the mutations (one instance). */
  desk: Newsroom;
  ids: DemoIds;
  /** Where anonymous readers read (the same instance, or another sharing the cache). */
  readerUrl: string;
}

/**
 * Every kind of mutation, each after the read that shows it was cached: the very next read must
 * show the change. The steps build on each other (one article goes through its whole life).
 */
export function readAfterEveryWrite(setup: () => ReadAfterWrite): void {
  const piece = { id: '', slug: '', version: 0, headline: 'Ferry service returns to the western islands' };
  const front = () => ({ path: 'world/asia', first: 20 });
  const page = () => ({ slug: piece.slug });

  it('createArticle and publishArticle: the front shows the new piece', async () => {
    const { desk, ids, readerUrl } = setup();
    const { createArticle } = await desk.admin.request(DeskCreateArticleDocument, {
      input: { headline: piece.headline, sectionId: ids.section, bodyMarkdown: 'The harbour master said the ferry would sail twice a day, officials confirmed.' },
    });
    expect(createArticle.userErrors).toEqual([]);
    Object.assign(piece, { id: createArticle.article!.id, slug: createArticle.article!.slug });
    const before = await warm(readerUrl, SectionFrontDocument, front());
    expect(before.section!.articles.nodes.map((card) => card.headline)).not.toContain(piece.headline);

    const { publishArticle } = await desk.admin.request(DeskPublishDocument, { id: piece.id });
    expect(publishArticle.userErrors).toEqual([]);
    piece.version = publishArticle.article!.version;
    const after = await read(readerUrl, SectionFrontDocument, front());
    expect(after.data.section!.articles.nodes[0].headline).toBe(piece.headline);
    expect(after.data.section!.articles.totalCount).toBe(before.section!.articles.totalCount + 1);
  });

  it('updateArticle: the article page shows the new headline', async () => {
    const { desk, readerUrl } = setup();
    expect((await warm(readerUrl, DeskArticleDocument, page())).article!.headline).toBe(piece.headline);
    const { updateArticle } = await desk.admin.request(DeskUpdateArticleDocument, {
      input: { id: piece.id, expectedVersion: piece.version, headline: 'Ferry service returns to the western islands after two years' },
    });
    expect(updateArticle.userErrors).toEqual([]);
    piece.version = updateArticle.article!.version;
    expect((await read(readerUrl, DeskArticleDocument, page())).data.article!.headline).toBe('Ferry service returns to the western islands after two years');
    // The card on the front changed with it.
    expect((await read(readerUrl, SectionFrontDocument, front())).data.section!.articles.nodes[0].headline).toBe('Ferry service returns to the western islands after two years');
  });

  it('restoreArticleRevision: the page shows the restored headline', async () => {
    const { desk, readerUrl } = setup();
    await warm(readerUrl, DeskArticleDocument, page());
    const { restoreArticleRevision } = await desk.admin.request(DeskRestoreRevisionDocument, {
      input: { articleId: piece.id, expectedVersion: piece.version, version: 1 },
    });
    expect(restoreArticleRevision.userErrors).toEqual([]);
    piece.version = restoreArticleRevision.article!.version;
    expect((await read(readerUrl, DeskArticleDocument, page())).data.article!.headline).toBe(piece.headline);
  });

  it('addCorrection: the page shows the correction', async () => {
    const { desk, readerUrl } = setup();
    expect((await warm(readerUrl, DeskArticleDocument, page())).article!.corrections).toEqual([]);
    const { addCorrection } = await desk.admin.request(DeskAddCorrectionDocument, { articleId: piece.id, text: 'An earlier version gave the wrong sailing times.' });
    expect(addCorrection.userErrors).toEqual([]);
    piece.version = addCorrection.article!.version;
    expect((await read(readerUrl, DeskArticleDocument, page())).data.article!.corrections.map((c) => c.text)).toEqual(['An earlier version gave the wrong sailing times.']);
  });

  it('addQuote and removeQuote: the page and the quote search follow', async () => {
    const { desk, readerUrl } = setup();
    const quotesOf = { filter: { query: 'sail twice a day' }, first: 10 };
    expect((await warm(readerUrl, DeskArticleDocument, page())).article!.quotes).toEqual([]);
    expect((await warm(readerUrl, QuoteSearchDocument, quotesOf)).quotes.totalCount).toBe(0);
    const { addQuote } = await desk.admin.request(DeskAddQuoteDocument, {
      input: { articleId: piece.id, text: 'the ferry would sail twice a day', speakerName: 'The harbour master' },
    });
    expect(addQuote.userErrors).toEqual([]);
    expect((await read(readerUrl, DeskArticleDocument, page())).data.article!.quotes.map((q) => q.speakerName)).toEqual(['The harbour master']);
    expect((await read(readerUrl, QuoteSearchDocument, quotesOf)).data.quotes.nodes.map((q) => q.speakerName)).toEqual(['The harbour master']);

    await warm(readerUrl, DeskArticleDocument, page());
    const { removeQuote } = await desk.admin.request(DeskRemoveQuoteDocument, { id: addQuote.quote!.id });
    expect(removeQuote.userErrors).toEqual([]);
    expect((await read(readerUrl, DeskArticleDocument, page())).data.article!.quotes).toEqual([]);
    expect((await read(readerUrl, QuoteSearchDocument, quotesOf)).data.quotes.totalCount).toBe(0);
  });

  it('setRelatedCoverage: the page shows the editor’s pick first', async () => {
    const { desk, ids, readerUrl } = setup();
    await warm(readerUrl, DeskArticleDocument, page());
    const { setRelatedCoverage } = await desk.admin.request(DeskSetRelatedDocument, { articleId: piece.id, items: [{ articleId: ids.published, relation: 'BACKGROUND' }] });
    expect(setRelatedCoverage.userErrors).toEqual([]);
    const related = (await read(readerUrl, DeskArticleDocument, page())).data.article!.relatedCoverage;
    expect(related[0]).toEqual({ article: { slug: SAEPPYOL.slug }, relation: 'BACKGROUND', curated: true });
  });

  it('archiveArticle: the page shows it archived', async () => {
    const { desk, readerUrl } = setup();
    expect((await warm(readerUrl, DeskArticleDocument, page())).article!.status).toBe('PUBLISHED');
    const { archiveArticle } = await desk.admin.request(DeskArchiveDocument, { id: piece.id });
    expect(archiveArticle.userErrors).toEqual([]);
    expect((await read(readerUrl, DeskArticleDocument, page())).data.article!.status).toBe('ARCHIVED');
  });

  it('unpublishArticle: the page and the front lose it', async () => {
    const { desk, readerUrl } = setup();
    await warm(readerUrl, DeskArticleDocument, page());
    await warm(readerUrl, SectionFrontDocument, front());
    const { unpublishArticle } = await desk.admin.request(DeskUnpublishDocument, { id: piece.id });
    expect(unpublishArticle.userErrors).toEqual([]);
    expect((await read(readerUrl, DeskArticleDocument, page())).data.article).toBeNull();
    expect((await read(readerUrl, SectionFrontDocument, front())).data.section!.articles.nodes.map((card) => card.id)).not.toContain(piece.id);
  });

  it('importArticle, then publishArticle: the front shows the imported piece', async () => {
    const { desk, ids, readerUrl } = setup();
    await warm(readerUrl, SectionFrontDocument, front());
    const { importArticle } = await desk.admin.request(DeskImportDocument, {
      input: { headline: 'Night markets reopen along the river', sectionId: ids.section, text: 'Stalls lit the embankment again on Friday.' },
    });
    expect(importArticle.userErrors).toEqual([]);
    await desk.admin.request(DeskPublishDocument, { id: importArticle.article!.id });
    expect((await read(readerUrl, SectionFrontDocument, front())).data.section!.articles.nodes[0].headline).toBe('Night markets reopen along the river');
  });

  it('createSection, createTag and createAuthor: their lists show the new one', async () => {
    const { desk, readerUrl } = setup();
    await warm(readerUrl, SectionListDocument, {});
    await warm(readerUrl, TagListDocument, { query: 'lighthouse', first: 10 });
    await warm(readerUrl, AuthorListDocument, { first: 100 });
    expect((await desk.admin.request(DeskCreateSectionDocument, { input: { name: 'Weather' } })).createSection.userErrors).toEqual([]);
    expect((await desk.admin.request(DeskCreateTagDocument, { input: { name: 'Lighthouse keepers', kind: 'TOPIC' } })).createTag.userErrors).toEqual([]);
    expect((await desk.admin.request(DeskCreateAuthorDocument, { input: { name: 'Mira Okafor' } })).createAuthor.userErrors).toEqual([]);
    expect((await read(readerUrl, SectionListDocument, {})).data.sections.map((section) => section.name)).toContain('Weather');
    expect((await read(readerUrl, TagListDocument, { query: 'lighthouse', first: 10 })).data.tags.nodes.map((tag) => tag.name)).toEqual(['Lighthouse keepers']);
    expect((await read(readerUrl, AuthorListDocument, { first: 100 })).data.authors.nodes.map((author) => author.name)).toContain('Mira Okafor');
  });

  it('a scheduled piece: hidden while cached, public from its time though nobody writes again', async () => {
    const { desk, ids, readerUrl } = setup();
    const { createArticle } = await desk.admin.request(DeskCreateArticleDocument, {
      input: { headline: 'Polling stations open at dawn', sectionId: ids.section, bodyMarkdown: 'Queues formed before the doors opened.' },
    });
    const at = new Date(Date.now() + 1500);
    const { publishArticle } = await desk.admin.request(DeskPublishDocument, { id: createArticle.article!.id, at: at.toISOString() });
    expect(publishArticle.article!.status).toBe('SCHEDULED');
    const slug = { slug: createArticle.article!.slug };
    expect((await warm(readerUrl, DeskArticleDocument, slug)).article).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()) + 100));
    expect((await read(readerUrl, DeskArticleDocument, slug)).data.article!.headline).toBe('Polling stations open at dawn');
  });
}
