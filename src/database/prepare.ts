import type { EntityManager } from '@mikro-orm/knex';
import { Role } from '../auth/viewer';
import { TokenService } from '../modules/token/token.service';
import { isDatabaseEmpty, seedDemo } from '../seed/seed';
import { migrateToLatest } from './migrate';
import type { Orm } from './orm';
import { dialectOf } from './reader';

export interface PrepareResult {
  migrations: string[];
  seeded: boolean;
  /** An editor's token made for the freshly loaded demo newsroom, so GraphiQL can try the mutations. */
  demoToken: string | null;
}

/** Brings a database to the latest schema and, when it holds nothing yet, loads the demo newsroom. */
export async function prepareDatabase(orm: Orm, options: { seed: boolean }): Promise<PrepareResult> {
  const migrations = await migrateToLatest(orm);
  const em = orm.em.fork();
  if (dialectOf(em) === 'sqlite') await withoutSampleStatistics(em);
  const seeded = options.seed && (await isDatabaseEmpty(em));
  if (seeded) await seedDemo(em);
  const demoToken = seeded ? await new TokenService(em).create('Demo editor', Role.EDITOR) : null;
  return { migrations, seeded, demoToken };
}

/**
 * SQLite plans from sqlite_stat1 alone. better-sqlite3 is built with STAT4, under which a statement
 * whose plan could turn on a bound value is planned again at every run once sqlite_stat4 holds rows
 * (after an operator's ANALYZE or a PRAGMA optimize): a front's page and related-coverage statements
 * took three times as long (0.20 against 0.063 ms, 0.61 against 0.22). The samples are cleared at
 * start, and `analyze sqlite_schema` has the connection read the statistics again.
 */
async function withoutSampleStatistics(em: EntityManager): Promise<void> {
  const connection = em.getConnection();
  const [table] = await connection.execute<{ name: string }[]>("select name from sqlite_master where name = 'sqlite_stat4'");
  if (!table) return;
  await connection.execute('delete from sqlite_stat4');
  await connection.execute('analyze sqlite_schema');
}
