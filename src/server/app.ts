import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { authenticate } from '../auth/authenticate';
import { cameDue, nextScheduledPublication } from '../auth/visibility';
import { PublicationClock } from '../events/publication-clock';
import { recordLifts } from '../modules/changes/changes.log';
import { RedisResponseCache } from '../cache/redis-cache';
import { MemoryResponseCache, type ResponseCache } from '../cache/response-cache';
import { ScheduleHorizon } from '../cache/schedule-horizon';
import type { AppConfig } from '../config/config';
import { Context, requestFork } from '../context';
import { createOrm, StatementCounter, type Orm } from '../database/orm';
import { CompiledQueries, SqlReader } from '../database/reader';
import { prepareDatabase, type PrepareResult } from '../database/prepare';
import { formatError, isConnectionFailure, serviceUnavailable } from '../errors/errors';
import { buildMastheadSchema } from '../schema/build-schema';
import { cacheFactsPlugin } from './cache-plugin';
import { compiledExecutionPlugin, type ExecutionMode } from './execution';
import { createHttpHandler } from './http';
import { attachLiveServer } from './live';
import { MemoryEventBus, RedisEventBus, type EventBus, type LiveEvent } from '../events/live-events';
import { protectionPlugin } from './protection-plugin';
import { KnownDocuments } from './known-documents';
import { Admission } from '../protection/admission';
import type { EntityManager } from '@mikro-orm/knex';
import pino, { type Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import { DatabaseHealth } from '../database/health';
import { Metrics } from '../observability/metrics';
import { clientAddressResolver } from '../protection/client-address';
import { QueryLimiter } from '../protection/limits';
import { LoadMonitor } from '../protection/overload';
import { Budgets } from '../protection/rate-limit';

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
  /** Where the JSON log goes; by default pino on standard output at the configured level. */
  logger?: Logger;
  /** Check every compiled query against a compile with its real values (SqlReader.compiled); for tests. */
  checkQueries?: boolean;
  /** How often the database is probed while it answers, and while it does not (tests shorten it). */
  healthIntervalMs?: { up: number; down: number };
  /** Compiled plans for queries (the default), or graphql-js for everything: tests compare the two. */
  execution?: ExecutionMode;
}

/** How long SIGTERM's drain waits for requests in flight before closing their connections. */
const DRAIN_MS = 10_000;

/** Opens the database, migrates (and seeds an empty one), and serves HTTP until `close()`. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const statements = new StatementCounter();
  const compiledQueries = new CompiledQueries(options.checkQueries);
  const orm = await createOrm({ database: config.database, counter: statements, log: (level, message) => logger[level]({ source: 'knex' }, message) });
  let prepared: PrepareResult;
  try {
    prepared = await prepareDatabase(orm, { seed: config.seedDemo });
  } catch (error) {
    await orm.close(true);
    throw error;
  }

  const { protection } = config;
  const schema = buildMastheadSchema();
  const load = new LoadMonitor(protection.overloadLagMs);
  const probe = databaseProbe(orm, config.database);
  const health = new DatabaseHealth({
    probe: probe.run,
    intervalMs: options.healthIntervalMs,
    onChange: (up) => (up ? logger.warn('the database answers again') : logger.error('the database stopped answering: requests get SERVICE_UNAVAILABLE until it is back')),
  });
  const knexPool = () => (orm.em.getKnex().client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } }).pool;
  const metrics = new Metrics({
    statements: () => statements.count,
    lagMs: () => load.lagMs,
    pool: () => {
      const pool = knexPool();
      return { used: pool?.numUsed() ?? 0, free: pool?.numFree() ?? 0, pending: pool?.numPendingAcquires() ?? 0 };
    },
    databaseUp: () => health.up,
  });
  const redisTrouble = (message: string, error?: unknown) => {
    metrics.redisErrors.inc();
    logger.warn({ err: error }, message);
  };
  let budgets: Budgets;
  try {
    budgets = await Budgets.create(protection.rateLimit, config.cache.redis, (error) => redisTrouble('rate limits: Redis unavailable, counting in memory', error));
  } catch (error) {
    load.close();
    await orm.close(true);
    throw error;
  }
  const limiter = new QueryLimiter(schema, protection.limits);
  const admission = new Admission(limiter, budgets);
  const known = options.execution === 'graphql-js' ? null : new KnownDocuments(schema);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: protection.introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: protection.limits.tokens },
    formatError: (formatted, error) => formatError(formatted, error, { hideSuggestions: !protection.introspection }),
    // GraphiQL is served by http.ts; Apollo's cache-control plugin would wrap every field of every
    // response in a hook, which costs a fifth of a lean request.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      cacheFactsPlugin(),
      protectionPlugin({ admission, limiter, metrics, logger }),
      ...(known ? [compiledExecutionPlugin(known, metrics)] : []),
    ],
  });
  const scheduleReader = () => new SqlReader(orm.em.fork(), config.database.kind, compiledQueries);
  const horizon = new ScheduleHorizon((now) => nextScheduledPublication(scheduleReader(), now));
  let cache: ResponseCache | null = null;
  let bus: EventBus | null = null;
  let clock: PublicationClock | null = null;
  const stopAll = async () => {
    clock?.close();
    load.close();
    health.close();
    await probe.close();
    await budgets.close();
    await cache?.close();
    await bus?.close();
    await orm.close(true);
  };
  try {
    // Subscribers on every instance hear each committed change: through Redis when there is one.
    bus = config.cache.redis ? await RedisEventBus.connect({ ...config.cache.redis, log: redisTrouble }) : new MemoryEventBus();
    if (config.cache.enabled && config.cache.redis) {
      cache = await RedisResponseCache.connect({ ...config.cache.redis, maxBytes: config.cache.maxBytes, onEvicted: () => horizon.reset(), log: redisTrouble });
    } else if (config.cache.enabled) {
      cache = new MemoryResponseCache(config.cache.maxBytes);
    }
    await apollo.start();
  } catch (error) {
    await stopAll();
    throw error;
  }
  health.start();
  const events = bus!;
  clock = new PublicationClock({
    next: (now) => nextScheduledPublication(scheduleReader(), now),
    due: async (from, to) => (await cameDue(scheduleReader(), from, to)).map((row) => row.articleId),
    deliver: (changes) => events.deliverHere(changes),
    record: (now) => recordLifts(orm.em.fork(), now),
    log: (message, error) => logger.warn({ err: error }, message),
  });
  const invalidate = async (keys: string[]): Promise<void> => {
    // A mutation may schedule something sooner than the horizon known so far.
    horizon.reset();
    try {
      await cache?.evict(keys);
    } catch (error) {
      // The write is committed; answers it touched expire by their own max-age.
      redisTrouble('could not evict cached answers after a write', error);
    }
  };

  const publish = async (changes: LiveEvent[]): Promise<void> => {
    try {
      await events.publish(changes);
    } catch (error) {
      // The write is committed; subscribers miss this change, as they would across a dropped connection.
      redisTrouble('could not publish a committed change to subscribers', error);
    }
  };
  const clientAddress = clientAddressResolver(protection.trustProxy);
  // What each request reads through and forks its own EntityManager from (Context.em). A fork, not
  // orm.em: a fork answers for itself, where orm.em would join a read to whatever transaction the
  // request has open, and a request's plain reads stay outside its writes, as they always have.
  const requests = orm.em.fork();
  const handler = createHttpHandler({
    apollo,
    context: async (req, meter) => {
      return new Context({
        em: requests,
        dialect: config.database.kind,
        compiledQueries,
        viewer: await viewerOf(() => requestFork(requests, meter), req.headers.authorization, health),
        meter,
        invalidate,
        publish,
      });
    },
    cache,
    horizon,
    metrics,
    logger,
    budgets,
    known,
    admission,
    load,
    health,
    clientAddress,
    deadlineMs: protection.deadlineMs,
    graphiql: protection.graphiql,
    ready: () => health.check(),
  });
  const server = http.createServer((req, res) => void handler(req, res));
  // Idle kept-alive connections close after 65 s, not Node's 5 s: a client (or a proxy, which commonly
  // keeps them 60 s) that picks an idle connection just as the server closes it gets no answer at all
  // ("other side closed"). Past a load balancer's idle timeout, the proxy always closes first.
  server.keepAliveTimeout = 65_000;
  // Above keepAliveTimeout, as Node asks, so a slow request's headers are not cut by the keep-alive timer.
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const live = attachLiveServer({
    server,
    schema,
    bus: events,
    limiter,
    budgets,
    clientAddress,
    viewerOf: (authorization) => viewerOf(() => requests.fork(), authorization, health),
    context: (viewer, meter, session) => new Context({ em: requests, dialect: config.database.kind, compiledQueries, viewer, meter, live: session }),
    connectionsPerClient: protection.liveConnectionsPerClient,
    heartbeatMs: protection.liveHeartbeatMs,
    hideSuggestions: !protection.introspection,
    logger,
    metrics,
  });
  // Saves on any instance that schedule a piece tell every instance's clock when it goes public.
  events.listen((event) => {
    if (event.kind === 'article' && event.goesPublicAt !== undefined) clock!.expect(new Date(event.goesPublicAt));
  });
  await clock.start();
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
        // Stop taking requests, let those in flight finish (closing their connections after
        // DRAIN_MS at most), then release the database.
        // Subscribers are told the server is going away (1001) first: their sockets would hold the drain.
        await live.close();
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        // A kept-alive connection becomes idle once its answer is sent: close it then, rather than
        // wait out its keep-alive.
        server.closeIdleConnections();
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
        await drained;
        clearInterval(sweep);
        clearTimeout(cut);
        await apollo.stop();
        await stopAll();
      })()),
  };
}

/**
 * The request's viewer. Checking a token reads the database: while it is away that is a prompt
 * SERVICE_UNAVAILABLE (503), never a hang or an internal error.
 */
async function viewerOf(fork: () => EntityManager, authorization: string | undefined, health: DatabaseHealth): Promise<Viewer | null> {
  if (authorization === undefined) return null;
  if (!health.up) throw serviceUnavailable();
  try {
    return await authenticate(fork(), authorization);
  } catch (error) {
    if (!isConnectionFailure(error)) throw error;
    health.report(error);
    throw serviceUnavailable();
  }
}

interface ProbeConnection {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'error', listener: () => void): unknown;
}

/**
 * One round trip to the database for DatabaseHealth. PostgreSQL is probed on a connection of its own,
 * so that a pool busy with slow reads never reads as a database that is gone, and a probe that hangs
 * is dropped rather than kept.
 */
function databaseProbe(orm: Orm, database: AppConfig['database']): { run: () => Promise<void>; close: () => Promise<void> } {
  // SQLite lives in this process: it answers while the process does, and probing it through its one
  // pooled connection would read a long write (a rebuild) as a database that is gone.
  if (database.kind === 'sqlite') return { run: async () => {}, close: async () => {} };
  // node-postgres, as knex loaded it.
  const client = orm.em.getKnex().client as { driver: { Client: new (settings: object) => ProbeConnection }; connectionSettings: object };
  let connection: ProbeConnection | null = null;
  const open = async (): Promise<ProbeConnection> => {
    // Both bounded, so that a probe on a connection that went silent (no reset ever reached it)
    // fails by itself and the connection is dropped below: DatabaseHealth's own timeout only stops
    // waiting, and the next probe would queue behind the lost one for good.
    const opened = new client.driver.Client({ ...client.connectionSettings, connectionTimeoutMillis: 1_000, query_timeout: 1_000 });
    // A connection that breaks is replaced; its error must not go unheard.
    opened.on('error', () => undefined);
    try {
      await opened.connect();
    } catch (error) {
      void opened.end().catch(() => undefined);
      throw error;
    }
    return opened;
  };
  const drop = () => {
    const broken = connection;
    connection = null;
    void broken?.end().catch(() => undefined);
  };
  const run = async () => {
    if (connection) {
      try {
        await connection.query('select 1');
        return;
      } catch {
        // The kept connection may be all that was lost (the server ended its sessions, a proxy
        // restarted): only a fresh connection that fails says the database is gone.
        drop();
      }
    }
    try {
      connection = await open();
      await connection.query('select 1');
    } catch (error) {
      drop();
      throw error;
    }
  };
  // The kept connection would keep a process that closed the app (a test, the benchmark) alive.
  return { run, close: async () => drop() };
}
