import { describe, expect, it } from 'vitest';
import {
  DeskAddCorrectionDocument,
  DeskAddQuoteDocument,
  DeskCreateArticleDocument,
  DeskCreateSectionDocument,
  DeskCreateTagDocument,
  DeskPublishDocument,
  DeskSetRelatedDocument,
  DeskUpdateArticleDocument,
  type CreateArticleInput,
} from '../generated/graphql';
import { databaseRows } from '../support/newsroom';
import { draft, quotedDraft, useDesk } from './support';

const desk = useDesk();

/** Runs a mutation that must be refused with user errors, and checks that nothing changed. */
async function refused<T>(send: () => Promise<T>, errorsOf: (result: T) => { field: string[] | null; code: string }[]) {
  const before = await databaseRows(desk.t);
  const errors = errorsOf(await send());
  expect(await databaseRows(desk.t)).toEqual(before);
  return errors.map((error) => [error.code, error.field?.join('.') ?? null]);
}

const create = (input: Partial<CreateArticleInput>) =>
  refused(() => desk.editor.request(DeskCreateArticleDocument, { input: { sectionId: desk.ids.section, headline: 'A headline', ...input } }), (r) => r.createArticle.userErrors);

describe('createArticle and updateArticle check their input on the server', () => {
  it('names every field at fault at once', async () => {
    expect(
      await create({
        headline: ' ',
        slug: 'Not A Slug',
        standfirst: 'x'.repeat(601),
        sectionId: 'bm9wZQ',
        authorIds: [desk.ids.author, desk.ids.author],
        body: [
          { type: 'HEADING', text: 'Too deep', level: 5 },
          { type: 'PARAGRAPH' },
          { type: 'LIST', items: [] },
          { type: 'IMAGE' },
        ],
      }),
    ).toEqual([
      // The plain fields (ARTICLE_FIELDS) first, then the rest in the input's order.
      ['INVALID', 'input.headline'],
      ['INVALID', 'input.standfirst'],
      ['INVALID', 'input.slug'],
      ['NOT_FOUND', 'input.sectionId'],
      ['DUPLICATE', 'input.authorIds.1'],
      ['INVALID', 'input.body.0.level'],
      ['INVALID', 'input.body.1.text'],
      ['INVALID', 'input.body.2.items'],
      ['INVALID', 'input.body.3.imageId'],
    ]);
  });

  it('refuses Markdown and blocks together, and Markdown that is too large', async () => {
    expect(await create({ bodyMarkdown: 'Hi', body: [{ type: 'PARAGRAPH', text: 'Hi' }] })).toEqual([['INVALID', 'input.body']]);
    expect(await create({ bodyMarkdown: 'word '.repeat(40_001) })).toEqual([['INVALID', 'input.bodyMarkdown']]);
  });

  it('refuses IDs of the right shape that name nothing', async () => {
    const missing = Buffer.from('Author:999999').toString('base64url');
    const missingImage = Buffer.from('Image:999999').toString('base64url');
    expect(await create({ authorIds: [desk.ids.author, missing], mainImageId: missingImage })).toEqual([['NOT_FOUND', 'input.authorIds.1']]);
    expect(await create({ mainImageId: missingImage })).toEqual([['NOT_FOUND', 'input.mainImageId']]);
    expect(await create({ tagIds: [desk.ids.section] })).toEqual([['NOT_FOUND', 'input.tagIds.0']]);
  });

  it('makes a unique slug from the headline, but refuses a slug that is taken', async () => {
    const first = await draft(desk, 'Storm over Eastbridge');
    const second = await draft(desk, 'Storm over Eastbridge!');
    expect([first.slug, second.slug]).toEqual(['storm-over-eastbridge', 'storm-over-eastbridge-2']);
    expect(await create({ slug: 'storm-over-eastbridge' })).toEqual([['DUPLICATE', 'input.slug']]);
  });

  it("takes pull quotes of the article's own quotes only", async () => {
    const { article, quote } = await quotedDraft(desk);
    const other = await quotedDraft(desk);
    const body = (quoteId: string) => [{ type: 'PARAGRAPH' as const, text: 'The minister said the bridge would open in spring.' }, { type: 'QUOTE' as const, quoteId }];
    expect(
      await refused(() => desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 2, body: body(other.quote.id) } }), (r) => r.updateArticle.userErrors),
    ).toEqual([['NOT_FOUND', 'input.body.1.quoteId']]);
    const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 2, body: body(quote.id) } });
    expect(updateArticle.article?.bodyHtml).toContain('<blockquote><p>the bridge would open in spring</p><footer>The minister</footer></blockquote>');
  });

  it('refuses to clear the headline or section on update', async () => {
    const article = await draft(desk);
    const errors = await refused(
      () => desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 1, headline: '', body: [{ type: 'HEADING', text: 'Top', level: 1 }] } }),
      (r) => r.updateArticle.userErrors,
    );
    expect(errors).toEqual([
      ['INVALID', 'input.headline'],
      ['INVALID', 'input.body.0.level'],
    ]);
  });
});

describe('the other mutations check theirs', () => {
  it('publishArticle refuses an article that is already out', async () => {
    const { publishArticle } = await desk.editor.request(DeskPublishDocument, { id: desk.ids.published });
    expect(publishArticle.userErrors.map((e) => [e.code, e.field])).toEqual([['CONFLICT', ['id']]]);
  });

  it('a past `at` publishes dated `at`; a future one schedules', async () => {
    const old = await draft(desk);
    const at = '2019-05-01T08:00:00.000Z';
    const { publishArticle } = await desk.editor.request(DeskPublishDocument, { id: old.id, at });
    expect(publishArticle.article).toMatchObject({ status: 'PUBLISHED', publishedAt: at, firstPublishedAt: at });
    const later = await draft(desk);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await desk.editor.request(DeskPublishDocument, { id: later.id, at: future });
    expect(scheduled.publishArticle.article).toMatchObject({ status: 'SCHEDULED', publishedAt: future });
  });

  it('addCorrection wants text and a published article', async () => {
    const article = await draft(desk);
    expect(await refused(() => desk.editor.request(DeskAddCorrectionDocument, { articleId: desk.ids.published, text: '  ' }), (r) => r.addCorrection.userErrors)).toEqual([['INVALID', 'text']]);
    expect(await refused(() => desk.editor.request(DeskAddCorrectionDocument, { articleId: article.id, text: 'Fixed.' }), (r) => r.addCorrection.userErrors)).toEqual([['CONFLICT', 'articleId']]);
  });

  it('setRelatedCoverage refuses self, unknown, duplicates and SIMILAR', async () => {
    const article = await draft(desk);
    const unknown = Buffer.from('Article:999999').toString('base64url');
    const errors = await refused(
      () =>
        desk.editor.request(DeskSetRelatedDocument, {
          articleId: article.id,
          items: [
            { articleId: article.id, relation: 'BACKGROUND' },
            { articleId: desk.ids.published, relation: 'ANALYSIS' },
            { articleId: desk.ids.published, relation: 'ANALYSIS' },
            { articleId: desk.ids.section, relation: 'SEE_ALSO' },
            { articleId: desk.ids.published, relation: 'SIMILAR' },
          ],
        }),
      (r) => r.setRelatedCoverage.userErrors,
    );
    expect(errors).toEqual([
      ['INVALID', 'items.0.articleId'],
      ['DUPLICATE', 'items.2.articleId'],
      ['NOT_FOUND', 'items.3.articleId'],
      ['DUPLICATE', 'items.4.articleId'],
      ['INVALID', 'items.4.relation'],
    ]);
    expect(await refused(() => desk.editor.request(DeskSetRelatedDocument, { articleId: article.id, items: [{ articleId: unknown, relation: 'BACKGROUND' }] }), (r) => r.setRelatedCoverage.userErrors)).toEqual([
      ['NOT_FOUND', 'items.0.articleId'],
    ]);
  });

  it('setRelatedCoverage replaces the list, in order', async () => {
    const article = await draft(desk);
    const other = await draft(desk);
    const items = [
      { articleId: other.id, relation: 'FOLLOW_UP' as const },
      { articleId: desk.ids.published, relation: 'BACKGROUND' as const },
    ];
    const { setRelatedCoverage } = await desk.editor.request(DeskSetRelatedDocument, { articleId: article.id, items });
    expect(setRelatedCoverage.article?.relatedCoverage.map((item) => [item.article.slug, item.relation, item.curated])).toEqual([
      [other.slug, 'FOLLOW_UP', true],
      ['kim-jong-un-opens-saeppyol-street-homes', 'BACKGROUND', true],
    ]);
  });

  it('addQuote wants words that appear in a paragraph, and places quotes in reading order', async () => {
    const { createArticle } = await desk.editor.request(DeskCreateArticleDocument, {
      input: { headline: 'Two voices', sectionId: desk.ids.section, bodyMarkdown: 'First, Ana said "we will rebuild".\n\nThen Ben said "not this year".' },
    });
    const article = createArticle.article!;
    expect(
      await refused(() => desk.editor.request(DeskAddQuoteDocument, { input: { articleId: article.id, text: 'never said', speakerName: 'Ana' } }), (r) => r.addQuote.userErrors),
    ).toEqual([['INVALID', 'input.text']]);
    await desk.editor.request(DeskAddQuoteDocument, { input: { articleId: article.id, text: 'not this year', speakerName: 'Ben' } });
    const { addQuote } = await desk.editor.request(DeskAddQuoteDocument, { input: { articleId: article.id, text: 'we will rebuild', speakerName: 'Ana' } });
    expect(addQuote.quote?.article.version).toBe(3);
    const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 3 } });
    expect(updateArticle.article?.quotes.map((quote) => quote.speakerName)).toEqual(['Ana', 'Ben']);
  });

  it('createSection builds the path from the parent and keeps route prefixes free', async () => {
    const { createSection } = await desk.admin.request(DeskCreateSectionDocument, { input: { name: 'Korean Peninsula', parentId: desk.ids.section } });
    expect(createSection.section).toMatchObject({ path: 'world/asia/korean-peninsula', uri: '/world/asia/korean-peninsula', parent: { path: 'world/asia' } });
    for (const slug of ['tag', 'author']) {
      expect(await refused(() => desk.admin.request(DeskCreateSectionDocument, { input: { name: 'Tags', slug } }), (r) => r.createSection.userErrors)).toEqual([['INVALID', 'input.slug']]);
    }
    expect(await refused(() => desk.admin.request(DeskCreateSectionDocument, { input: { name: 'World' } }), (r) => r.createSection.userErrors)).toEqual([['DUPLICATE', 'input.slug']]);
  });

  it('createTag refuses a slug that is taken', async () => {
    expect(await refused(() => desk.editor.request(DeskCreateTagDocument, { input: { name: 'Kim Jong Un', kind: 'PERSON' } }), (r) => r.createTag.userErrors)).toEqual([['DUPLICATE', 'input.slug']]);
  });
});
