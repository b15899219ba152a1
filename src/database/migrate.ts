import { migrationsFor } from './migrations';
import { dialectOf } from './reader';
import type { Orm } from './orm';

/**
 * Applies every committed migration that the database has not seen; returns their names. The
 * migrator (umzug and its command-line kit, a tenth of a cold start) is loaded only when the
 * migrations table lacks one of them.
 */
export async function migrateToLatest(orm: Orm): Promise<string[]> {
  if (!(await hasPendingMigrations(orm))) return [];
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

async function hasPendingMigrations(orm: Orm): Promise<boolean> {
  const table = orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  const em = orm.em.fork();
  let rows: { name: string }[];
  try {
    rows = await em.getConnection().execute<{ name: string }[]>(em.getKnex()(table).select('name'));
  } catch {
    // No migrations table yet: a new database.
    return true;
  }
  const applied = new Set(rows.map((row) => row.name));
  return migrationsFor(dialectOf(em)).some((migration) => !applied.has(migration.name));
}
