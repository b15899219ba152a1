import type { Orm } from './orm';

/** Applies every committed migration that the database has not seen; returns their names. */
export async function migrateToLatest(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
