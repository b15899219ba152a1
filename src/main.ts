import 'reflect-metadata';
import { ConfigError, loadConfig, redactUrl } from './config/config';
import { createApp } from './server/app';

/** `npm start`: configuration, database (created, migrated, seeded when empty), then HTTP. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const started = Date.now();
  const app = await createApp(config);
  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : `PostgreSQL ${redactUrl(config.database.url)}`;
  if (app.prepared.migrations.length) console.log(`Applied ${app.prepared.migrations.length} migration(s) to ${where}.`);
  if (app.prepared.seeded) console.log('Loaded the demo newsroom into the empty database.');
  if (app.prepared.demoToken) {
    console.log(
      [
        'Created an editor\'s token for the demo (shown only this once). To preview drafts and try the mutations in',
        'GraphiQL, paste this into its Headers tab:',
        `  {"Authorization": "Bearer ${app.prepared.demoToken}"}`,
      ].join('\n'),
    );
  }
  console.log(`Masthead is serving ${where} at ${app.url}/graphql (ready in ${Date.now() - started} ms). Open it in a browser for GraphiQL.`);

  const stop = (signal: string) => {
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    app.close().then(
      () => process.exit(0),
      (error) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error(`Masthead could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
