import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { demoIds, type DemoIds } from '../editorial/support';
import { startTestApp, type TestApp } from './app';
import { createTestDatabase, type TestDatabase } from './database';
import { newsroom, type Newsroom } from './newsroom';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two instances of the app on one database and one Redis (its own key prefix), and the newsroom's clients of the first. */
export interface Instances {
  writer: TestApp;
  reader: TestApp;
  desk: Newsroom;
  ids: DemoIds;
}

/** Boots two instances for the calling test file and closes them, and their Redis keys, afterwards. */
export function useTwoInstances(): Instances {
  const instances = {} as Instances;
  const prefix = `masthead-test:${randomBytes(6).toString('hex')}:`;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ shared: true });
    const cache = { redis: { url: REDIS_URL, prefix } };
    // One after the other: the first migrates and seeds, the second finds it done.
    instances.writer = await startTestApp({ database, cache });
    instances.reader = await startTestApp({ database, cache });
    instances.desk = await newsroom(instances.writer);
    instances.ids = await demoIds(instances.desk);
  });
  afterAll(async () => {
    await instances.reader?.close();
    await instances.writer?.close();
    await database?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
  return instances;
}
