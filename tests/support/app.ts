import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ClientError, GraphQLClient } from 'graphql-request';
import { expect } from 'vitest';
import pino, { type Logger } from 'pino';
import { loadConfig, type CacheConfig, type ProtectionConfig } from '../../src/config/config';
import { createApp, type App } from '../../src/server/app';
import type { ExecutionMode } from '../../src/server/execution';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestApp {
  app: App;
  url: string;
  /** A graphql-request client for the real server over HTTP. */
  client: GraphQLClient;
  /** Runs `work` and returns how many SQL statements the server sent meanwhile. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  /** The statements `work` sends, each with the turn of the event loop it went in: on PostgreSQL a turn's reads share one round trip. */
  traceStatements(work: () => Promise<unknown>): Promise<{ sql: string; turn: number }[]>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  /** The response cache as production runs it (in memory) unless told otherwise. */
  cache?: Partial<CacheConfig>;
  /** A database another instance also uses; the caller drops it. */
  database?: TestDatabase;
  /**
   * Protection as production runs it, except that rate limits and overload shedding are off unless a
   * test turns them on: a suite sends hundreds of requests from one address on a busy machine.
   */
  protection?: Partial<ProtectionConfig>;
  /** The app's log (silent unless a test reads it). */
  logger?: Logger;
  healthIntervalMs?: { up: number; down: number };
  /** graphql-js for every operation instead of compiled plans for queries (src/server/execution.ts). */
  execution?: ExecutionMode;
}

const defaults = loadConfig({});

/** Boots the real app over HTTP on a fresh database (migrated, demo newsroom loaded unless `seed: false`). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const app = await createApp(
    {
      port: 0,
      host: '127.0.0.1',
      database: database.config,
      seedDemo: options.seed ?? true,
      cache: { enabled: true, maxBytes: 16 * 1024 * 1024, redis: null, ...options.cache },
      protection: { ...defaults.protection, rateLimit: { ...defaults.protection.rateLimit, enabled: false }, overloadLagMs: 0, ...options.protection },
      logLevel: 'silent',
    },
    { logger: options.logger ?? pino({ level: 'silent' }), checkQueries: true, healthIntervalMs: options.healthIntervalMs, execution: options.execution },
  );
  const url = `${app.url}/graphql`;
  return {
    app,
    url,
    client: new GraphQLClient(url),
    countStatements: async (work) => {
      const before = app.statements.count;
      await work();
      return app.statements.count - before;
    },
    traceStatements: async (work) => {
      const trace: { sql: string; values: unknown[]; turn: number }[] = [];
      app.statements.trace = trace;
      try {
        await work();
      } finally {
        app.statements.trace = null;
      }
      return trace.map(({ sql, turn }) => ({ sql, turn }));
    },
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/** Sends a request that must fail, and returns its GraphQL errors after checking the code. */
export async function expectGraphQLError<R, V extends object>(
  client: GraphQLClient,
  document: TypedDocumentNode<R, V> | string,
  variables: V,
  code: string,
): Promise<{ message: string; extensions?: Record<string, unknown> }[]> {
  try {
    await client.request<R>({ document: document as string, variables: variables as Record<string, unknown> });
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    const errors = (error.response.errors ?? []) as { message: string; extensions?: Record<string, unknown> }[];
    expect(errors.map((e) => e.extensions?.code)).toContain(code);
    for (const e of errors) expect(JSON.stringify(e)).not.toMatch(/stacktrace|select |insert |\bat .*\.ts:/i);
    return errors;
  }
  throw new Error(`expected the request to fail with ${code}, but it succeeded`);
}
