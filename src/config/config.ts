import { createHash } from 'node:crypto';
import { validTrustProxy } from '../protection/client-address';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../protection/limits';
import type { RateLimitConfig } from '../protection/rate-limit';

/**
 * Settings come from the environment, each with a safe default. A value that cannot be used stops
 * the process at start with one line naming the setting, rather than failing later mid-request.
 */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgresql'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Load the demo newsroom into an empty database at start. */
  seedDemo: boolean;
  cache: CacheConfig;
  protection: ProtectionConfig;
  /** pino's level for the JSON log on standard output (LOG_LEVEL). */
  logLevel: string;
  /** How far V8 lets the heap grow past what a full collection kept, in percent; 0 leaves it to V8 (HEAP_GROWTH_PERCENT). The process's, set in main.ts. */
  heapGrowthPercent: number;
}

/** What an app needs of the configuration: all but the process's own settings, which an app in a test's process leaves alone. */
export type AppConfig = Omit<Config, 'heapGrowthPercent'>;

/** What keeps one request, or one client, from taking the service down (README, "Protection"). */
export interface ProtectionConfig {
  limits: QueryLimits;
  /** A request still running after this long stops sending SQL and answers DEADLINE_EXCEEDED (REQUEST_DEADLINE_MS). */
  deadlineMs: number;
  rateLimit: RateLimitConfig;
  /** Which proxies' X-Forwarded-For to believe (TRUST_PROXY); null believes none. */
  trustProxy: string | null;
  /** Event-loop lag past which uncached work is refused with 503 (OVERLOAD_LAG_MS); 0 never refuses. */
  overloadLagMs: number;
  /** Schema introspection (INTROSPECTION); off also hides "Did you mean …" suggestions. */
  introspection: boolean;
  /** GraphiQL at GET /graphql in a browser (GRAPHIQL). */
  graphiql: boolean;
  /** Subscriptions' WebSockets: at most this many open at once from one client (LIVE_CONNECTIONS_PER_CLIENT). */
  liveConnectionsPerClient: number;
  /** How often each WebSocket is pinged; one that has not answered the last ping is closed (LIVE_HEARTBEAT_MS). */
  liveHeartbeatMs: number;
}

export interface CacheConfig {
  /** Keep anonymous answers (RESPONSE_CACHE=off turns it off, e.g. to measure the uncached path). */
  enabled: boolean;
  /** Bound of the in-process cache (CACHE_MAX_MB). */
  maxBytes: number;
  /** Shared by every instance when set (REDIS_URL), under keys starting with `prefix` (REDIS_PREFIX). */
  redis: { url: string; prefix: string } | null;
}

export class ConfigError extends Error {
  constructor(setting: string, why: string) {
    super(`Invalid configuration: ${setting} ${why}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/masthead.sqlite';

/** Hides the password of a connection URL so it can be shown in logs and errors. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

export function parseDatabaseUrl(raw: string, setting = 'DATABASE_URL'): DatabaseConfig {
  const value = raw.trim();
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length);
    if (!file) throw new ConfigError(setting, "needs a file after 'sqlite:' (e.g. sqlite:./data/masthead.sqlite or sqlite::memory:)");
    return { kind: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(setting, `is not a valid URL (${redactUrl(value)})`);
    }
    if (!url.hostname) throw new ConfigError(setting, `names no host (${redactUrl(value)})`);
    if (url.pathname.length <= 1) throw new ConfigError(setting, `names no database, e.g. postgres://user@host:5432/masthead (${redactUrl(value)})`);
    return { kind: 'postgresql', url: value };
  }
  throw new ConfigError(setting, `must start with 'sqlite:' or 'postgres://' (got '${redactUrl(value)}')`);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError('PORT', `must be a whole number from 0 to 65535 (got '${raw}')`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError('PORT', `must be a whole number from 0 to 65535 (got '${raw}')`);
  return port;
}

function parseBoolean(setting: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(setting, `must be true or false (got '${raw}')`);
}

function parseMegabytes(setting: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback * 1024 * 1024;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new ConfigError(setting, `must be a whole number of megabytes, at least 1 (got '${raw}')`);
  return Number(raw) * 1024 * 1024;
}

function parseRedis(env: NodeJS.ProcessEnv, database: DatabaseConfig): CacheConfig['redis'] {
  const url = env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\/[^/]/.test(url)) throw new ConfigError('REDIS_URL', `must look like redis://host:6379 (got '${redactUrl(url)}')`);
  // Instances share answers only when they share a database: the default prefix names it.
  const identity = database.kind === 'sqlite' ? `sqlite:${database.file}` : database.url;
  const prefix = env.REDIS_PREFIX?.trim() || `masthead:${createHash('sha256').update(identity).digest('hex').slice(0, 12)}:`;
  return { url, prefix };
}

function parseWhole(setting: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(setting, `must be a whole number, at least ${min} (got '${raw}')`);
  }
  return Number(raw);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogLevel(raw: string | undefined): string {
  const level = raw?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(level)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got '${raw}')`);
  return level;
}

function parseProtection(env: NodeJS.ProcessEnv): ProtectionConfig {
  const trustProxy = env.TRUST_PROXY?.trim() || null;
  if (trustProxy !== null && !validTrustProxy(trustProxy)) {
    throw new ConfigError('TRUST_PROXY', `must be a number of proxy hops, or addresses, ranges and loopback/linklocal/uniquelocal separated by commas (got '${trustProxy}')`);
  }
  const limits = DEFAULT_QUERY_LIMITS;
  return {
    limits: {
      depth: parseWhole('QUERY_MAX_DEPTH', env.QUERY_MAX_DEPTH, limits.depth, 1),
      aliases: parseWhole('QUERY_MAX_ALIASES', env.QUERY_MAX_ALIASES, limits.aliases, 0),
      directives: parseWhole('QUERY_MAX_DIRECTIVES', env.QUERY_MAX_DIRECTIVES, limits.directives, 0),
      tokens: parseWhole('QUERY_MAX_TOKENS', env.QUERY_MAX_TOKENS, limits.tokens, 10),
      cost: parseWhole('QUERY_MAX_COST', env.QUERY_MAX_COST, limits.cost, 1),
    },
    deadlineMs: parseWhole('REQUEST_DEADLINE_MS', env.REQUEST_DEADLINE_MS, 10_000, 100),
    rateLimit: {
      enabled: parseBoolean('RATE_LIMIT', env.RATE_LIMIT, true),
      windowSeconds: parseWhole('RATE_LIMIT_WINDOW_S', env.RATE_LIMIT_WINDOW_S, 60, 1),
      anonymousPoints: parseWhole('RATE_LIMIT_ANONYMOUS', env.RATE_LIMIT_ANONYMOUS, 20_000, 1),
      tokenPoints: parseWhole('RATE_LIMIT_TOKEN', env.RATE_LIMIT_TOKEN, 100_000, 1),
    },
    trustProxy,
    overloadLagMs: parseWhole('OVERLOAD_LAG_MS', env.OVERLOAD_LAG_MS, 200, 0),
    introspection: parseBoolean('INTROSPECTION', env.INTROSPECTION, true),
    graphiql: parseBoolean('GRAPHIQL', env.GRAPHIQL, true),
    liveConnectionsPerClient: parseWhole('LIVE_CONNECTIONS_PER_CLIENT', env.LIVE_CONNECTIONS_PER_CLIENT, 20, 1),
    liveHeartbeatMs: parseWhole('LIVE_HEARTBEAT_MS', env.LIVE_HEARTBEAT_MS, 12_000, 1_000),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = (env.HOST ?? '').trim() || '127.0.0.1';
  const database = parseDatabaseUrl(env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL);
  return {
    port: parsePort(env.PORT),
    host,
    database,
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, true),
    cache: {
      enabled: parseBoolean('RESPONSE_CACHE', env.RESPONSE_CACHE, true),
      maxBytes: parseMegabytes('CACHE_MAX_MB', env.CACHE_MAX_MB, 64),
      redis: parseRedis(env, database),
    },
    protection: parseProtection(env),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    heapGrowthPercent: parseWhole('HEAP_GROWTH_PERCENT', env.HEAP_GROWTH_PERCENT, 100, 0),
  };
}
