import { ClientError, GraphQLClient } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import {
  ArticleListDocument,
  ChangesDocument,
  DeskAddQuoteDocument,
  DeskCreateApiTokenDocument,
  DeskCreateArticleDocument,
  DeskPublishDocument,
  DeskRevisionsDocument,
  DeskSetRelatedDocument,
  DeskRouteDocument,
  DeskUpdateArticleDocument,
  EmbargoArticleDocument,
  EmbargoViewDocument,
  FollowSectionDocument,
  NodeByIdDocument,
  QuoteSearchDocument,
  RelatedCoverageDocument,
  SearchHitsDocument,
} from '../generated/graphql';
import { draft, useDesk } from '../editorial/support';
import { follow, liveClient, whenLive } from '../events/support';

const desk = useDesk();

/** A PARTNER token's client (a wire client), made by an admin as any token is. */
async function partner(): Promise<GraphQLClient> {
  const { createApiToken } = await desk.admin.request(DeskCreateApiTokenDocument, { input: { name: `Wire partner ${Date.now()}`, role: 'PARTNER' } });
  expect(createApiToken.userErrors).toEqual([]);
  return new GraphQLClient(desk.t.url, { headers: { authorization: `Bearer ${createApiToken.secret}` } });
}

const errorCode = (error: unknown) => (error as ClientError).response.errors![0].extensions!.code;

describe('embargoes', () => {
  it('partners read an embargoed piece before it lifts, nobody anonymous can by any path, and everyone can at the lift with no one acting', async () => {
    const wire = await partner();
    const { changes: feedStart } = await desk.anonymous.request(ChangesDocument, {});
    const section = follow(liveClient(desk.t.url), FollowSectionDocument, { sectionPath: 'world' });
    let warm = 0;
    await whenLive(section, async () => desk.editor.request(DeskPublishDocument, { id: (await draft(desk, `Warm-up ${++warm}`)).id }));

    const { createArticle } = await desk.editor.request(DeskCreateArticleDocument, {
      input: { headline: 'Zephyrine accord reached', sectionId: desk.ids.section, bodyMarkdown: 'The envoy said the Zephyrine accord would hold for a decade, officials confirmed.' },
    });
    const story = createArticle.article!;
    await desk.editor.request(DeskAddQuoteDocument, { input: { articleId: story.id, text: 'the Zephyrine accord would hold for a decade', speakerName: 'The envoy' } });
    // The Saeppyol story's editor links to it: readers of that story must not see the link before the lift.
    const linked = await desk.editor.request(DeskSetRelatedDocument, { articleId: desk.ids.published, items: [{ articleId: story.id, relation: 'FOLLOW_UP' }] });
    expect(linked.setRelatedCoverage.userErrors).toEqual([]);
    const relatedSlugs = async () =>
      ((await desk.anonymous.request(RelatedCoverageDocument, { slug: 'kim-jong-un-opens-saeppyol-street-homes', first: 20 })).article!.relatedCoverage).map((item) => item.article.slug);
    const until = new Date(Date.now() + 3_000);
    const { embargoArticle } = await desk.editor.request(EmbargoArticleDocument, { id: story.id, until: until.toISOString() });
    expect(embargoArticle.userErrors).toEqual([]);
    expect(embargoArticle.article).toMatchObject({ status: 'SCHEDULED', embargoLiftsAt: until.toISOString() });

    // The partner, by slug, route, node and its list of embargoed pieces.
    expect((await wire.request(EmbargoViewDocument, { slug: story.slug })).article).toEqual({
      headline: 'Zephyrine accord reached',
      status: 'SCHEDULED',
      embargoLiftsAt: until.toISOString(),
      quotes: [{ text: 'the Zephyrine accord would hold for a decade' }],
    });
    expect((await wire.request(DeskRouteDocument, { path: embargoArticle.article!.uri })).route).toEqual({ __typename: 'Article', slug: story.slug });
    expect((await wire.request(NodeByIdDocument, { id: story.id })).node).toMatchObject({ headline: 'Zephyrine accord reached' });
    const embargoed = await wire.request(ArticleListDocument, { filter: { status: 'SCHEDULED' } });
    expect(embargoed.articles.nodes.map((node) => node.slug)).toEqual([story.slug]);
    expect(embargoed.articles.totalCount).toBe(1);

    // Nobody anonymous, by any path.
    expect((await desk.anonymous.request(EmbargoViewDocument, { slug: story.slug })).article).toBeNull();
    expect((await desk.anonymous.request(DeskRouteDocument, { path: embargoArticle.article!.uri })).route).toBeNull();
    expect((await desk.anonymous.request(NodeByIdDocument, { id: story.id })).node).toBeNull();
    const front = await desk.anonymous.request(ArticleListDocument, { filter: { section: 'world' }, first: 100 });
    expect(front.articles.nodes.map((node) => node.slug)).not.toContain(story.slug);
    expect((await desk.anonymous.request(SearchHitsDocument, { query: 'Zephyrine' })).search.totalCount).toBe(0);
    expect((await desk.anonymous.request(QuoteSearchDocument, { filter: { query: 'Zephyrine' } })).quotes.totalCount).toBe(0);
    expect(errorCode(await desk.anonymous.request(ArticleListDocument, { filter: { status: 'SCHEDULED' } }).catch((error) => error))).toBe('FORBIDDEN');
    expect(section.pending()).toBe(0);
    expect(await relatedSlugs()).not.toContain(story.slug);
    const before = await desk.anonymous.request(ChangesDocument, { since: feedStart.cursor, first: 100 });
    expect(before.changes.changes.map((change) => change.id)).not.toContain(story.id);

    // The lift: no mutation, and every path sees it.
    const heard = await section.next(until.getTime() - Date.now() + 2_000, (event) => /^Warm-up/.test(event.data?.articlePublished.headline ?? ''));
    expect(heard.data!.articlePublished.headline).toBe('Zephyrine accord reached');
    expect(heard.at).toBeGreaterThanOrEqual(until.getTime());
    expect((await desk.anonymous.request(EmbargoViewDocument, { slug: story.slug })).article).toMatchObject({ status: 'PUBLISHED', embargoLiftsAt: null });
    expect((await desk.anonymous.request(SearchHitsDocument, { query: 'Zephyrine' })).search.totalCount).toBe(1);
    expect((await desk.anonymous.request(QuoteSearchDocument, { filter: { query: 'Zephyrine' } })).quotes.totalCount).toBe(1);
    expect(await relatedSlugs()).toContain(story.slug);
    const after = await desk.anonymous.request(ChangesDocument, { since: before.changes.cursor, first: 100 });
    expect(after.changes.changes).toContainEqual(expect.objectContaining({ kind: 'UPSERT', id: story.id }));
    section.stop();
  });

  it('gives partners nothing else unpublished and no way to write', async () => {
    const wire = await partner();
    const plain = await draft(desk, 'Draft the wire must not see');
    expect((await wire.request(NodeByIdDocument, { id: plain.id })).node).toBeNull();
    const scheduled = await draft(desk, 'Scheduled, no embargo');
    await desk.editor.request(DeskPublishDocument, { id: scheduled.id, at: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await wire.request(EmbargoViewDocument, { slug: scheduled.slug })).article).toBeNull();
    // The newsroom tells the two apart.
    const merely = await desk.editor.request(ArticleListDocument, { filter: { status: 'SCHEDULED', embargoed: false }, first: 100 });
    expect(merely.articles.nodes.map((node) => node.slug)).toContain(scheduled.slug);
    expect(merely.articles.totalCount).toBe(merely.articles.nodes.length);
    expect(errorCode(await wire.request(ArticleListDocument, { filter: { status: 'SCHEDULED', embargoed: false } }).catch((error) => error))).toBe('FORBIDDEN');
    expect(errorCode(await wire.request(ArticleListDocument, { filter: { status: 'DRAFT' } }).catch((error) => error))).toBe('FORBIDDEN');
    expect(errorCode(await wire.request(DeskUpdateArticleDocument, { input: { id: plain.id, expectedVersion: plain.version, headline: 'Hijacked' } }).catch((error) => error))).toBe('FORBIDDEN');
    expect(errorCode(await wire.request(DeskRevisionsDocument, { slug: 'kim-jong-un-opens-saeppyol-street-homes' }).catch((error) => error))).toBe('FORBIDDEN');
  });

  it('refuses an embargo in the past or on a public piece, and publishing ends one', async () => {
    const story = await draft(desk, 'Budget leak');
    const past = await desk.editor.request(EmbargoArticleDocument, { id: story.id, until: new Date(Date.now() - 1_000).toISOString() });
    expect(past.embargoArticle.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['until'] })]);
    const { embargoArticle } = await desk.editor.request(EmbargoArticleDocument, { id: story.id, until: new Date(Date.now() + 3_600_000).toISOString() });
    expect(embargoArticle.article!.embargoLiftsAt).not.toBeNull();
    const { publishArticle } = await desk.editor.request(DeskPublishDocument, { id: story.id });
    expect(publishArticle.userErrors).toEqual([]);
    expect((await desk.anonymous.request(EmbargoViewDocument, { slug: story.slug })).article).toMatchObject({ status: 'PUBLISHED', embargoLiftsAt: null });
    const again = await desk.editor.request(EmbargoArticleDocument, { id: story.id, until: new Date(Date.now() + 3_600_000).toISOString() });
    expect(again.embargoArticle.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });
});
