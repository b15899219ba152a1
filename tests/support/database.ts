import { randomBytes } from 'node:crypto';
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

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
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
