import { createHash } from 'node:crypto';

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
  };
}
