// The fill below loads the modules, whose GraphQL types need decorator metadata; a CLI may start here.
import 'reflect-metadata';
import { refoldQuoteSearch } from '../modules/quote/quote.keys';
import { refreshAllSimilar } from '../modules/related/related.similar';
import { reindexAll } from '../modules/search/search.index';
import { refoldTagKeys } from '../modules/tag/tag.keys';
import { FILLED_AFTER, migrationsFor } from './migrations';
import { dialectOf } from './reader';
import type { Orm } from './orm';
import { inTransaction } from './transaction';

/**
 * Applies every committed migration that the database has not seen, then fills the derived tables
 * that those migrations created (FILLED_AFTER) from the articles already there; returns their
 * names. The migrator runs only when the migrations table lacks one of them.
 */
export async function migrateToLatest(orm: Orm): Promise<string[]> {
  if (!(await hasPendingMigrations(orm))) return [];
  const applied = (await orm.migrator.up()).map((migration) => migration.name);
  const filled = new Set(applied.flatMap((name) => FILLED_AFTER[name] ?? []));
  if (filled.size) {
    await inTransaction(orm.em.fork(), async (tx) => {
      if (filled.has('tag-keys')) await refoldTagKeys(tx);
      if (filled.has('quote-search')) await refoldQuoteSearch(tx);
      if (filled.has('search')) await reindexAll(tx);
      if (filled.has('similar')) await refreshAllSimilar(tx);
    });
  }
  return applied;
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
