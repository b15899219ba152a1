import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddLiveblogEntryDocument, DeskCreateArticleDocument, DeskPublishDocument, FollowLiveblogDocument, SetLiveblogStateDocument } from '../generated/graphql';
import { demoIds, type DemoIds } from '../editorial/support';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { newsroom, type Newsroom } from '../support/newsroom';
import { follow, liveClient, whenLive } from './support';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two instances on one database and one Redis: a subscriber on one, the newsroom writing on the other. */
const prefix = `masthead-test:${randomBytes(6).toString('hex')}:`;
let database: TestDatabase;
let writer: TestApp;
let reader: TestApp;
let desk: Newsroom;
let ids: DemoIds;
const client = () => liveClient(reader.url);
let socket: ReturnType<typeof client>;

beforeAll(async () => {
  database = await createTestDatabase({ shared: true });
  const cache = { redis: { url: REDIS_URL, prefix } };
  writer = await startTestApp({ database, cache });
  reader = await startTestApp({ database, cache });
  desk = await newsroom(writer);
  ids = await demoIds(desk);
  socket = client();
});

afterAll(async () => {
  await socket?.dispose();
  await reader?.close();
  await writer?.close();
  await database?.drop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('subscriptions across instances (Redis pub/sub)', () => {
  it('a subscriber on one instance hears the entries posted through the other', async () => {
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
