import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../config/config';
import { isConnectionFailure, serviceUnavailable } from '../errors/errors';

/** What knex's pool hands out: a better-sqlite3 database or a node-postgres client. */
interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
}
interface SqliteStatement {
  all(...bindings: unknown[]): unknown[];
  raw(toggle: boolean): SqliteStatement;
  columns(): { name: string }[];
}
interface PostgresHandle {
  query(config: { name?: string; text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][]; fields: { name: string }[] }>;
}

/**
 * A compiled SQLite read that hands its rows back as arrays, and the function that makes each array
 * the object the callers read. better-sqlite3 builds row objects one property at a time through V8's
 * API, which took half of a front's statement time; an object literal of fixed shape, compiled once
 * per statement (rowObject), costs next to nothing (and a later duplicate column wins, as it did there).
 */
interface SqliteRead {
  statement: SqliteStatement;
  row: (values: unknown[]) => unknown;
}

/** Compiled reads of each SQLite connection, by SQL text (perConnection). */
const statementCaches = new WeakMap<object, Map<string, SqliteRead>>();

/**
 * The row function of each statement a PostgreSQL connection ran, by SQL text: node-postgres hands
 * rows back as arrays too (`rowMode: 'array'`).
 */
const pgRowObjects = new WeakMap<object, Map<string, (values: unknown[]) => unknown>>();
const MAX_CACHED_STATEMENTS = 500;

/**
 * What `make` built for `sql` on this connection, built once: keyed by the connection object, so the
 * cache belongs to the connection and goes with it. Bounded, as texts with IN lists vary.
 */
function perConnection<T>(caches: WeakMap<object, Map<string, T>>, connection: object, sql: string, make: () => T): T {
  let cache = caches.get(connection);
  if (!cache) caches.set(connection, (cache = new Map()));
  let value = cache.get(sql);
  if (value === undefined) {
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    cache.set(sql, (value = make()));
  }
  return value;
}

/**
 * The compiled SQL of each query shape (SqlReader.compiled), for the whole app: a shape compiles to the
 * same text in every request. Bounded, as shapes include filter values callers send.
 */
export class CompiledQueries {
  private readonly byShape = new Map<string, NativeQuery>();
  private readonly prepared = new Set<string>();

  /** `check`: also compile every run with its real values and insist on the same statement (tests). */
  constructor(readonly check = false) {}

  get(shape: string): NativeQuery | undefined {
    return this.byShape.get(shape);
  }

  set(shape: string, query: NativeQuery): void {
    if (this.byShape.size >= MAX_COMPILED_QUERIES) this.byShape.clear();
    this.byShape.set(shape, query);
  }

  /**
   * The name a PostgreSQL connection prepares this SQL text under, so that it is parsed and planned
   * once per connection (planning a front's statements took about 2 ms a request); none beyond the
   * first texts, as every pooled connection keeps what it prepared. Named after the text itself, so
   * that any reader on the same connections agrees.
   */
  nameFor(sql: string): string | undefined {
    if (!this.prepared.has(sql)) {
      if (this.prepared.size >= MAX_PREPARED_TEXTS) return undefined;
      this.prepared.add(sql);
    }
    return `masthead_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
  }
}
const MAX_COMPILED_QUERIES = 1000;
const MAX_PREPARED_TEXTS = 200;

interface NativeQuery {
  sql: string;
  bindings: readonly unknown[];
  /** A prepared statement's name (PostgreSQL). */
  name?: string;
}

/** Stands in for a value while a query is compiled (SqlReader.compiled); the value is bound at each run. */
class Slot {
  constructor(
    readonly name: string,
    readonly index: number | null,
  ) {}
}

/**
 * What a request's reads answer to: `check` before each statement (it throws once the request is past
 * its deadline or the database is away), and the count of statements sent, for its log line.
 */
export interface ReadGuard {
  check(): void;
  statement(): void;
  failed(error: unknown): void;
  /** Tells `listener` when the request stops (its deadline, the database going away), until the returned function is called; null when it never does. */
  onStop(listener: (reason: Error) => void): (() => void) | null;
}

const UNGUARDED: ReadGuard = { check: () => {}, statement: () => {}, failed: () => {}, onStop: () => null };

/**
 * The read path: plain rows, no entity hydration (five to seven times cheaper for list pages). Reads
 * outside a transaction go to the driver with bound parameters on a connection from the pool, past
 * MikroORM's and knex's runners: those inline every value into the SQL text, so SQLite compiled every
 * statement anew, and their promise chains cost as much again. On SQLite each SQL text is compiled
 * once per connection. Reads inside a transaction, and writes, go through MikroORM. Values are bound
 * as they are (Dates too): each driver path turns them into what its database stores.
 */
export class SqlReader {
  /** The last read sent inside this EntityManager's transaction. */
  private inTransaction: Promise<unknown> = Promise.resolve();
  /** PostgreSQL reads of this turn of the event loop, sharing a connection (pipelined). */
  private wave: Wave | null = null;

  constructor(
    private readonly em: EntityManager,
    readonly dialect: DatabaseConfig['kind'],
    private readonly compiledQueries = new CompiledQueries(),
    private readonly guard: ReadGuard = UNGUARDED,
  ) {}

  get knex(): Knex {
    return this.em.getKnex();
  }

  async all<T>(query: Knex.QueryBuilder | Knex.Raw): Promise<T[]> {
    const transaction = this.em.getTransactionContext();
    if (transaction) {
      this.guard.check();
      this.guard.statement();
      // A transaction has one connection, and node-postgres refuses (from pg 9) a query sent while
      // another is running on it: loaders batching in parallel inside a write take turns.
      const turn = this.inTransaction.then(() => this.em.getConnection().execute<T[]>(query, [], 'all', transaction));
      this.inTransaction = turn.catch(() => undefined);
      return turn;
    }
    return this.run<T>(query.toSQL().toNative());
  }

  /**
   * A read whose SQL knex compiles once per shape, then reused with each run's values: compiling a
   * front's statements (a union of twenty subqueries for related coverage, a merge of a dozen index
   * scans) cost more than running some of them. `shape` names everything else `build` reads; `values`
   * (a list's length is part of the shape) reach `build` as stand-ins of the same form, so `build`
   * must pass them into the query as they are, never compute with them. Tests check each run against
   * a compile with the real values (CompiledQueries.check).
   */
  async compiled<T, V extends Record<string, unknown>>(shape: string, values: V, build: (values: V) => Knex.QueryBuilder | Knex.Raw): Promise<T[]> {
    if (this.em.getTransactionContext()) return this.all<T>(build(values));
    const key = shapeKey(shape, values);
    let template = this.compiledQueries.get(key);
    if (!template) {
      const { sql, bindings } = inlineLimits(build(standIns(values)).toSQL().toNative(), this.dialect);
      template = { sql, bindings, name: this.dialect === 'postgresql' ? this.compiledQueries.nameFor(sql) : undefined };
      this.compiledQueries.set(key, template);
    }
    const bindings = template.bindings.map((binding) => fill(binding, values));
    if (this.compiledQueries.check) checkCompiled(shape, template.sql, bindings, inlineLimits(build(values).toSQL().toNative(), this.dialect));
    return this.run<T>({ ...template, bindings });
  }

  private async run<T>(query: NativeQuery): Promise<T[]> {
    this.guard.check();
    try {
      if (this.dialect === 'postgresql') return (await this.pipelined(query)) as T[];
      const client = this.knex.client;
      const connection = await client.acquireConnection();
      try {
        this.sending(query);
        const { statement, row } = prepared(connection as SqliteHandle, query.sql);
        return statement.all(...query.bindings.map(sqliteValue)).map((values) => row(values as unknown[])) as T[];
      } finally {
        client.releaseConnection(connection);
      }
    } catch (error) {
      this.guard.failed(error);
      // Whoever reads, a lost connection is a 503: the schedule horizon reads outside any request's
      // resolvers (src/server/http.ts), where a raw driver error would answer 500.
      if (isConnectionFailure(error)) throw serviceUnavailable();
      throw error;
    }
  }

  /** Counts a statement about to go out; the wait for a connection may have outlasted the request. */
  private sending({ sql, bindings }: NativeQuery): void {
    this.guard.check();
    this.guard.statement();
    // The statement counter (orm.ts) hangs on this hook.
    this.em.config.get('onQuery')(sql, bindings as unknown[]);
  }

  /**
   * Sends a PostgreSQL read with the others this request sends in the same turn of the event loop
   * (a front's authors, tags, quotes and related coverage, which its loaders dispatch together), on
   * one connection in pipeline mode (orm.ts): written in one send and answered back to back, where a
   * connection each cost a round trip, a pool checkout and a woken backend per statement.
   */
  private async pipelined({ sql, bindings, name }: NativeQuery): Promise<unknown[]> {
    const wave = (this.wave ??= this.openWave());
    wave.statements += 1;
    try {
      const connection = await wave.connection;
      this.sending({ sql, bindings });
      wave.cork(connection);
      const { rows, fields } = await this.postgres(connection, { name, text: sql, values: bindings as unknown[], rowMode: 'array' });
      if (!rows.length) return rows;
      return rows.map(perConnection(pgRowObjects, connection, sql, () => rowObject(fields.map((field) => field.name))));
    } finally {
      wave.statements -= 1;
      wave.settle();
    }
  }

  /** A wave takes its connection now and stops taking statements at the end of this turn of the loop. */
  private openWave(): Wave {
    const client = this.knex.client;
    const wave = new Wave(client.acquireConnection() as Promise<PostgresHandle>, (connection) => client.releaseConnection(connection));
    setImmediate(() => {
      if (this.wave === wave) this.wave = null;
      wave.close();
    });
    return wave;
  }

  /**
   * Runs a statement on PostgreSQL. One still running when its request stops is cut off with its
   * connection, which the pool then replaces: on a connection that went silent (a network that drops
   * packets rather than resetting) the statement would otherwise hold it, busy, for good.
   */
  private async postgres(connection: PostgresHandle, query: Parameters<PostgresHandle['query']>[0]): ReturnType<PostgresHandle['query']> {
    // node-postgres has no public way to drop a connection whose peer went silent (end() waits on it).
    const off = this.guard.onStop(() => socketOf(connection)?.destroy());
    if (!off) return connection.query(query);
    try {
      return await connection.query(query);
    } finally {
      off();
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

  /**
   * SQL for the days between two date columns, whichever comes first, as a double: PostgreSQL's
   * `extract` answers in numeric, whose arithmetic was a sixth of a SIMILAR rebuild's scoring.
   */
  daysApart(left: string, right: string): string {
    return this.dialect === 'sqlite'
      ? `abs(${left} - ${right}) / 86400000.0`
      : `abs(date_part('epoch', ${left} - ${right})) / 86400`;
  }
}

/**
 * A connection shared by the reads of one turn of the event loop: returned to the pool once the turn
 * is over and its last statement has its answer. Statements given it in one run of the microtask
 * queue are written to the socket in one send.
 */
class Wave {
  statements = 0;
  private closed = false;
  private released = false;
  private corked = false;

  constructor(
    readonly connection: Promise<PostgresHandle>,
    private readonly release: (connection: PostgresHandle) => void,
  ) {
    // A failed checkout fails each statement that awaits it; there is nothing to return.
    connection.catch(() => (this.released = true));
  }

  cork(connection: PostgresHandle): void {
    const stream = socketOf(connection);
    if (this.corked || !stream) return;
    this.corked = true;
    stream.cork();
    process.nextTick(() => {
      this.corked = false;
      stream.uncork();
    });
  }

  close(): void {
    this.closed = true;
    this.settle();
  }

  settle(): void {
    if (!this.closed || this.statements > 0 || this.released) return;
    this.released = true;
    void this.connection.then(this.release, () => undefined);
  }
}

/** node-postgres's socket, which it does not expose: corked for a wave, destroyed to cut a silent connection. */
function socketOf(connection: PostgresHandle): { cork(): void; uncork(): void; destroy(): void } | undefined {
  return (connection as { connection?: { stream?: { cork(): void; uncork(): void; destroy(): void } } }).connection?.stream;
}

/** The database an EntityManager talks to, for code that is handed only the EntityManager (writes, migrations). */
export function dialectOf(em: EntityManager): DatabaseConfig['kind'] {
  return (em.getKnex().client as { dialect?: string }).dialect === 'postgresql' ? 'postgresql' : 'sqlite';
}

/**
 * Runs a write in `em`'s transaction (when there is one) with its values bound, through knex rather
 * than MikroORM's runner, which inlines every value into the SQL text: a bulk write's text ran to
 * megabytes, formatted in Node and parsed again by the database. Arrays stay one value (PostgreSQL
 * `?::integer[]`), where the inlining spread them. Counted as every statement is (onQuery).
 */
export async function writeBound(em: EntityManager, query: Knex.QueryBuilder | Knex.Raw): Promise<void> {
  const { sql, bindings } = query.toSQL();
  em.config.get('onQuery')(sql, bindings as unknown[]);
  const transaction = em.getTransactionContext<Knex.Transaction>();
  await (transaction ? query.transacting(transaction) : query);
}

/**
 * Column values come back as numbers (SQLite) or as PostgreSQL's text (MikroORM leaves timestamps
 * unparsed); the API speaks Date.
 */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') return /^\d+$/.test(value) ? new Date(Number(value)) : (fromUtcText(value) ?? new Date(value));
  return new Date(value as number);
}

/**
 * PostgreSQL's text of a timestamptz in a UTC session, '2026-11-25 21:21:37.595+00', read digit by
 * digit: V8's general parser took twice as long, and a front converts some 320 of them. Anything else
 * (another offset, no fraction of a second, BC) is null, for the general parser.
 */
function fromUtcText(text: string): Date | null {
  const end = text.length - 3;
  if (end < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(10) !== 32 || !text.endsWith('+00')) return null;
  let millis = 0;
  if (end > 19) {
    if (text.charCodeAt(19) !== 46 || end > 26) return null;
    for (let at = 20, scale = 100; at < Math.min(end, 23); at++, scale /= 10) millis += digit(text, at) * scale;
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  // Date.UTC reads years 0 to 99 as 1900 to 1999.
  if (!(year >= 100)) return null;
  const date = new Date(
    Date.UTC(
      year,
      twoDigits(text, 5) - 1,
      twoDigits(text, 8),
      twoDigits(text, 11),
      twoDigits(text, 14),
      twoDigits(text, 17),
      millis,
    ),
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

function digit(text: string, at: number): number {
  const value = text.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : NaN;
}

function twoDigits(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
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

function prepared(connection: SqliteHandle, sql: string): SqliteRead {
  return perConnection(statementCaches, connection, sql, () => {
    const statement = connection.prepare(sql).raw(true);
    return { statement, row: rowObject(statement.columns().map((column) => column.name)) };
  });
}

/**
 * `(values) => ({ [names[0]]: values[0], … })`, compiled; each name is JSON-quoted, so any text is a
 * safe key. A literal `"__proto__":` would set the prototype, so such a row is built as entries.
 */
export function rowObject(names: string[]): (values: unknown[]) => unknown {
  if (names.includes('__proto__')) return (values) => Object.fromEntries(names.map((name, index) => [name, values[index]]));
  return new Function('values', `return { ${names.map((name, index) => `${JSON.stringify(name)}: values[${index}]`).join(', ')} };`) as (values: unknown[]) => unknown;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; knex turned dates and booleans into numbers. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return Number(value);
  return value ?? null;
}

/** The cache key of a compiled query: its shape, and the length of each list among its values. */
function shapeKey(shape: string, values: Record<string, unknown>): string {
  let key = shape;
  for (const name in values) {
    const value = values[name];
    key += Array.isArray(value) ? `|${name}:${value.length}` : value === null || value === undefined ? `|${name}:-` : `|${name}`;
  }
  return key;
}

/**
 * A compiled statement with its LIMITs written into its text (they are part of the shape: knex drops
 * a limit that is not a number, as a stand-in is). SQLite reads an index range in order only as far
 * as a LIMIT it can see: with bound limits a front's related coverage (twenty ranges, three rows each)
 * took 0.65 ms against 0.24 ms, and its page 0.20 against 0.07 ms (better-sqlite3, the bench corpus).
 * Quoted text and names are left alone.
 */
function inlineLimits(query: NativeQuery, dialect: DatabaseConfig['kind']): NativeQuery {
  const bindings: unknown[] = [];
  let index = 0;
  // Quoted text and names, or a placeholder (`$n` on PostgreSQL, `?` on SQLite) and the LIMIT before it.
  const placeholder = dialect === 'postgresql' ? /'(?:[^']|'')*'|"(?:[^"]|"")*"|(\blimit )?\$(\d+)/gi : /'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|(\blimit )?\?()/gi;
  const sql = query.sql.replace(placeholder, (match: string, limit: string | undefined, position: string | undefined) => {
    if (match.startsWith("'") || match.startsWith('"') || match.startsWith('`')) return match;
    const value = query.bindings[position ? Number(position) - 1 : index++];
    if (limit && Number.isSafeInteger(value)) return `${limit}${value}`;
    bindings.push(value);
    return `${limit ?? ''}${dialect === 'postgresql' ? `$${bindings.length}` : '?'}`;
  });
  return { ...query, sql, bindings };
}

/** The values as `build` sees them while compiling: each scalar and each list item a Slot; absent ones stay absent. */
function standIns<V extends Record<string, unknown>>(values: V): V {
  const make = (name: string, index: number | null) => new Slot(name, index);
  const result: Record<string, unknown> = {};
  for (const name in values) {
    const value = values[name];
    result[name] = Array.isArray(value) ? value.map((_, index) => make(name, index)) : value === null || value === undefined ? value : make(name, null);
  }
  return result as V;
}

function fill(binding: unknown, values: Record<string, unknown>): unknown {
  if (binding instanceof Slot) return binding.index === null ? values[binding.name] : (values[binding.name] as unknown[])[binding.index];
  return Array.isArray(binding) ? binding.map((item) => fill(item, values)) : binding;
}

/** The statement a compiled query ran must be the one its real values compile to. */
function checkCompiled(shape: string, sql: string, bindings: unknown[], real: NativeQuery): void {
  const same = (x: unknown, y: unknown): boolean =>
    x === y ||
    (x instanceof Date && y instanceof Date && x.getTime() === y.getTime()) ||
    (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((item, index) => same(item, y[index])));
  if (sql !== real.sql || !same(bindings, real.bindings)) {
    throw new Error(`query ${shape} compiled once differs from its real values: its shape misses something build reads`);
  }
}
