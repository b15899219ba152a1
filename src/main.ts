import 'reflect-metadata';
import v8 from 'node:v8';
import pino from 'pino';
import { ConfigError, loadConfig, redactUrl } from './config/config';
import { createApp } from './server/app';

/**
 * `npm start`: configuration, database (created, migrated, seeded when empty), then HTTP. Everything
 * it says goes to the JSON log on standard output, one object a line, as the requests do.
 */
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
  // V8 grows the heap up to fourfold past what its last full collection kept. Uncached reads on
  // PostgreSQL wait on the network long enough for their garbage to outlive young collections, so
  // it piles up in the old space: a front's load peaked at 287 MB with V8's own growth, 195 MB at
  // 100% (double), at the same req/s (README, "Uncached reads"). A flag V8 reads at each collection.
  if (config.heapGrowthPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
  const logger = pino({ level: config.logLevel });
  // Lines still buffered would be lost with the process.
  const exit = (code: number) => logger.flush(() => process.exit(code));
  const started = Date.now();
  let app;
  try {
    app = await createApp(config, { logger });
  } catch (error) {
    logger.fatal(`Masthead could not start: ${error instanceof Error ? error.message : String(error)}`);
    return exit(1);
  }
  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : `PostgreSQL ${redactUrl(config.database.url)}`;
  if (app.prepared.migrations.length) logger.info(`Applied ${app.prepared.migrations.length} migration(s) to ${where}.`);
  if (app.prepared.seeded) logger.info('Loaded the demo newsroom into the empty database.');
  if (app.prepared.demoToken) {
    logger.info(
      { header: { Authorization: `Bearer ${app.prepared.demoToken}` } },
      "Created an editor's token for the demo (shown only this once). To preview drafts and try the mutations in GraphiQL, paste `header` into its Headers tab.",
    );
  }
  logger.info(`Masthead is serving ${where} at ${app.url}/graphql (ready in ${Date.now() - started} ms). Open it in a browser for GraphiQL.`);

  const stop = (signal: string) => {
    logger.info(`${signal}: finishing requests in flight, then stopping.`);
    app.close().then(
      () => exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
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
