import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrm, type Orm } from '../../src/database/orm';
import { toGlobalId, tryGlobalIdOf } from '../../src/modules/node/global-id';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/app';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/database';
import { TcpProxy } from '../support/tcp-proxy';

/**
 * Faults (README, "Faults"): PostgreSQL going away under load, Redis going away, and SIGTERM's drain
 * (app.close()). Each fault is made by a TCP proxy the app talks through (tests/support/tcp-proxy.ts).
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface Answer {
  status: number;
  body: GraphQLBody;
  ms: number;
  headers: Headers;
}

/** A request that ended as none may, whatever the fault: no answer at all (a hang, a dropped connection), or anything but a success or a 503 SERVICE_UNAVAILABLE. */
interface Broken {
  what: string;
  detail: string;
}

/** Sends a GraphQL request; a request with no answer within 15 s counts as a hang. */
async function send(url: string, query: string, variables: object = {}, token?: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json()) as GraphQLBody;
  return { status: res.status, body, ms: performance.now() - started, headers: res.headers };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 50 ms until it holds; fails after `ms`. */
async function until(what: string, condition: () => Promise<boolean> | boolean, ms: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await condition()) return performance.now() - started;
    if (performance.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(50);
  }
}

async function readyStatus(appUrl: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${appUrl}/readyz`, { signal: AbortSignal.timeout(15_000) });
  await res.text();
  return { status: res.status, ms: performance.now() - started };
}

/** Errors nobody waited for: the process must not see one, whatever the fault. */
const unhandled: unknown[] = [];
const onUnhandled = (error: unknown) => unhandled.push(error);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

const READ = `query FaultRead { sections { id name } articles(first: 5) { edges { node { id headline section { path } authors { name } } } } }`;
const SECTION = `query FaultSection { section(path: "world/asia") { id } }`;
const CREATE = `mutation FaultCreate($input: CreateArticleInput!) { createArticle(input: $input) { article { id version headline } userErrors { code message } } }`;
const UPDATE = `mutation FaultUpdate($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id version headline } userErrors { code message } } }`;

/**
 * The app on a fresh PostgreSQL database that it reaches only through a proxy the test can cut; the
 * response cache off, so that reads reach the database, and the database probed often.
 */
async function behindProxy(options: Pick<TestAppOptions, 'logger' | 'protection'>): Promise<{ database: TestDatabase; proxy: TcpProxy; t: TestApp }> {
  const database = await createTestDatabase();
  if (database.config.kind !== 'postgresql') throw new Error('expected PostgreSQL');
  const real = new URL(database.config.url);
  const proxy = await TcpProxy.start({ host: real.hostname, port: Number(real.port || 5432) });
  const viaProxy = new URL(real);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const t = await startTestApp({
    ...options,
    database: { config: { kind: 'postgresql', url: viaProxy.toString() }, drop: async () => {} },
    cache: { enabled: false },
    healthIntervalMs: { up: 200, down: 100 },
  });
  return { database, proxy, t };
}

describe.runIf(onPostgres)('PostgreSQL goes away under load and comes back (through a proxy that is cut)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  const errorLog: string[] = [];
  /** Straight to the database, past the proxy: what was committed. */
  let direct: Orm;
  const sql = async <T>(text: string, bindings: unknown[] = []) => (await direct.em.getKnex().raw(text, bindings as never[])).rows as T[];

  beforeAll(async () => {
    ({ database, proxy, t } = await behindProxy({ logger: pino({ level: 'error' }, { write: (line: string) => void errorLog.push(line) }) }));
    direct = await createOrm({ database: database.config });
  });

  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await direct?.close(true);
    await database?.drop();
  });

  it('answers SERVICE_UNAVAILABLE at once while it is away, recovers by itself, and loses no committed write', async () => {
    const token = t.app.prepared.demoToken!;
    expect(token).toBeTruthy();
    const section = (await send(t.url, SECTION)).body.data!.section.id as string;
    // Each editor files in a section of its own: creates in one section take turns on its article count.
    const sections = ((await send(t.url, READ)).body.data!.sections as { id: string }[]).map((entry) => entry.id);

    const broken: Broken[] = [];
    const created: { headline: string; id: number }[] = [];
    const updated: { id: number; version: number; headline: string }[] = [];
    const failedWrites: { kind: 'create' | 'update'; headline: string; id?: number }[] = [];
    const counts = { reads: 0, readFailures: 0, writes: 0, writeFailures: 0 };
    let serial = 0;
    let stop = false;
    let slowestRefusal = 0;

    /**
     * A failed answer must be the documented one: 503 with SERVICE_UNAVAILABLE, never a hang or a 500
     * (a write whose BEGIN met the cut included: knex/knex#4709, mapped in src/errors/errors.ts).
     */
    const judge = (what: string, answer: Answer | Error): boolean => {
      if (answer instanceof Error) {
        broken.push({ what, detail: `no answer: ${answer.message}` });
        return false;
      }
      if (answer.status === 200 && !answer.body.errors) return true;
      slowestRefusal = Math.max(slowestRefusal, answer.ms);
      const codes = (answer.body.errors ?? []).map((error) => error.extensions?.code);
      if (answer.status === 503 && codes.every((code) => code === 'SERVICE_UNAVAILABLE')) return false;
      broken.push({ what, detail: `${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}` });
      return false;
    };
    const attempt = (promise: Promise<Answer>) => promise.catch((error: Error) => error);

    const reader = async () => {
      while (!stop) {
        const answer = await attempt(send(t.url, READ));
        counts.reads += 1;
        if (!judge('read', answer)) {
          counts.readFailures += 1;
          await sleep(20);
        }
      }
    };

    /** One editor: creates an article, then updates it from the version it knows; after a failure it starts on a new one. */
    const editor = async (worker: number) => {
      let current: { id: number; version: number } | null = null;
      while (!stop) {
        const headline = `Fault load ${worker}-${++serial}`;
        counts.writes += 1;
        if (!current) {
          const answer = await attempt(send(t.url, CREATE, { input: { headline, sectionId: sections[worker % sections.length], bodyMarkdown: `Copy for ${headline}.` } }, token));
          if (judge('createArticle', answer)) {
            const { article, userErrors } = (answer as Answer).body.data!.createArticle;
            if (userErrors.length) broken.push({ what: 'createArticle', detail: JSON.stringify(userErrors) });
            current = { id: tryGlobalIdOf('Article', article.id)!, version: article.version };
            created.push({ headline, id: current.id });
          } else {
            counts.writeFailures += 1;
            failedWrites.push({ kind: 'create', headline });
            await sleep(20);
          }
        } else {
          const answer = await attempt(send(t.url, UPDATE, { input: { id: toGlobalId('Article', current.id), expectedVersion: current.version, headline } }, token));
          if (judge('updateArticle', answer)) {
            const { article, userErrors } = (answer as Answer).body.data!.updateArticle;
            // One editor per article: never a CONFLICT, and one version up per save.
            if (userErrors.length || article.version !== current.version + 1) broken.push({ what: 'updateArticle', detail: JSON.stringify((answer as Answer).body) });
            current.version = article.version;
            updated.push({ id: current.id, version: article.version, headline });
          } else {
            counts.writeFailures += 1;
            failedWrites.push({ kind: 'update', headline, id: current.id });
            // Whether it committed is unknown to the client: go on with a fresh article.
            current = null;
            await sleep(20);
          }
        }
      }
    };

    const load = [...Array.from({ length: 4 }, reader), ...Array.from({ length: 6 }, (_, i) => editor(i))];

    // Load before the cut, until every kind of request has succeeded a few times.
    await until('reads, creates and updates succeed', () => counts.reads >= 10 && created.length >= 3 && updated.length >= 3, 10_000);
    expect(broken).toEqual([]);
    expect(counts.readFailures + counts.writeFailures).toBe(0);

    proxy.cut();
    const cutAt = performance.now();
    // /readyz probes at once: 503 promptly.
    const ready = await readyStatus(t.app.url);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);
    // A query during the cut: SERVICE_UNAVAILABLE with HTTP 503, promptly, not a hang.
    const during = await send(t.url, READ);
    expect(during.status).toBe(503);
    expect(during.body.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(during.headers.get('retry-after')).toBe('1');
    expect(during.ms).toBeLessThan(2_000);
    // So is a mutation, which starts nothing.
    const write = await send(t.url, CREATE, { input: { headline: 'Fault written while away', sectionId: section } }, token);
    expect(write.status).toBe(503);
    expect(write.body.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(write.ms).toBeLessThan(2_000);
    await sleep(Math.max(0, 2_000 - (performance.now() - cutAt)));
    const duringCut = { reads: counts.reads, readFailures: counts.readFailures, writeFailures: counts.writeFailures };
    expect(duringCut.readFailures).toBeGreaterThan(0);

    proxy.restore();
    // The same instance comes back by itself: ready, then reads and writes succeed.
    const recoveredIn = await until('/readyz answers 200 again', async () => (await readyStatus(t.app.url)).status === 200, 5_000);
    const afterRestore = { created: created.length, updated: updated.length, reads: counts.reads - counts.readFailures };
    await until(
      'reads and writes succeed again',
      () => created.length + updated.length > afterRestore.created + afterRestore.updated + 4 && counts.reads - counts.readFailures > afterRestore.reads + 4,
      5_000,
    );
    stop = true;
    await Promise.all(load);

    const fresh = await send(t.url, READ);
    expect(fresh.status).toBe(200);
    expect(fresh.body.errors).toBeUndefined();
    expect((await readyStatus(t.app.url)).status).toBe(200);

    if (broken.length) console.log(errorLog.join('\n'));
    expect(broken).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(counts.writeFailures).toBeGreaterThan(0);
    // Refusals came promptly, those of requests caught mid-flight by the cut included (a loose bound: not a timing test).
    expect(slowestRefusal).toBeLessThan(3_000);
    // The pool gave back every connection, those the cut broke included.
    const pool = (t.app.orm.em.getKnex().client as { pool: { numUsed(): number; numPendingAcquires(): number } }).pool;
    await until('the pool is idle', () => pool.numUsed() === 0 && pool.numPendingAcquires() === 0, 2_000);

    // Straight to the database: every write that answered success is there, in full.
    const articles = new Map<number, { headline: string; version: number }>();
    for (const row of await sql<{ id: number; headline: string; version: number }>(`select id, headline, version from article where headline like 'Fault %'`)) {
      articles.set(Number(row.id), { headline: row.headline, version: Number(row.version) });
    }
    const revisions = new Map<number, { version: number; headline: string }[]>();
    for (const row of await sql<{ article_id: number; version: number; snapshot: unknown }>(`select article_id, version, snapshot from article_revision where article_id = any(?::int[]) order by article_id, version`, [[...articles.keys()]])) {
      const snapshot = (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot) as { headline: string };
      const list = revisions.get(Number(row.article_id)) ?? [];
      list.push({ version: Number(row.version), headline: snapshot.headline });
      revisions.set(Number(row.article_id), list);
    }
    const audits = new Map<number, number>();
    for (const row of await sql<{ subject_id: number; n: number }>(`select subject_id, count(*)::int as n from audit_entry where subject_type = 'Article' and subject_id = any(?::int[]) group by subject_id`, [[...articles.keys()]])) {
      audits.set(Number(row.subject_id), row.n);
    }

    for (const { id, headline } of created) {
      expect(articles.get(id), `created article ${id} (${headline})`).toBeDefined();
      expect(revisions.get(id)?.[0]).toEqual({ version: 1, headline });
    }
    for (const { id, version, headline } of updated) {
      expect(articles.get(id)!.version, `article ${id}`).toBeGreaterThanOrEqual(version);
      expect(revisions.get(id)?.find((revision) => revision.version === version)).toEqual({ version, headline });
    }
    // Nothing half-done, whatever each write answered: an article's version, revisions and audit entries agree.
    for (const [id, article] of articles) {
      const kept = revisions.get(id) ?? [];
      expect(kept.map((revision) => revision.version), `revisions of article ${id}`).toEqual(Array.from({ length: article.version }, (_, i) => i + 1));
      expect(kept[kept.length - 1].headline, `article ${id}`).toBe(article.headline);
      expect(audits.get(id), `audit entries of article ${id}`).toBe(article.version);
    }
    // A create that failed made one whole article or none (nothing updates it afterwards); the one sent
    // while the database was known to be away made nothing.
    const headlines = [...articles.values()].map((article) => article.headline);
    expect((await sql<{ n: number }>(`select count(*)::int as n from article where headline = 'Fault written while away'`))[0].n).toBe(0);
    for (const failed of failedWrites.filter((write) => write.kind === 'create')) {
      expect(headlines.filter((headline) => headline === failed.headline).length, failed.headline).toBeLessThanOrEqual(1);
    }

    console.log(
      `faults/postgres: ${counts.reads} reads (${counts.readFailures} refused), ${counts.writes} writes (${counts.writeFailures} refused), ` +
        `${created.length} created and ${updated.length} updated; slowest refusal ${Math.round(slowestRefusal)} ms; /readyz 503 in ${Math.round(ready.ms)} ms, a query refused in ${Math.round(during.ms)} ms, ` +
        `ready again ${Math.round(recoveredIn)} ms after the restore`,
    );
  });

  it('finds the database again when its probe connection went silent (no reset ever reached it)', async () => {
    expect((await readyStatus(t.app.url)).status).toBe(200);
    // Every open connection, the probe's included, goes quiet for good; new ones get through.
    proxy.strand();
    // The probe on the silent connection times out: not ready, promptly.
    const ready = await readyStatus(t.app.url);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);
    // Then the probe drops that connection and opens another: ready again, by itself.
    await until('/readyz answers 200 on a new probe connection', async () => (await readyStatus(t.app.url)).status === 200, 5_000);
    // The pool's silent connections are cut when a request on one stops (next describe); here a
    // reset frees them at once.
    proxy.cut();
    proxy.restore();
    await until('a read answers again', async () => (await send(t.url, READ)).status === 200, 5_000);
    expect(unhandled).toEqual([]);
  });
});

describe.runIf(onPostgres)('PostgreSQL connections that go silent are cut when their request stops', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    ({ database, proxy, t } = await behindProxy({ protection: { deadlineMs: 800 } }));
  });

  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('answers every request within its deadline, and reads are served again with no reset', async () => {
    // Several pooled connections open, then every open connection goes quiet for good.
    await Promise.all(Array.from({ length: 6 }, () => send(t.url, READ)));
    proxy.strand();
    const answers = await Promise.all(Array.from({ length: 12 }, () => send(t.url, READ)));
    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
      if (answer.status === 503) expect(['DEADLINE_EXCEEDED', 'SERVICE_UNAVAILABLE']).toContain(answer.body.errors?.[0].extensions?.code);
      expect(answer.ms).toBeLessThan(3_000);
    }
    // Each statement that hung was cut with its connection, which the pool replaced.
    await until('reads are served again', async () => (await send(t.url, READ)).status === 200, 5_000);
    const again = await Promise.all(Array.from({ length: 8 }, () => send(t.url, READ)));
    expect(again.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(unhandled).toEqual([]);
  });
});

describe('Redis goes away: answers come from memory and the database, and the failures are counted', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  const prefix = `masthead-test:faults:${randomBytes(6).toString('hex')}:`;

  beforeAll(async () => {
    const redis = new URL(REDIS_URL);
    proxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    t = await startTestApp({
      cache: { enabled: true, redis: { url: `redis://127.0.0.1:${proxy.port}`, prefix } },
      // Budgets in Redis too, with room to spare: their memory insurance must take over.
      protection: { rateLimit: { enabled: true, windowSeconds: 60, anonymousPoints: 1_000_000, tokenPoints: 1_000_000 } },
    });
  });

  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const redisErrors = async () => {
    const text = await (await fetch(`${t.app.url}/metrics`)).text();
    const line = text.split('\n').find((entry) => entry.startsWith('masthead_redis_errors_total'));
    return Number(line?.split(' ')[1] ?? NaN);
  };

  it('keeps answering while Redis is cut off, and uses it again once it is back', async () => {
    // An article page held in Redis, which a write during the outage will change.
    const PAGE = `query FaultPage { article(slug: "kim-jong-un-opens-saeppyol-street-homes") { headline } }`;
    const held = await send(t.url, PAGE);
    expect((await send(t.url, PAGE)).headers.get('x-cache')).toBe('HIT');
    const warm = await send(t.url, READ);
    expect(warm.status).toBe(200);
    expect(warm.headers.get('x-cache')).toBe('MISS');
    expect((await send(t.url, READ)).headers.get('x-cache')).toBe('HIT');
    expect(await redisErrors()).toBe(0);

    proxy.cut();
    // The answer kept in memory is still served.
    const kept = await send(t.url, READ);
    expect(kept.status).toBe(200);
    expect(kept.body.data).toEqual(warm.body.data);
    // A query never cached goes to the database.
    const other = `query FaultOther { sections { name path } }`;
    const fresh = await send(t.url, other);
    expect(fresh.status).toBe(200);
    expect(fresh.body.errors).toBeUndefined();
    expect(fresh.body.data?.sections.length).toBeGreaterThan(0);
    expect(fresh.ms).toBeLessThan(2_000);
    // Writes go on too (their eviction cannot reach Redis meanwhile, nor other instances).
    const token = t.app.prepared.demoToken!;
    const section = (await send(t.url, SECTION)).body.data!.section.id as string;
    const write = await send(t.url, CREATE, { input: { headline: 'Written while Redis is away', sectionId: section } }, token);
    expect(write.status).toBe(200);
    expect(write.body.data?.createArticle.userErrors).toEqual([]);
    for (let i = 0; i < 5; i++) expect((await send(t.url, `query FaultOther${i} { sections { name } }`)).status).toBe(200);
    const desk = (await send(t.url, 'query FaultDesk { article(slug: "kim-jong-un-opens-saeppyol-street-homes") { id version } }', {}, token)).body.data!.article;
    const retitled = await send(t.url, UPDATE, { input: { id: desk.id, expectedVersion: desk.version, headline: 'Retitled while Redis is away' } }, token);
    expect(retitled.body.data?.updateArticle.userErrors).toEqual([]);
    expect((await send(t.url, PAGE)).body.data?.article.headline).toBe('Retitled while Redis is away');
    expect(await redisErrors()).toBeGreaterThan(0);
    expect((await readyStatus(t.app.url)).status).toBe(200);

    proxy.restore();
    // Back by itself: a new answer is stored in Redis again (ioredis reconnects on its own).
    await until(
      'the cache uses Redis again',
      async () => {
        const query = `query FaultBack${randomBytes(3).toString('hex')} { sections { name } }`;
        const before = await redisErrors();
        const answer = await send(t.url, query);
        return answer.status === 200 && (await redisErrors()) === before && (await send(t.url, query)).headers.get('x-cache') === 'HIT';
      },
      10_000,
    );
    // The page Redis held from before the write is gone from it: the new headline, never the old.
    const after = await send(t.url, PAGE);
    expect(after.body.data?.article.headline).toBe('Retitled while Redis is away');
    expect(held.body.data?.article.headline).not.toBe('Retitled while Redis is away');
    expect(unhandled).toEqual([]);
  });
});

describe('SIGTERM drain (app.close())', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp({ cache: { enabled: false } });
  });
  afterEach(async () => {
    await t?.close();
  });

  it('lets a request in flight finish with 200, then resolves', async () => {
    type Pool = { max: number; numPendingAcquires(): number };
    const client = t.app.orm.em.getKnex().client as { pool: Pool; acquireConnection(): Promise<unknown>; releaseConnection(connection: unknown): void };
    // Hold every pooled connection, so a read waits for one: a request in flight for as long as the test says.
    const held = await Promise.all(Array.from({ length: client.pool.max }, () => client.acquireConnection()));
    const release = () => held.splice(0).forEach((connection) => client.releaseConnection(connection));
    let inFlight!: ReturnType<typeof send>;
    let closing!: Promise<unknown>;
    let closeResolved = false;
    try {
      // fetch keeps its connection alive: close() must end it once the answer is sent.
      let answered = false;
      inFlight = send(t.url, READ).finally(() => (answered = true));
      await until('the request waits for a connection', () => client.pool.numPendingAcquires() > 0, 5_000);

      // What SIGTERM calls (src/main.ts); afterEach's t.close() joins it and drops the database.
      closing = t.app.close().then(() => (closeResolved = true));
      await sleep(300);
      // Still draining: the request is unanswered, and close() waits for it.
      expect(answered).toBe(false);
      expect(closeResolved).toBe(false);
      // New connections are refused meanwhile.
      await expect(fetch(`${t.app.url}/healthz`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
    } finally {
      release();
    }

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.sections.length).toBeGreaterThan(0);
    const started = performance.now();
    await closing;
    // Closed once the request is answered, though its connection was kept alive: not when its
    // keep-alive (65 s) or DRAIN_MS (10 s) runs out.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(unhandled).toEqual([]);
  });
});
