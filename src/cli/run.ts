import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { createOrm, type Orm } from '../database/orm';

/** Runs a command-line task against DATABASE_URL, closing the database and reporting failure in one line. */
export function runWithOrm(task: (orm: Orm) => Promise<string>): void {
  (async () => {
    const orm = await createOrm({ database: loadConfig().database });
    try {
      console.log(await task(orm));
    } finally {
      await orm.close(true);
    }
  })().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
