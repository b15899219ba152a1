import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/database/migrate';
import { migrationsFor } from '../../src/database/migrations';
import { createOrm, type Orm } from '../../src/database/orm';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let orm: Orm;
beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createOrm({ database: database.config });
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

const tables = async () => {
  const sql =
    database.config.kind === 'sqlite'
      ? "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'mikro_orm_migrations'"
      : "select table_name as name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations'";
  return ((await orm.em.getConnection().execute(sql)) as { name: string }[]).map((row) => row.name).sort();
};

describe(`migrations (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('apply in order and leave no difference between the database and the entities', async () => {
    const applied = await migrateToLatest(orm);
    expect(applied).toEqual(migrationsFor(database.config.kind).map((migration) => migration.name));
    expect(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe('');
    expect(await migrateToLatest(orm)).toEqual([]);
  });

  it('roll all the way back with down() and forward again', async () => {
    await orm.getMigrator().down({ to: 0 });
    expect(await tables()).toEqual([]);
    await migrateToLatest(orm);
    expect(await tables()).toContain('article');
    expect(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe('');
  });
});
