import { isDatabaseEmpty, seedDemo } from '../seed/seed';
import { migrateToLatest } from './migrate';
import type { Orm } from './orm';

export interface PrepareResult {
  migrations: string[];
  seeded: boolean;
}

/** Brings a database to the latest schema and, when it holds nothing yet, loads the demo newsroom. */
export async function prepareDatabase(orm: Orm, options: { seed: boolean }): Promise<PrepareResult> {
  const migrations = await migrateToLatest(orm);
  const em = orm.em.fork();
  const seeded = options.seed && (await isDatabaseEmpty(em));
  if (seeded) await seedDemo(em);
  return { migrations, seeded };
}
