/**
 * Developer tool: writes the next migration for SQLite and for PostgreSQL from the difference between
 * the entities and a scratch database of each kind migrated to the latest committed migration, then
 * rewrites each folder's index.ts. Usage: npm run db:make-migration -- <name>
 *
 * PostgreSQL's half needs a server to diff against: MIGRATION_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), where a scratch database is made and dropped. It is
 * checked before anything is written. SQLite's scratch database lives in memory. Both halves get
 * one timestamp, so they share their class name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl, redactUrl, type DatabaseConfig } from '../config/config';
import { migrateToLatest } from '../database/migrate';
import { migrationsFolder } from '../database/migrations';
import { createOrm } from '../database/orm';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/** One migration name for both halves: letters, digits and underscores, as in a class name. */
const NAME = /^[a-z][a-z0-9_]*$/i;

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

/** Answers whether the PostgreSQL server at `url` takes a connection, and if not, why. */
async function reachable(url: string): Promise<string | null> {
  try {
    const orm = await createOrm({ database: parseDatabaseUrl(url, 'MIGRATION_DATABASE_URL') });
    try {
      await orm.em.getConnection().execute('select 1');
      return null;
    } finally {
      await orm.close(true);
    }
  } catch (error) {
    return (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** Writes one half; answers the file written, or null when the entities match the migrations. */
async function make(database: DatabaseConfig, name: string): Promise<string | null> {
  const orm = await createOrm({ database });
  try {
    if (database.kind === 'postgresql') await orm.getSchemaGenerator().ensureDatabase();
    await migrateToLatest(orm);
    const result = await orm.getMigrator().createMigration(migrationsFolder(database.kind), false, false, name);
    return result.fileName ? path.join(migrationsFolder(database.kind), result.fileName) : null;
  } finally {
    await orm.close(true);
  }
}

/**
 * Gives the file (and the class it holds) the timestamp `stamp`: MikroORM stamps each half when it
 * writes it, a second or more apart.
 */
function restamp(file: string, stamp: string): string {
  const own = /^Migration(\d{14})_/.exec(path.basename(file))?.[1];
  if (!own || own === stamp) return file;
  const renamed = path.join(path.dirname(file), path.basename(file).replace(own, stamp));
  fs.writeFileSync(renamed, fs.readFileSync(file, 'utf8').replaceAll(`Migration${own}_`, `Migration${stamp}_`));
  fs.rmSync(file);
  return renamed;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !NAME.test(name)) throw new Error('usage: npm run db:make-migration -- <name> (letters, digits and underscores, e.g. article_kicker)');
  const server = process.env.MIGRATION_DATABASE_URL ?? DEFAULT_SERVER;
  const trouble = await reachable(server);
  if (trouble) {
    throw new Error(
      `db:make-migration writes both halves, and PostgreSQL's needs a server to compare against: none answered at ${redactUrl(server)} (${trouble}). ` +
        'Start PostgreSQL, or set MIGRATION_DATABASE_URL=postgres://user@host:port/database to one whose user may create databases. Nothing was written.',
    );
  }
  const scratchName = `masthead_scratch_${process.pid}`;
  const written: string[] = [];
  try {
    const sqlite = await make({ kind: 'sqlite', file: ':memory:' }, name);
    if (sqlite) written.push(sqlite);
    const postgresql = await make(parseDatabaseUrl(server.replace(/\/[^/]*$/, `/${scratchName}`), 'MIGRATION_DATABASE_URL'), name);
    if (postgresql) written.push(postgresql);
  } catch (error) {
    // Half a pair is worse than none.
    for (const file of written) fs.rmSync(file, { force: true });
    throw error;
  } finally {
    const admin = await createOrm({ database: parseDatabaseUrl(server, 'MIGRATION_DATABASE_URL') });
    await admin.getSchemaGenerator().dropDatabase(scratchName);
    await admin.close(true);
    writeIndex('sqlite');
    writeIndex('postgresql');
  }
  if (!written.length) {
    console.log('The entities match the migrations of both databases: nothing to write.');
    return;
  }
  const stamp = /^Migration(\d{14})_/.exec(path.basename(written[0]))![1];
  const files = written.map((file) => restamp(file, stamp));
  writeIndex('sqlite');
  writeIndex('postgresql');
  for (const file of files) console.log(`wrote ${file}`);
  if (files.length < 2) console.log('Only one database needed a change: check the other by hand (a column type both spell alike, for instance).');
  console.log('Read both halves, give each a down() that undoes its up(), then run the tests on both databases.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
