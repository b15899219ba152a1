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
