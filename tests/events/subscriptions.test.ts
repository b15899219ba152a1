import { ClientError } from 'graphql-request';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  AddLiveblogEntryDocument,
  DeskPublishDocument,
  DeskUpdateArticleDocument,
  FollowArticleDocument,
  FollowLiveblogDocument,
  FollowSectionDocument,
  RemoveLiveblogEntryDocument,
  SetLiveblogStateDocument,
  UpdateLiveblogEntryDocument,
} from '../generated/graphql';
import { draft, publishedDraft, useDesk } from '../editorial/support';
import { startTestApp } from '../support/app';
import { follow, liveClient, whenLive, type Received } from './support';

const desk = useDesk();
const clients: ReturnType<typeof liveClient>[] = [];
afterAll(async () => {
  for (const client of clients) await client.dispose();
});

/** A subscriber's socket, anonymous or with a token of the desk's. */
function subscriber(token?: string) {
  const client = liveClient(desk.t.url, token);
  clients.push(client);
  return client;
}

/** The desk's tokens, read back from its clients' headers. */
function tokenOf(client: typeof desk.editor): string {
  return String((client as unknown as { requestConfig: { headers: Record<string, string> } }).requestConfig.headers.authorization).replace(/^Bearer /, '');
}

async function liveblog(articleId: string, version: number) {
  const { setLiveblogState } = await desk.editor.request(SetLiveblogStateDocument, { input: { articleId, expectedVersion: version, state: 'LIVE' } });
  expect(setLiveblogState.userErrors).toEqual([]);
}

async function post(articleId: string, title: string, client = desk.contributor) {
  const { addLiveblogEntry } = await client.request(AddLiveblogEntryDocument, { input: { articleId, title, bodyMarkdown: `${title}.`, authorId: desk.ids.author } });
  expect(addLiveblogEntry.userErrors).toEqual([]);
  return addLiveblogEntry.entry!;
}

const warmUp = (event: Received<{ liveblogEntries: { entry?: { title?: string | null } | null } }>) => /^Warm-up/.test(event.data?.liveblogEntries.entry?.title ?? '');

describe('subscriptions over graphql-ws', () => {
  it('tell a liveblog reader of each entry posted, corrected and removed, within 500 ms of the answer, and of nothing a failed mutation tried', async () => {
    const article = await publishedDraft(desk);
    await liveblog(article.id, article.version);
    const reader = follow(subscriber(), FollowLiveblogDocument, { articleId: article.id });
    await whenLive(reader, (attempt) => post(article.id, `Warm-up ${attempt}`));

    const failed = await desk.contributor.request(AddLiveblogEntryDocument, { input: { articleId: article.id, title: 'Never posted', bodyMarkdown: '  ' } });
    expect(failed.addLiveblogEntry.userErrors).toHaveLength(1);

    const entry = await post(article.id, 'Polls close');
    const answered = Date.now();
    const added = await reader.next(2_000, warmUp);
    expect(added.data!.liveblogEntries).toEqual({ change: 'ADDED', id: entry.id, entry: { title: 'Polls close', revision: 1, author: { slug: 'hana-seo' } } });
    expect(added.at - answered).toBeLessThan(500);

    await desk.contributor.request(UpdateLiveblogEntryDocument, { input: { id: entry.id, expectedRevision: 1, title: 'Polls closed' } });
    expect((await reader.next(2_000, warmUp)).data!.liveblogEntries).toMatchObject({ change: 'UPDATED', entry: { title: 'Polls closed', revision: 2 } });
    await desk.contributor.request(RemoveLiveblogEntryDocument, { id: entry.id, expectedRevision: 2 });
    expect((await reader.next(2_000, warmUp)).data!.liveblogEntries).toEqual({ change: 'REMOVED', id: entry.id, entry: null });
  });

  it("never tells an anonymous subscriber of a draft liveblog's entries; a token in connection_init previews them", async () => {
    const article = await draft(desk, 'Election night (draft)');
    await liveblog(article.id, article.version);
    const editor = follow(subscriber(tokenOf(desk.editor)), FollowLiveblogDocument, { articleId: article.id });
    const anonymous = follow(subscriber(), FollowLiveblogDocument, { articleId: article.id });
    await whenLive(editor, (attempt) => post(article.id, `Warm-up ${attempt}`));
    await post(article.id, 'Exit poll embargoed');
    expect((await editor.next(2_000, warmUp)).data!.liveblogEntries.entry!.title).toBe('Exit poll embargoed');

    // Published, the same liveblog reaches the anonymous subscriber from its next entry on: its first
    // event is that one, nothing from before.
    await desk.editor.request(DeskPublishDocument, { id: article.id });
    await post(article.id, 'Results declared');
    const first = await anonymous.next(3_000);
    expect(first.data!.liveblogEntries.entry!.title).toBe('Results declared');
  });

  it('tell a section front of each article published in it, and an article page of each save', async () => {
    const world = follow(subscriber(), FollowSectionDocument, { sectionPath: 'world' });
    const worldOnly = follow(subscriber(), FollowSectionDocument, { sectionPath: 'world', includeSubsections: false });
    let warm = 0;
    await whenLive(world, async () => desk.editor.request(DeskPublishDocument, { id: (await draft(desk, `Warm-up ${++warm}`)).id }));
    const story = await draft(desk, 'Ferry talks resume');
    await desk.editor.request(DeskPublishDocument, { id: story.id });
    const heard = await world.next(2_000, (event) => /^Warm-up/.test(event.data?.articlePublished.headline ?? ''));
    expect(heard.data!.articlePublished).toEqual({ headline: 'Ferry talks resume', uri: `/world/asia/${story.slug}` });
    // Drafts are filed in world/asia: the front of world alone hears none of them.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(worldOnly.pending()).toBe(0);

    const page = follow(subscriber(), FollowArticleDocument, { id: story.id });
    let version = story.version + 1;
    await whenLive(page, async (attempt) => {
      const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: story.id, expectedVersion: version, standfirst: `Warm-up ${attempt}` } });
      version = updateArticle.article!.version;
    });
    await desk.editor.request(DeskUpdateArticleDocument, { input: { id: story.id, expectedVersion: version, headline: 'Ferry talks resume after strike' } });
    const saved = await page.next(2_000, (event) => event.data?.articleUpdated.headline === 'Ferry talks resume');
    expect(saved.data!.articleUpdated).toEqual({ headline: 'Ferry talks resume after strike', version: version + 1 });
  });

  it('refuse what is not a subscription, over-limit documents, a bad token, an unknown section, and subscriptions over HTTP', async () => {
    const client = subscriber();
    const refused = (document: string) =>
      new Promise<{ message: string; extensions?: { code?: string } }[]>((resolve) => {
        // Refused before it starts: an error message; refused by the field as it starts: a result with errors.
        client.subscribe({ query: document }, { next: (result) => resolve((result.errors ?? []) as never), error: (errors) => resolve(errors as never), complete: () => resolve([]) });
      });
    expect((await refused('{ sections { name } }'))[0].extensions!.code).toBe('BAD_REQUEST');
    const deep = `subscription { articleUpdated(id: "QXJ0aWNsZTox") { section { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
    expect((await refused(deep))[0].extensions!.code).toBe('MAX_DEPTH_EXCEEDED');
    expect((await refused('subscription { articlePublished(sectionPath: "nowhere") { id } }'))[0].extensions!.code).toBe('BAD_USER_INPUT');

    const forged = liveClient(desk.t.url, 'mh_not-a-token');
    clients.push(forged);
    forged.subscribe({ query: 'subscription { articleUpdated(id: "QXJ0aWNsZTox") { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    expect((await forged.closed).code).toBe(4403);

    const overHttp = await desk.anonymous.request('subscription { articleUpdated(id: "QXJ0aWNsZTox") { id } }').catch((error: ClientError) => error);
    expect((overHttp as ClientError).response.errors![0].extensions!.code).toBe('BAD_REQUEST');
  });

  it('ping each socket and drop one that stops answering, while a client that answers stays', async () => {
    const quick = await startTestApp({ protection: { liveHeartbeatMs: 150 } });
    const answering = liveClient(quick.url);
    try {
      // A peer that went away without closing: connected, acknowledged, and deaf to pings from then on.
      const silent = new WebSocket(quick.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { autoPong: false });
      await new Promise((resolve) => silent.once('open', resolve));
      silent.send(JSON.stringify({ type: 'connection_init' }));
      await new Promise((resolve) => silent.once('message', resolve));
      const pinged = new Promise((resolve) => silent.once('ping', resolve));
      const closed = new Promise<number>((resolve) => silent.once('close', resolve));
      const started = Date.now();
      await pinged;
      // Dropped one heartbeat after the unanswered ping.
      await closed;
      expect(Date.now() - started).toBeLessThan(1_000);
      // The answering client, pinged all along and for a few heartbeats more, is still connected.
      expect(await Promise.race([answering.closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('open'), 600))])).toBe('open');
      // The drop is counted, once, and the answering client's socket is still open.
      const metrics = await (await fetch(`${quick.app.url}/metrics`)).text();
      expect(metrics).toMatch(/^masthead_live_closed_total\{reason="heartbeat"\} 1$/m);
      expect(metrics).toMatch(/^masthead_live_connections 1$/m);
    } finally {
      await answering.dispose();
      await quick.close();
    }
  });

  it('hold a client to its connection limit, and count open sockets and refusals in /metrics', async () => {
    const small = await startTestApp({ protection: { liveConnectionsPerClient: 2 } });
    try {
      const sockets = [liveClient(small.url), liveClient(small.url), liveClient(small.url)];
      const third = await sockets[2].closed;
      expect(third.code).toBe(4029);
      // The server counts a socket gone once its side has closed too, a moment after the client's.
      let metrics = '';
      for (let tries = 0; tries < 40 && !/^masthead_live_connections 2$/m.test(metrics); tries++) {
        if (tries) await new Promise((resolve) => setTimeout(resolve, 50));
        metrics = await (await fetch(`${small.app.url}/metrics`)).text();
      }
      expect(metrics).toMatch(/^masthead_live_connections 2$/m);
      expect(metrics).toMatch(/^masthead_live_closed_total\{reason="connections"\} 1$/m);
      for (const socket of sockets) await socket.dispose();
    } finally {
      await small.close();
    }
  });

  it('count running subscriptions in /metrics, from their start to a complete or the socket closing', async () => {
    const other = await startTestApp({});
    const metric = async () => Number(/^masthead_live_subscriptions (\d+)$/m.exec(await (await fetch(`${other.app.url}/metrics`)).text())?.[1]);
    // Subscriptions start and end a moment after the client's message: the count is asked until it settles.
    const settlesAt = async (count: number) => {
      for (let tries = 0; tries < 40 && (await metric()) !== count; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      return metric();
    };
    const client = liveClient(other.url);
    try {
      expect(await metric()).toBe(0);
      const world = follow(client, FollowSectionDocument, { sectionPath: 'world' });
      follow(client, FollowSectionDocument, { sectionPath: 'business' });
      expect(await settlesAt(2)).toBe(2);
      world.stop();
      expect(await settlesAt(1)).toBe(1);
      await client.dispose();
      expect(await settlesAt(0)).toBe(0);
    } finally {
      await client.dispose();
      await other.close();
    }
  });
});
