import { ClientError } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import {
  AddLiveblogEntryDocument,
  ArticleListDocument,
  ChangesDocument,
  DeskArchiveDocument,
  DeskCreateArticleDocument,
  DeskIdsDocument,
  DeskPublishDocument,
  DeskUnpublishDocument,
  DeskUpdateArticleDocument,
  EmbargoArticleDocument,
  RemoveLiveblogEntryDocument,
  SetLiveblogStateDocument,
  UpdateLiveblogEntryDocument,
} from '../generated/graphql';
import { draft, publishedDraft, useDesk } from '../editorial/support';

const desk = useDesk();

type Feed = Awaited<ReturnType<typeof read>>;
const read = async (variables: { since?: string; first?: number; section?: string; latest?: number }) => (await desk.anonymous.request(ChangesDocument, variables)).changes;

/** A reader's app: the articles it holds (id → headline), kept by applying the feed page by page. */
class App {
  readonly held = new Map<string, string>();
  cursor = '';

  apply(feed: Feed): void {
    for (const change of feed.changes) {
      if (change.kind === 'UPSERT') this.held.set(change.id, change.article!.headline);
      else this.held.delete(change.id);
    }
    this.cursor = feed.cursor;
  }

  /** Asks until the feed has nothing more, a page of `first` at a time. */
  async sync(first = 3): Promise<void> {
    for (;;) {
      const feed = await read({ since: this.cursor, first });
      this.apply(feed);
      if (!feed.hasMore) return;
    }
  }
}

/** What a fresh read of every published piece gives: id → headline. */
async function freshRead(): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  let after: string | undefined;
  for (;;) {
    const { articles } = await desk.anonymous.request(ArticleListDocument, { filter: { status: 'PUBLISHED' }, first: 100, after });
    for (const edge of articles.edges) held.set(edge.node.id, '');
    if (!articles.pageInfo.hasNextPage) return held;
    after = articles.pageInfo.endCursor!;
  }
}

describe('the sync feed (changes)', () => {
  it('brings an app from its first cursor, through publishes, edits, unpublishes, archives and a lift nobody made, to what a fresh read gives', async () => {
    const app = new App();
    app.apply(await read({ latest: 100 }));
    const start = await freshRead();
    expect([...app.held.keys()].sort()).toEqual([...start.keys()].sort());

    const first = await publishedDraft(desk);
    const second = await publishedDraft(desk);
    const quiet = await draft(desk, 'A draft the app never hears of');
    const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: first.id, expectedVersion: first.version, headline: 'Bridge opens a year early' } });
    expect(updateArticle.userErrors).toEqual([]);
    await app.sync();
    expect(app.held.get(first.id)).toBe('Bridge opens a year early');
    expect(app.held.has(second.id)).toBe(true);
    expect(app.held.has(quiet.id)).toBe(false);

    await desk.editor.request(DeskUnpublishDocument, { id: second.id });
    const [archived] = [...app.held.keys()].filter((id) => id !== first.id);
    await desk.editor.request(DeskArchiveDocument, { id: archived });
    const embargoed = await draft(desk, 'Ceasefire announced');
    const lift = new Date(Date.now() + 1_500);
    await desk.editor.request(EmbargoArticleDocument, { id: embargoed.id, until: lift.toISOString() });
    await app.sync();
    expect(app.held.has(second.id)).toBe(false);
    expect(app.held.has(archived)).toBe(false);
    expect(app.held.has(embargoed.id)).toBe(false);

    // The embargo lifts with no one acting; the next sync brings it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lift.getTime() - Date.now() + 100)));
    await app.sync();
    expect(app.held.get(embargoed.id)).toBe('Ceasefire announced');
    expect([...app.held.keys()].sort()).toEqual([...(await freshRead()).keys()].sort());
  });

  it('names no piece that was never public, and keeps to the section an app follows', async () => {
    const { section: business } = await desk.admin.request(DeskIdsDocument, { section: 'business', tag: 'none', author: 'none', slug: 'none' });
    const { cursor } = await read({ section: 'world/asia' });
    const asia = await publishedDraft(desk);
    await draft(desk, 'Never published');
    const { createArticle } = await desk.editor.request(DeskCreateArticleDocument, { input: { headline: 'Markets calm', sectionId: business!.id } });
    await desk.editor.request(DeskPublishDocument, { id: createArticle.article!.id });
    let feed = await read({ since: cursor });
    expect(feed.changes).toEqual([{ kind: 'UPSERT', id: asia.id, article: { id: asia.id, headline: asia.headline, status: 'PUBLISHED', section: { path: 'world/asia' } } }]);

    // Moved to another desk: gone from this app.
    const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: asia.id, expectedVersion: asia.version, sectionId: business!.id } });
    expect(updateArticle.userErrors).toEqual([]);
    feed = await read({ since: feed.cursor });
    expect(feed.changes).toEqual([{ kind: 'DELETE', id: asia.id, article: null }]);
    const other = await read({ since: feed.cursor, section: 'business' }).catch((error: ClientError) => error);
    expect((other as ClientError).response.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it("tells an app of a liveblog's entries as they are posted, corrected and removed, and of nothing a refused one tried", async () => {
    const article = await publishedDraft(desk);
    const { setLiveblogState } = await desk.admin.request(SetLiveblogStateDocument, { input: { articleId: article.id, expectedVersion: article.version, state: 'LIVE' } });
    expect(setLiveblogState.userErrors).toEqual([]);
    let { cursor } = await read({});
    const told = async () => {
      const feed = await read({ since: cursor });
      cursor = feed.cursor;
      return feed.changes.map((change) => [change.kind, change.id]);
    };

    const { addLiveblogEntry } = await desk.contributor.request(AddLiveblogEntryDocument, { input: { articleId: article.id, bodyMarkdown: 'Polls have closed.' } });
    expect(addLiveblogEntry.userErrors).toEqual([]);
    expect(await told()).toEqual([['UPSERT', article.id]]);
    const entry = addLiveblogEntry.entry!;
    const { updateLiveblogEntry } = await desk.contributor.request(UpdateLiveblogEntryDocument, { input: { id: entry.id, expectedRevision: entry.revision, bodyMarkdown: 'Polls have now closed.' } });
    expect(updateLiveblogEntry.userErrors).toEqual([]);
    expect(await told()).toEqual([['UPSERT', article.id]]);
    // A stale correction changes nothing, and the feed says nothing.
    const stale = await desk.contributor.request(UpdateLiveblogEntryDocument, { input: { id: entry.id, expectedRevision: entry.revision, bodyMarkdown: 'Polls closed.' } });
    expect(stale.updateLiveblogEntry.userErrors.map((error) => error.code)).toEqual(['CONFLICT']);
    expect(await told()).toEqual([]);
    const { removeLiveblogEntry } = await desk.contributor.request(RemoveLiveblogEntryDocument, { id: entry.id, expectedRevision: updateLiveblogEntry.entry!.revision });
    expect(removeLiveblogEntry.userErrors).toEqual([]);
    expect(await told()).toEqual([['UPSERT', article.id]]);
  });

  it('tells an app whose cursor is older than the feed keeps to start again', async () => {
    const { cursor } = await read({});
    await publishedDraft(desk);
    await desk.t.app.orm.em.getConnection().execute('update feed_head set pruned_through = seq');
    const expired = await read({ since: cursor }).catch((error: ClientError) => error);
    expect((expired as ClientError).response.errors![0].extensions!.code).toBe('RESYNC_REQUIRED');
    expect((await read({ since: (await read({})).cursor })).changes).toEqual([]);
  });
});
