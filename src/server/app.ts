import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { authenticate } from '../auth/authenticate';
import { nextScheduledPublication } from '../auth/visibility';
import { RedisResponseCache } from '../cache/redis-cache';
import { MemoryResponseCache, type ResponseCache } from '../cache/response-cache';
import { ScheduleHorizon } from '../cache/schedule-horizon';
import type { Config } from '../config/config';
import { Context } from '../context';
import { createOrm, StatementCounter, type Orm } from '../database/orm';
import { CompiledQueries, SqlReader } from '../database/reader';
import { prepareDatabase, type PrepareResult } from '../database/prepare';
import { formatError } from '../errors/errors';
import { buildMastheadSchema } from '../schema/build-schema';
import { cacheFactsPlugin } from './cache-plugin';
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
  /** Check every compiled query against a compile with its real values (SqlReader.compiled); for tests. */
  checkQueries?: boolean;
}

/** Opens the database, migrates (and seeds an empty one), and serves HTTP until `close()`. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? ((message: string, error?: unknown) => (error ? console.error(message, error) : console.log(message)));
  const statements = new StatementCounter();
  const compiledQueries = new CompiledQueries(options.checkQueries);
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
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), cacheFactsPlugin()],
  });

  const horizon = new ScheduleHorizon((now) => nextScheduledPublication(new SqlReader(orm.em.fork(), config.database.kind, compiledQueries), now));
  let cache: ResponseCache | null = null;
  try {
    if (config.cache.enabled && config.cache.redis) {
      cache = await RedisResponseCache.connect({ ...config.cache.redis, maxBytes: config.cache.maxBytes, onEvicted: () => horizon.reset(), log });
    } else if (config.cache.enabled) {
      cache = new MemoryResponseCache(config.cache.maxBytes);
    }
    await apollo.start();
  } catch (error) {
    await cache?.close();
    await orm.close(true);
    throw error;
  }
  const cacheCounts = { hits: 0, misses: 0 };
  const invalidate = async (keys: string[]): Promise<void> => {
    // A mutation may schedule something sooner than the horizon known so far.
    horizon.reset();
    try {
      await cache?.evict(keys);
    } catch (error) {
      // The write is committed; answers it touched expire by their own max-age.
      log('could not evict cached answers after a write', error);
    }
  };

  const handler = createHttpHandler({
    apollo,
    context: async (req) =>
      new Context({
        em: orm.em.fork(),
        dialect: config.database.kind,
        compiledQueries,
        viewer: await authenticate(orm.em, req.headers.authorization),
        requestId: typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : undefined,
        invalidate,
      }),
    cache,
    horizon,
    cacheCounts,
    metrics: () => ({
      masthead_sql_statements_total: { help: 'SQL statements sent to the database.', value: statements.count },
      masthead_resident_memory_bytes: { help: 'Resident set size of the process.', value: process.memoryUsage.rss() },
      masthead_response_cache_hits_total: { help: 'Anonymous queries answered from the response cache.', value: cacheCounts.hits },
      masthead_response_cache_misses_total: { help: 'Cacheable queries the response cache did not hold.', value: cacheCounts.misses },
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
        await cache?.close();
        await orm.close(true);
      })()),
  };
}
