import fs from 'node:fs';
import path from 'node:path';
import type { Options as SqliteOptions } from '@mikro-orm/better-sqlite';
import type { Options as PostgresOptions } from '@mikro-orm/postgresql';
import { DefaultLogger, type LogContext, type LoggerOptions, type MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../config/config';
import { entities } from './entities';
import { migrationsFor } from './migrations';

export type Orm = MikroORM<AbstractSqlDriver, EntityManager>;

/** A statement as a process sent it, with its values and the turn of the event loop it went in. */
export interface TracedStatement {
  sql: string;
  values: unknown[];
  turn: number;
}

/** Counts the SQL statements a process sends: the benchmark and the batching tests read it. */
export class StatementCounter {
  count = 0;
  /**
   * When set, each statement's text and values are kept here: the benchmark replays a front's with
   * pgbench. `turn` numbers the turns of the event loop: a request's reads of one turn go to
   * PostgreSQL together, pipelined (SqlReader), and are replayed so.
   */
  trace: TracedStatement[] | null = null;
  private turn = 0;
  private inTurn = false;

  record(sql: string, values: unknown[]): void {
    this.count += 1;
    if (!this.trace) return;
    if (!this.inTurn) {
      this.turn += 1;
      this.inTurn = true;
      setImmediate(() => (this.inTurn = false));
    }
    this.trace.push({ sql, values, turn: this.turn });
  }
}

/**
 * MikroORM's logger, also counting each statement for the request that sent it: an EntityManager
 * forked for a request carries `countStatement` in its logger context (src/server/app.ts), and
 * MikroORM hands that context to the logger with every statement, transactions' included.
 */
class CountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext & { countStatement?: () => void }): void {
    context.countStatement?.();
    super.logQuery(context);
  }
}

export interface OrmOptions {
  database: DatabaseConfig;
  counter?: StatementCounter;
  pool?: { min: number; max: number };
  /** Where knex's own warnings go (a connection that broke, …); its default is plain text on stdout. */
  log?: (level: 'warn' | 'error', message: string) => void;
}

/** knex's logger, handed to the app's. */
function knexLog(options: OrmOptions) {
  const log = options.log;
  if (!log) return {};
  const say = (level: 'warn' | 'error') => (message: unknown) => log(level, String(message));
  return { log: { warn: say('warn'), error: say('error'), deprecate: say('warn'), debug: () => {} } };
}

function common(options: OrmOptions) {
  const counter = options.counter;
  return {
    entities,
    discovery: { warnWhenNoEntities: true },
    // The schema only ever changes through committed migrations.
    ensureDatabase: false,
    allowGlobalContext: false,
    debug: false,
    loggerFactory: (options: LoggerOptions) => new CountingLogger(options),
    onQuery: (sql: string, values: unknown[]) => {
      counter?.record(sql, values);
      return sql;
    },
    // The search index and the SIMILAR lists are kept by their own migrations and code
    // (src/modules/search/search.index.ts, src/modules/related/related.similar.ts).
    schemaGenerator: { skipTables: [/^article_search/, 'article_similar', 'section_article_count', 'speaker_quote_count'] },
    migrations: {
      migrationsList: migrationsFor(options.database.kind),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  };
}

/**
 * What the read path needs from PostgreSQL's planner, set on each connection the pool opens (README,
 * PostgreSQL). A random page read is costed as about a sequential one (the default is four times):
 * the hot rows sit in memory, and at the default the planner joined a front's tags and quotes to
 * their speakers by hashing the whole `tag` table (2.2 ms at 100,000 articles, 5,000 tags) rather than
 * looking up the eighty it needs by key (0.6 ms). A `SET` per connection rather than a startup
 * parameter, which PgBouncer refuses unless told to ignore it.
 */
export const PLANNER_SETTINGS = { random_page_cost: '1.1' };

/** The PostgreSQL pool: as many connections as a front's load keeps busy (the bench's driver floor uses as many). */
export const POSTGRES_POOL = { min: 0, max: 10 };

async function applyPlannerSettings(connection: { query(sql: string): Promise<unknown> }, done: (error: Error | null, connection: unknown) => void): Promise<void> {
  try {
    for (const [name, value] of Object.entries(PLANNER_SETTINGS)) await connection.query(`set ${name} = ${value}`);
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}

export async function createOrm(options: OrmOptions): Promise<Orm> {
  const { database } = options;
  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(database.file)), { recursive: true });
    const config: SqliteOptions = {
      ...common(options),
      dbName: database.file,
      // One writer at a time, and readers that do not block it. Settings are per connection, so they
      // are applied to each one the pool opens. A 16 MB page cache (SQLite's default is 2 MB) holds a
      // front's working set: with the default, pages were read again on every request. Sorts and
      // unions build their temporary b-trees in memory: in temporary files, a front's related-coverage
      // read took 0.9 to 3 ms instead of 0.6.
      pool: {
        min: 1,
        max: 1,
        afterCreate: (connection: { pragma(sql: string): unknown }, done: (error: Error | null, connection: unknown) => void) => {
          try {
            for (const pragma of ['journal_mode = WAL', 'foreign_keys = ON', 'cache_size = -16384', 'temp_store = MEMORY']) connection.pragma(pragma);
            done(null, connection);
          } catch (error) {
            done(error as Error, connection);
          }
        },
      },
      driverOptions: knexLog(options),
    };
    // Each driver is loaded only for its database: a start pays for one of them.
    const { MikroORM: SqliteORM } = require('@mikro-orm/better-sqlite') as typeof import('@mikro-orm/better-sqlite');
    const orm = await SqliteORM.init(config);
    return orm as unknown as Orm;
  }
  const config: PostgresOptions = {
    ...common(options),
    clientUrl: database.url,
    pool: options.pool ?? POSTGRES_POOL,
    // A new connection to a host that vanished gives up after 5 s rather than knex's 30; TCP
    // keepalive notices a connection whose peer went away while it sat idle in the pool. Pipeline
    // mode sends a query without waiting for the one before it to be answered (each still has its
    // own Sync, so one failing fails no other): a request's reads of one turn share a connection
    // (SqlReader). Statements awaited one after another, as in a transaction, run as before.
    driverOptions: { connection: { connectionTimeoutMillis: 5_000, keepAlive: true, pipeline: true }, ...knexLog(options) },
  };
  config.pool = { ...config.pool, afterCreate: applyPlannerSettings };
  const { MikroORM: PostgresORM } = require('@mikro-orm/postgresql') as typeof import('@mikro-orm/postgresql');
  return (await PostgresORM.init(config)) as unknown as Orm;
}
