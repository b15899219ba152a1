import { Role } from '../auth/viewer';
import { TokenService } from '../modules/token/token.service';
import { isDatabaseEmpty, seedDemo } from '../seed/seed';
import { migrateToLatest } from './migrate';
import type { Orm } from './orm';

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
  const seeded = options.seed && (await isDatabaseEmpty(em));
  if (seeded) await seedDemo(em);
  const demoToken = seeded ? await new TokenService(em).create('Demo editor', Role.EDITOR) : null;
  return { migrations, seeded, demoToken };
}
