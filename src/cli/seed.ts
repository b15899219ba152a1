/** npm run db:seed: migrates DATABASE_URL and loads the demo newsroom if the database is empty. */
import { prepareDatabase } from '../database/prepare';
import { runWithOrm } from './run';

runWithOrm(async (orm) => {
  const { seeded } = await prepareDatabase(orm, { seed: true });
  return seeded ? 'loaded the demo newsroom' : 'the database already holds content; nothing loaded';
});
