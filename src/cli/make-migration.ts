/**
 * Developer tool: writes the next migration for SQLite and for PostgreSQL from the difference between
 * the entities and a scratch database migrated to the latest committed migration, then rewrites each
 * folder's index.ts. Usage: npm run db:make-migration -- <name>
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl, type DatabaseConfig } from '../config/config';
import { migrateToLatest } from '../database/migrate';
import { migrationsFolder } from '../database/migrations';
import { createOrm } from '../database/orm';

function writeIndex(kind: DatabaseConfig['kind']): void {
  const folder = migrationsFolder(kind);
  const names = fs
    .readdirSync(folder)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const listName = `${kind}Migrations`;
  const lines = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...names.map((name) => `import { ${name} } from './${name}';`),
    '',
    `export const ${listName}: MigrationObject[] = [`,
    ...names.map((name) => `  { name: '${name}', class: ${name} },`),
    '];',
    '',
  ];
  fs.writeFileSync(path.join(folder, 'index.ts'), lines.join('\n'));
}

async function make(database: DatabaseConfig, name: string): Promise<void> {
  const orm = await createOrm({ database });
  try {
    if (database.kind === 'postgresql') await orm.getSchemaGenerator().ensureDatabase();
    await migrateToLatest(orm);
    const result = await orm.getMigrator().createMigration(migrationsFolder(database.kind), false, false, name);
    console.log(result.fileName ? `${database.kind}: wrote ${result.fileName}` : `${database.kind}: no changes`);
  } finally {
    await orm.close(true);
  }
  writeIndex(database.kind);
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new Error('usage: npm run db:make-migration -- <name>');
  const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-')), 'scratch.sqlite');
  await make({ kind: 'sqlite', file: scratch }, name);
  const pgBase = process.env.MIGRATION_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const pg = parseDatabaseUrl(pgBase.replace(/\/[^/]*$/, `/masthead_scratch_${process.pid}`), 'MIGRATION_DATABASE_URL');
  try {
    await make(pg, name);
  } finally {
    const admin = await createOrm({ database: parseDatabaseUrl(pgBase, 'MIGRATION_DATABASE_URL') });
    await admin.getSchemaGenerator().dropDatabase(`masthead_scratch_${process.pid}`);
    await admin.close(true);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
