import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { authenticate } from '../auth/authenticate';
import type { Config } from '../config/config';
import { Context } from '../context';
import { createOrm, StatementCounter, type Orm } from '../database/orm';
import { prepareDatabase, type PrepareResult } from '../database/prepare';
import { formatError } from '../errors/errors';
import { buildMastheadSchema } from '../schema/build-schema';
import { createHttpHandler } from './http';

export interface App {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  orm: Orm;
  /** Every SQL statement the app has sent; tests and the benchmark read differences of it. */
  statements: StatementCounter;
  prepared: PrepareResult;
  close(): Promise<void>;
}

export interface AppOptions {
  log?: (message: string, error?: unknown) => void;
}

/** Opens the database, migrates (and seeds an empty one), and serves HTTP until `close()`. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? ((message: string, error?: unknown) => (error ? console.error(message, error) : console.log(message)));
  const statements = new StatementCounter();
  const orm = await createOrm({ database: config.database, counter: statements });
  let prepared: PrepareResult;
  try {
    prepared = await prepareDatabase(orm, { seed: config.seedDemo });
  } catch (error) {
    await orm.close(true);
    throw error;
  }

  const apollo = new ApolloServer<Context>({
    schema: buildMastheadSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, (original) => log('unexpected error while answering a request', original)),
    // GraphiQL is served by http.ts; Apollo's cache-control plugin would wrap every field of every
    // response in a hook, which costs a fifth of a lean request.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const handler = createHttpHandler({
    apollo,
    context: async (req) =>
      new Context({
        em: orm.em.fork(),
        dialect: config.database.kind,
        viewer: await authenticate(orm.em, req.headers.authorization),
        requestId: typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : undefined,
      }),
    metrics: () => ({
      masthead_sql_statements_total: { help: 'SQL statements sent to the database.', value: statements.count },
      masthead_resident_memory_bytes: { help: 'Resident set size of the process.', value: process.memoryUsage.rss() },
    }),
    ready: async () => {
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
  });
  const server = http.createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    orm,
    statements,
    prepared,
    close: () =>
      (closing ??= (async () => {
        // Stop taking requests, let those in flight finish, then release the database.
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await apollo.stop();
        await orm.close(true);
      })()),
  };
}
