import { ClientError } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import {
  AddLiveblogEntryDocument,
  LiveblogArticleDocument,
  LiveblogCardsDocument,
  LiveblogEntryNodeDocument,
  LiveblogStreamDocument,
  RemoveLiveblogEntryDocument,
  SetLiveblogStateDocument,
  UpdateLiveblogEntryDocument,
} from '../generated/graphql';
import { draft, publishedDraft, useDesk } from '../editorial/support';
import type { Newsroom } from '../support/newsroom';

const desk = useDesk();

/** A published article made LIVE by an editor. */
async function liveblog() {
  const article = await publishedDraft(desk);
  const { setLiveblogState } = await desk.editor.request(SetLiveblogStateDocument, { input: { articleId: article.id, expectedVersion: article.version, state: 'LIVE' } });
  expect(setLiveblogState.userErrors).toEqual([]);
  expect(setLiveblogState.article!.liveblog).toEqual({ state: 'LIVE', isLive: true });
  return { ...article, ...setLiveblogState.article! };
}

async function post(articleId: string, title: string, extra: { keyEvent?: boolean; pinned?: boolean; authorId?: string } = {}, client: Newsroom['contributor'] = desk.contributor) {
  const { addLiveblogEntry } = await client.request(AddLiveblogEntryDocument, { input: { articleId, title, bodyMarkdown: `**${title}**: what we know so far.`, ...extra } });
  expect(addLiveblogEntry.userErrors).toEqual([]);
  return addLiveblogEntry.entry!;
}

async function stream(id: string, args: { first?: number; after?: string; since?: string; keyEvents?: number } = {}, client: Newsroom['anonymous'] = desk.anonymous) {
  const { node } = await client.request(LiveblogStreamDocument, { id, ...args });
  return node && 'liveblog' in node ? node.liveblog : undefined;
}

const titles = (live: Awaited<ReturnType<typeof stream>>) => live!.entries.edges.map((edge) => edge.node.title);

describe('liveblogs', () => {
  it("the demo's typhoon story reads as an ended liveblog, with its pinned summary and key events", async () => {
    const { article } = await desk.anonymous.request(LiveblogArticleDocument, { slug: 'typhoon-sanwol-evacuations' });
    const live = await stream(article!.id);
    expect(live).toMatchObject({ state: 'ENDED', isLive: false, latestEntry: { title: 'Storm weakens over cooler water' }, pinnedEntry: { title: 'What we know' } });
    expect(live!.keyEvents.map((entry) => entry.title)).toEqual(['Storm weakens over cooler water', 'Landslide warning for the eastern slopes', 'Ferries suspended']);
    expect(live!.entries.totalCount).toBe(5);
    expect(live!.pinnedEntry!.bodyHtml).toContain('<li>No deaths have been reported.</li>');
  });

  it('readers follow the stream newest first, page through it, and ask for what came in since', async () => {
    const article = await liveblog();
    await post(article.id, 'Polls open', { authorId: desk.ids.author });
    await post(article.id, 'Turnout at noon');
    await post(article.id, 'Polls close');

    const live = await stream(article.id);
    expect(titles(live)).toEqual(['Polls close', 'Turnout at noon', 'Polls open']);
    expect(live!.entries.totalCount).toBe(3);
    expect(live!.latestEntry!.title).toBe('Polls close');
    expect(live!.entries.edges[2].node.author!.slug).toBe('hana-seo');
    expect(live!.entries.edges[2].node.bodyHtml).toContain('<strong>Polls open</strong>');

    const first = await stream(article.id, { first: 2 });
    expect(titles(first)).toEqual(['Polls close', 'Turnout at noon']);
    expect(first!.entries.pageInfo.hasNextPage).toBe(true);
    const second = await stream(article.id, { first: 2, after: first!.entries.pageInfo.endCursor! });
    expect(titles(second)).toEqual(['Polls open']);
    expect(second!.entries.pageInfo.hasNextPage).toBe(false);

    // A reader holding the stream asks with its first cursor and gets only the new entries.
    const held = first!.entries.edges[0].cursor;
    expect(titles(await stream(article.id, { since: held }))).toEqual([]);
    await post(article.id, 'First results');
    await post(article.id, 'Recount called');
    expect(titles(await stream(article.id, { since: held }))).toEqual(['Recount called', 'First results']);
    const gap = await stream(article.id, { since: held, first: 1 });
    expect(titles(gap)).toEqual(['Recount called']);
    expect(gap!.entries.pageInfo.hasNextPage).toBe(true);
    expect(titles(await stream(article.id, { since: held, first: 1, after: gap!.entries.pageInfo.endCursor! }))).toEqual(['First results']);
  });

  it('shows key events and one pinned entry; pinning another unpins the first', async () => {
    const article = await liveblog();
    await post(article.id, 'Quake strikes', { keyEvent: true });
    const summary = await post(article.id, 'What we know', { pinned: true });
    await post(article.id, 'Aftershock felt');
    await post(article.id, 'Tsunami warning lifted', { keyEvent: true });

    let live = await stream(article.id);
    expect(live!.keyEvents.map((entry) => entry.title)).toEqual(['Tsunami warning lifted', 'Quake strikes']);
    expect((await stream(article.id, { keyEvents: 1 }))!.keyEvents.map((entry) => entry.title)).toEqual(['Tsunami warning lifted']);
    expect(live!.pinnedEntry!.id).toBe(summary.id);

    const update = await post(article.id, 'Death toll rises', { pinned: true });
    live = await stream(article.id);
    expect(live!.pinnedEntry!.id).toBe(update.id);
    expect(live!.entries.edges.filter((edge) => edge.node.pinned).map((edge) => edge.node.title)).toEqual(['Death toll rises']);
  });

  it('corrections show (revision, updatedAt) and keep the entry in place; a stale revision is refused and changes nothing', async () => {
    const article = await liveblog();
    const entry = await post(article.id, 'Minister resigns');
    await post(article.id, 'Reaction pours in');
    expect(entry.revision).toBe(1);
    expect(entry.updatedAt).toBe(entry.publishedAt);

    const { updateLiveblogEntry } = await desk.contributor.request(UpdateLiveblogEntryDocument, { input: { id: entry.id, expectedRevision: 1, title: 'Minister offers resignation' } });
    expect(updateLiveblogEntry.userErrors).toEqual([]);
    expect(updateLiveblogEntry.entry).toMatchObject({ title: 'Minister offers resignation', revision: 2, publishedAt: entry.publishedAt });
    expect(new Date(updateLiveblogEntry.entry!.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(entry.publishedAt).getTime());

    const stale = await desk.contributor.request(UpdateLiveblogEntryDocument, { input: { id: entry.id, expectedRevision: 1, title: 'Minister resigns after all' } });
    expect(stale.updateLiveblogEntry.entry).toBeNull();
    expect(stale.updateLiveblogEntry.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedRevision'] })]);
    expect(titles(await stream(article.id))).toEqual(['Reaction pours in', 'Minister offers resignation']);

    const staleRemove = await desk.contributor.request(RemoveLiveblogEntryDocument, { id: entry.id, expectedRevision: 1 });
    expect(staleRemove.removeLiveblogEntry.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const { removeLiveblogEntry } = await desk.contributor.request(RemoveLiveblogEntryDocument, { id: entry.id, expectedRevision: 2 });
    expect(removeLiveblogEntry.userErrors).toEqual([]);
    expect(removeLiveblogEntry.entry!.title).toBe('Minister offers resignation');
    const live = await stream(article.id);
    expect(titles(live)).toEqual(['Reaction pours in']);
    expect(live!.entries.totalCount).toBe(1);
  });

  it('refuses entries on an ordinary article and on an ended liveblog, and leaves opening and closing to editors', async () => {
    const ordinary = await publishedDraft(desk);
    const notLive = await desk.contributor.request(AddLiveblogEntryDocument, { input: { articleId: ordinary.id, bodyMarkdown: 'Breaking.' } });
    expect(notLive.addLiveblogEntry.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'articleId'] })]);
    expect(await stream(ordinary.id)).toBeNull();

    const byContributor = await desk.contributor.request(SetLiveblogStateDocument, { input: { articleId: ordinary.id, expectedVersion: ordinary.version, state: 'LIVE' } }).catch((error: ClientError) => error);
    expect((byContributor as ClientError).response.errors![0].extensions!.code).toBe('FORBIDDEN');

    const article = await liveblog();
    const empty = await desk.contributor.request(AddLiveblogEntryDocument, { input: { articleId: article.id, bodyMarkdown: '   ' } });
    expect(empty.addLiveblogEntry.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'bodyMarkdown'] })]);
    const anonymous = await desk.anonymous.request(AddLiveblogEntryDocument, { input: { articleId: article.id, bodyMarkdown: 'Hello' } }).catch((error: ClientError) => error);
    expect((anonymous as ClientError).response.errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    const { setLiveblogState } = await desk.editor.request(SetLiveblogStateDocument, { input: { articleId: article.id, expectedVersion: article.version, state: 'ENDED' } });
    expect(setLiveblogState.article!.liveblog).toEqual({ state: 'ENDED', isLive: false });
    const ended = await desk.contributor.request(AddLiveblogEntryDocument, { input: { articleId: article.id, bodyMarkdown: 'One more thing.' } });
    expect(ended.addLiveblogEntry.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    expect((await stream(article.id))!.entries.totalCount).toBe(0);

    // The version named must be the article's current one.
    const stale = await desk.editor.request(SetLiveblogStateDocument, { input: { articleId: article.id, expectedVersion: article.version, state: 'LIVE' } });
    expect(stale.setLiveblogState.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  it("keeps a draft liveblog's entries from anonymous readers by every path, and shows a live one's latest entry on its card", async () => {
    const article = await draft(desk, 'Storm tracker (draft)');
    const { setLiveblogState } = await desk.editor.request(SetLiveblogStateDocument, { input: { articleId: article.id, expectedVersion: article.version, state: 'LIVE' } });
    expect(setLiveblogState.userErrors).toEqual([]);
    const entry = await post(article.id, 'Storm makes landfall', {}, desk.editor);
    expect(titles(await stream(article.id, {}, desk.editor))).toEqual(['Storm makes landfall']);
    expect(await stream(article.id)).toBeUndefined();
    expect((await desk.anonymous.request(LiveblogEntryNodeDocument, { id: entry.id })).node).toBeNull();
    expect((await desk.editor.request(LiveblogEntryNodeDocument, { id: entry.id })).node).toEqual({ title: 'Storm makes landfall', article: { headline: 'Storm tracker (draft)' } });

    const live = await liveblog();
    await post(live.id, 'Counting begins');
    await post(live.id, 'First seat declared');
    const { section } = await desk.anonymous.request(LiveblogCardsDocument, { path: 'world/asia' });
    const card = section!.articles.nodes.find((node) => node.headline === live.headline);
    expect(card!.liveblog).toMatchObject({ isLive: true, latestEntry: { title: 'First seat declared' } });
    expect(section!.articles.nodes.filter((node) => node.liveblog === null).length).toBeGreaterThan(0);
  });
});
