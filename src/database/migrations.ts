import type { MigrationObject } from '@mikro-orm/core';
import { postgresqlMigrations } from '../../migrations/postgresql';
import { sqliteMigrations } from '../../migrations/sqlite';
import type { DatabaseConfig } from '../config/config';

/** The committed migrations of each database, listed in code so they run the same from src and dist. */
export function migrationsFor(kind: DatabaseConfig['kind']): MigrationObject[] {
  return kind === 'sqlite' ? sqliteMigrations : postgresqlMigrations;
}

/** Where `npm run db:make-migration` writes a new migration for each database. */
export function migrationsFolder(kind: DatabaseConfig['kind']): string {
  return `migrations/${kind}`;
}

/** What code derives from stored data: the search index, the SIMILAR lists, tags' name keys and quotes' search text. */
export type DerivedTable = 'search' | 'similar' | 'tag-keys' | 'quote-search';

/**
 * The migrations that create a derived table or column, empty: when one of them is applied,
 * migrateToLatest fills it with the current code, after the last migration. A backfill inside the
 * migration would run today's code against that day's schema and fail once the table changed again
 * (as article_search did twice).
 */
export const FILLED_AFTER: Readonly<Record<string, DerivedTable>> = {
  Migration20261127060000_search: 'search',
  Migration20261127073000_similar: 'similar',
  Migration20261206161058_tag_name_key: 'tag-keys',
  Migration20261206171220_quote_search_text: 'quote-search',
};
