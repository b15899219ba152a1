import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config/config';
import { createOrm } from '../../src/database/orm';

/**
 * Tests run on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is set (any database on
 * the server: it is only used to create and drop a fresh database for each test file).
 */
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** `shared`: on SQLite, a file instead of memory, so that two app instances can open the same database. */
export async function createTestDatabase(options: { shared?: boolean } = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && options.shared) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-test-'));
    return { config: { kind: 'sqlite', file: path.join(dir, 'masthead.sqlite') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (!url) return { config: { kind: 'sqlite', file: ':memory:' }, drop: async () => {} };
  const name = `masthead_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const config = parseDatabaseUrl(url.replace(/\/[^/?]*(\?.*)?$/, `/${name}`), 'TEST_DATABASE_URL');
  const orm = await createOrm({ database: config });
  await orm.getSchemaGenerator().ensureDatabase();
  await orm.close(true);
  return {
    config,
    drop: async () => {
      const admin = await createOrm({ database: parseDatabaseUrl(url, 'TEST_DATABASE_URL') });
      try {
        await admin.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.close(true);
      }
    },
  };
}
