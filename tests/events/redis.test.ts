import { afterAll, describe, expect, it } from 'vitest';
import { AddLiveblogEntryDocument, DeskCreateArticleDocument, DeskPublishDocument, FollowLiveblogDocument, SetLiveblogStateDocument } from '../generated/graphql';
import { useTwoInstances } from '../support/instances';
import { follow, liveClient, whenLive } from './support';

/** Two instances on one database and one Redis: a subscriber on one, the newsroom writing on the other. */
const instances = useTwoInstances();
let socket: ReturnType<typeof liveClient>;
afterAll(async () => socket?.dispose());

describe('subscriptions across instances (Redis pub/sub)', () => {
  it('a subscriber on one instance hears the entries posted through the other', async () => {
    const { desk, ids, reader } = instances;
    socket = liveClient(reader.url);
    const { createArticle } = await desk.admin.request(DeskCreateArticleDocument, {
      input: { headline: 'Summit live', sectionId: ids.section, bodyMarkdown: 'Leaders arrive for the summit.' },
    });
    const story = createArticle.article!;
    await desk.editor.request(DeskPublishDocument, { id: story.id });
    const { setLiveblogState } = await desk.editor.request(SetLiveblogStateDocument, { input: { articleId: story.id, expectedVersion: story.version + 1, state: 'LIVE' } });
    expect(setLiveblogState.userErrors).toEqual([]);
    const post = (title: string) => desk.contributor.request(AddLiveblogEntryDocument, { input: { articleId: story.id, title, bodyMarkdown: `${title}.` } });

    const heard = follow(socket, FollowLiveblogDocument, { articleId: story.id });
    await whenLive(heard, (attempt) => post(`Warm-up ${attempt}`));
    const { addLiveblogEntry } = await post('Leaders sign the accord');
    const event = await heard.next(2_000, (received) => /^Warm-up/.test(received.data?.liveblogEntries.entry?.title ?? ''));
    expect(event.data!.liveblogEntries).toMatchObject({ change: 'ADDED', id: addLiveblogEntry.entry!.id, entry: { title: 'Leaders sign the accord' } });
  });
});
