import { ClientError } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import {
  DeskAddQuoteDocument,
  DeskCreateArticleDocument,
  DeskDraftsDocument,
  DeskIdsDocument,
  DeskPublicPathsDocument,
  DeskPublishDocument,
  DeskSetRelatedDocument,
  type DeskPublicPathsQuery,
} from '../generated/graphql';
import { useDesk, type Desk } from './support';

const RELATED = 'kim-jong-un-opens-saeppyol-street-homes';

const desk = useDesk();

/** A piece filed everywhere a reader could stumble on it: section, tag, author, a quote, related coverage. */
async function unpublishedPiece(word: string, at?: Date) {
  const { createArticle } = await desk.admin.request(DeskCreateArticleDocument, {
    input: { headline: `Secret ${word} plans`, sectionId: desk.ids.section, tagIds: [desk.ids.tag], authorIds: [desk.ids.author], bodyMarkdown: `Officials said the ${word} would fly by spring.` },
  });
  const article = createArticle.article!;
  const { addQuote } = await desk.admin.request(DeskAddQuoteDocument, { input: { articleId: article.id, text: `the ${word} would fly`, speakerName: 'An official', speakerId: desk.ids.tag } });
  const { article: related } = await desk.admin.request(DeskIdsDocument, { section: 'world', tag: 'x', author: 'x', slug: RELATED });
  const items = [...related!.relatedCoverage.map((item) => ({ articleId: item.article.id, relation: 'SEE_ALSO' as const })), { articleId: article.id, relation: 'FOLLOW_UP' as const }];
  expect((await desk.admin.request(DeskSetRelatedDocument, { articleId: related!.id, items })).setRelatedCoverage.userErrors).toEqual([]);
  if (at) expect((await desk.admin.request(DeskPublishDocument, { id: article.id, at: at.toISOString() })).publishArticle.article?.status).toBe('SCHEDULED');
  return { article, quote: addQuote.quote!, word };
}

/** Every place the piece shows up in one answer, by slug or quote text. */
function sightings(answer: DeskPublicPathsQuery, slug: string, word: string): string[] {
  const seen: string[] = [];
  const check = (where: string, slugs: (string | undefined)[]) => {
    if (slugs.includes(slug)) seen.push(where);
  };
  check('article', [answer.article?.slug]);
  if (answer.route) seen.push(`route:${answer.route.__typename}`);
  if (answer.node) seen.push('node');
  if (answer.quoteNode) seen.push('node(quote)');
  if (answer.nodes.some(Boolean)) seen.push('nodes');
  check('articles', answer.articles.nodes.map((node) => node.slug));
  check('section', answer.section?.articles.nodes.map((node) => node.slug) ?? []);
  check('tag', answer.tag?.articles.nodes.map((node) => node.slug) ?? []);
  if (answer.tag?.quotes.nodes.some((quote) => quote.text.includes(word))) seen.push('tag.quotes');
  check('author', answer.author?.articles.nodes.map((node) => node.slug) ?? []);
  if (answer.quotes.nodes.length) seen.push('quotes');
  check('relatedCoverage', answer.relatedTo?.relatedCoverage.map((item) => item.article.slug) ?? []);
  check('search', answer.search.edges.map((edge) => edge.node.slug));
  return seen;
}

async function look(client: Desk['anonymous'], piece: Awaited<ReturnType<typeof unpublishedPiece>>) {
  const answer = await client.request(DeskPublicPathsDocument, {
    slug: piece.article.slug,
    path: piece.article.uri,
    id: piece.article.id,
    quoteId: piece.quote.id,
    related: RELATED,
    word: piece.word,
  });
  return sightings(answer, piece.article.slug, piece.word);
}

describe('drafts and scheduled pieces never leak', () => {
  it('a draft is nowhere for an anonymous reader, through any public path', async () => {
    const piece = await unpublishedPiece('zeppelin');
    expect(await look(desk.anonymous, piece)).toEqual([]);
  });

  it('a scheduled piece is nowhere for an anonymous reader before its time', async () => {
    const piece = await unpublishedPiece('hovercraft', new Date(Date.now() + 3_600_000));
    expect(await look(desk.anonymous, piece)).toEqual([]);
  });

  it('anonymous readers may not list drafts at all', async () => {
    const error = await desk.anonymous.request(DeskDraftsDocument, { status: 'DRAFT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('with a token, the newsroom previews drafts by slug, route, node and the DRAFT list', async () => {
    const piece = await unpublishedPiece('airship');
    for (const client of [desk.contributor, desk.editor]) {
      expect(await look(client, piece)).toEqual(expect.arrayContaining(['article', 'route:Article', 'node', 'node(quote)', 'nodes']));
      const { articles } = await client.request(DeskDraftsDocument, { status: 'DRAFT' });
      expect(articles.nodes.map((node) => node.slug)).toContain(piece.article.slug);
    }
  });

  it('a scheduled piece goes public at its time with nobody acting', async () => {
    const at = new Date(Date.now() + 3_000);
    const piece = await unpublishedPiece('monorail', at);
    expect(await look(desk.anonymous, piece)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 100));
    expect(await look(desk.anonymous, piece)).toEqual(expect.arrayContaining(['article', 'route:Article', 'node', 'section', 'tag', 'tag.quotes', 'author', 'relatedCoverage']));
  });
});
