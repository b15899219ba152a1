/** npm run db:migrate: applies the committed migrations to DATABASE_URL (SQLite by default). */
import { migrateToLatest } from '../database/migrate';
import { runWithOrm } from './run';

runWithOrm(async (orm) => {
  const applied = await migrateToLatest(orm);
  return applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date';
});
