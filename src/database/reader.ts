import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../config/config';

/** What knex's pool hands out: a better-sqlite3 database or a node-postgres client. */
interface SqliteHandle {
  prepare(sql: string): { all(...bindings: unknown[]): unknown[] };
}
interface PostgresHandle {
  query(config: { text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Compiled statements of each SQLite connection, by SQL text: keyed by the connection object, so the
 * cache belongs to the connection and goes with it. Bounded, as texts with IN lists vary.
 */
const statementCaches = new WeakMap<object, Map<string, ReturnType<SqliteHandle['prepare']>>>();
const MAX_CACHED_STATEMENTS = 500;

/**
 * The read path: plain rows, no entity hydration (five to seven times cheaper for list pages). Reads
 * outside a transaction go to the driver with bound parameters on a connection from the pool, past
 * MikroORM's and knex's runners: those inline every value into the SQL text, so SQLite compiled every
 * statement anew, and their promise chains cost as much again. On SQLite each SQL text is compiled
 * once per connection. Reads inside a transaction, and writes, go through MikroORM.
 */
export class SqlReader {
  /** The last read sent inside this EntityManager's transaction. */
  private inTransaction: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly em: EntityManager,
    readonly dialect: DatabaseConfig['kind'],
  ) {}

  get knex(): Knex {
    return this.em.getKnex();
  }

  async all<T>(query: Knex.QueryBuilder | Knex.Raw): Promise<T[]> {
    const transaction = this.em.getTransactionContext();
    if (transaction) {
      // A transaction has one connection, and node-postgres refuses (from pg 9) a query sent while
      // another is running on it: loaders batching in parallel inside a write take turns.
      const turn = this.inTransaction.then(() => this.em.getConnection().execute<T[]>(query, [], 'all', transaction));
      this.inTransaction = turn.catch(() => undefined);
      return turn;
    }
    const { sql, bindings } = query.toSQL().toNative();
    // The statement counter (orm.ts) hangs on this hook.
    this.em.config.get('onQuery')(sql, bindings as unknown[]);
    const client = this.knex.client;
    const connection = await client.acquireConnection();
    try {
      if (this.dialect === 'postgresql') return (await (connection as PostgresHandle).query({ text: sql, values: bindings as unknown[] })).rows as T[];
      return prepared(connection as SqliteHandle, sql).all(...bindings.map(sqliteValue)) as T[];
    } finally {
      client.releaseConnection(connection);
    }
  }

  async first<T>(query: Knex.QueryBuilder): Promise<T | null> {
    const rows = await this.all<T>(query.limit(1));
    return rows[0] ?? null;
  }

  /** Counts the rows a filter-only query (no select, order or limit) matches. */
  async count(query: Knex.QueryBuilder): Promise<number> {
    const rows = await this.all<{ n: number | string }>(query.count({ n: '*' }));
    return Number(rows[0]?.n ?? 0);
  }

  /** SQL for the days between two date columns, whichever comes first. */
  daysApart(left: string, right: string): string {
    return this.dialect === 'sqlite'
      ? `abs(${left} - ${right}) / 86400000.0`
      : `abs(extract(epoch from (${left} - ${right}))) / 86400`;
  }

  /** A date as each database stores it: SQLite keeps milliseconds, PostgreSQL timestamptz. */
  date(value: Date): number | string {
    return this.dialect === 'sqlite' ? value.getTime() : value.toISOString();
  }
}

/** The database an EntityManager talks to, for code that is handed only the EntityManager (writes, migrations). */
export function dialectOf(em: EntityManager): DatabaseConfig['kind'] {
  return (em.getKnex().client as { dialect?: string }).dialect === 'postgresql' ? 'postgresql' : 'sqlite';
}

/** Column values come back as numbers (SQLite) or Dates (PostgreSQL); the API speaks Date. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/** JSON columns are text in SQLite and parsed jsonb in PostgreSQL. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A LIKE pattern for "contains", with % and _ in the user's text matching themselves (pair it with SQL `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function prepared(connection: SqliteHandle, sql: string): ReturnType<SqliteHandle['prepare']> {
  let cache = statementCaches.get(connection);
  if (!cache) statementCaches.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    statement = connection.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; knex turned dates and booleans into numbers. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return Number(value);
  return value ?? null;
}
