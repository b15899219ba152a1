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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = (env.HOST ?? '').trim() || '127.0.0.1';
  return {
    port: parsePort(env.PORT),
    host,
    database: parseDatabaseUrl(env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL),
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, true),
  };
}
