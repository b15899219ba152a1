import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlePageDocument } from '../generated/graphql';
import { demoIds, type DemoIds } from '../editorial/support';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { SAEPPYOL } from '../support/demo';
import { newsroom, type Newsroom } from '../support/newsroom';
import { readAfterEveryWrite } from './read-after-write';
import { read } from './support';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two instances of the app on one database, sharing answers through the machine's Redis. */
const prefix = `masthead-test:${randomBytes(6).toString('hex')}:`;
let database: TestDatabase;
let writer: TestApp;
let reader: TestApp;
let desk: Newsroom;
let ids: DemoIds;

beforeAll(async () => {
  database = await createTestDatabase({ shared: true });
  const cache = { redis: { url: REDIS_URL, prefix } };
  // One after the other: the first migrates and seeds, the second finds it done.
  writer = await startTestApp({ database, cache });
  reader = await startTestApp({ database, cache });
  desk = await newsroom(writer);
  ids = await demoIds(desk);
});

afterAll(async () => {
  await reader?.close();
  await writer?.close();
  await database?.drop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('the response cache in Redis, two instances', () => {
  it('an answer one instance computed is a hit on the other, with no statement there', async () => {
    const page = { path: SAEPPYOL.path };
    expect((await read(writer.url, ArticlePageDocument, page)).cache).toBe('MISS');
    let answer!: Awaited<ReturnType<typeof read>>;
    const statements = await reader.countStatements(async () => {
      answer = await read(reader.url, ArticlePageDocument, page);
    });
    expect(answer.cache).toBe('HIT');
    expect(statements).toBe(0);
    expect(answer.data).toMatchObject({ route: { headline: SAEPPYOL.headline } });
  });
});

describe('a read on one instance after every kind of write on the other', () => {
  readAfterEveryWrite(() => ({ desk, ids, readerUrl: reader.url }));
});
