import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('configuration from the environment', () => {
  it('has defaults that serve the demo on SQLite at 127.0.0.1:4000', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      database: { kind: 'sqlite', file: './data/masthead.sqlite' },
      seedDemo: true,
      cache: { enabled: true, maxBytes: 64 * 1024 * 1024, redis: null },
      protection: {
        limits: { depth: 10, aliases: 15, directives: 25, tokens: 2000, cost: 5000 },
        deadlineMs: 10_000,
        rateLimit: { enabled: true, windowSeconds: 60, anonymousPoints: 20_000, tokenPoints: 100_000 },
        trustProxy: null,
        overloadLagMs: 200,
        introspection: true,
        graphiql: true,
        liveConnectionsPerClient: 20,
        liveHeartbeatMs: 12_000,
      },
      logLevel: 'info',
      heapGrowthPercent: 100,
    });
  });

  it('reads the protection settings: limits, deadline, budgets, proxies, shedding, exploration', () => {
    const config = loadConfig({
      QUERY_MAX_DEPTH: '8',
      QUERY_MAX_ALIASES: '0',
      QUERY_MAX_DIRECTIVES: '5',
      QUERY_MAX_TOKENS: '500',
      QUERY_MAX_COST: '1200',
      REQUEST_DEADLINE_MS: '2500',
      RATE_LIMIT: 'off',
      RATE_LIMIT_WINDOW_S: '10',
      RATE_LIMIT_ANONYMOUS: '300',
      RATE_LIMIT_TOKEN: '9000',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      OVERLOAD_LAG_MS: '0',
      INTROSPECTION: 'off',
      GRAPHIQL: 'false',
      LIVE_CONNECTIONS_PER_CLIENT: '3',
      LIVE_HEARTBEAT_MS: '5000',
      LOG_LEVEL: 'warn',
    });
    expect(config.protection).toEqual({
      limits: { depth: 8, aliases: 0, directives: 5, tokens: 500, cost: 1200 },
      deadlineMs: 2500,
      rateLimit: { enabled: false, windowSeconds: 10, anonymousPoints: 300, tokenPoints: 9000 },
      trustProxy: 'loopback, 10.0.0.0/8',
      overloadLagMs: 0,
      introspection: false,
      graphiql: false,
      liveConnectionsPerClient: 3,
      liveHeartbeatMs: 5000,
    });
    expect(config.logLevel).toBe('warn');
    expect(loadConfig({ HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).protection.trustProxy).toBe('2');
  });

  it('reads the response cache settings; instances share Redis answers only for the same database', () => {
    expect(loadConfig({ RESPONSE_CACHE: 'off', CACHE_MAX_MB: '8' }).cache).toEqual({ enabled: false, maxBytes: 8 * 1024 * 1024, redis: null });
    const first = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db:5432/one' }).cache.redis;
    const again = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db:5432/one' }).cache.redis;
    const other = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db:5432/two' }).cache.redis;
    expect(first?.url).toBe('redis://127.0.0.1:6379');
    expect(first?.prefix).toBe(again?.prefix);
    expect(first?.prefix).not.toBe(other?.prefix);
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379', REDIS_PREFIX: 'news:' }).cache.redis).toEqual({ url: 'redis://cache:6379', prefix: 'news:' });
  });

  it('reads SQLite files, in-memory SQLite and PostgreSQL URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database).toEqual({ kind: 'sqlite', file: '/tmp/x.sqlite' });
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database).toEqual({ kind: 'sqlite', file: ':memory:' });
    expect(loadConfig({ DATABASE_URL: 'postgres://app:pw@db:5432/masthead' }).database).toEqual({ kind: 'postgresql', url: 'postgres://app:pw@db:5432/masthead' });
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({ port: 8080, host: '0.0.0.0' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@db/masthead' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://db:5432' }, 'DATABASE_URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ HEAP_GROWTH_PERCENT: '-5' }, 'HEAP_GROWTH_PERCENT'],
    [{ RESPONSE_CACHE: 'sometimes' }, 'RESPONSE_CACHE'],
    [{ QUERY_MAX_DEPTH: '0' }, 'QUERY_MAX_DEPTH'],
    [{ QUERY_MAX_COST: 'lots' }, 'QUERY_MAX_COST'],
    [{ REQUEST_DEADLINE_MS: '10s' }, 'REQUEST_DEADLINE_MS'],
    [{ RATE_LIMIT_ANONYMOUS: '-5' }, 'RATE_LIMIT_ANONYMOUS'],
    [{ TRUST_PROXY: 'the load balancer' }, 'TRUST_PROXY'],
    [{ INTROSPECTION: 'perhaps' }, 'INTROSPECTION'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    [{ CACHE_MAX_MB: '0' }, 'CACHE_MAX_MB'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
  ])('stops on %o with one line naming %s', (env, setting) => {
    try {
      loadConfig(env);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain(setting);
      expect(message).not.toContain('\n');
    }
  });

  it('never repeats a password it was given', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:s3cret@db/masthead' })).toThrow(/app:\*\*\*@db/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db:5432' })).not.toThrow(/s3cret/);
  });
});
