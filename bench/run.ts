/**
 * npm run bench [-- --articles 10000 --duration 10 --connections 10 --fresh --only Search]
 *
 * Loads a deterministic corpus into an SQLite file (or a database on the PostgreSQL server of
 * DATABASE_URL), starts the server as production would (its own process, compiled code) twice, with
 * the response cache off and on, drives each contract read operation against each with autocannon,
 * and compares with a bare node:http server answering the same bytes in the same run. Prints a
 * table and writes it as JSON under bench/results/.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config/config';
import { projectRoot } from '../src/config/paths';
import { migrateToLatest } from '../src/database/migrate';
import { createOrm } from '../src/database/orm';
import { reindexAll } from '../src/modules/search/search.index';
import { refreshAllSimilar } from '../src/modules/related/related.similar';
import { loadCorpus, VOCABULARY } from './corpus';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    fresh: { type: 'boolean', default: false },
    // Runs only the scenarios whose name contains this (case-insensitive), e.g. `--only Search`.
    only: { type: 'string' },
  },
});
const articles = Number(args.articles);
const duration = Number(args.duration);
const connections = Number(args.connections);
const root = projectRoot();

type Mode = 'uncached' | 'cached';

interface Row {
  operation: string;
  mode: Mode;
  reqPerSec: number;
  p50: number;
  p97_5: number;
  p99: number;
  /** Connection errors and timeouts, non-2xx answers, and answers that are not GraphQL data without errors. */
  errors: number;
  statementsPerRequest: number;
  ceilingReqPerSec: number;
  ofCeiling: number;
}

interface ServerRun {
  mode: Mode;
  coldStartMs: number;
  peakRssBytes: number;
}

interface Scenario {
  operation: string;
  body: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A database holding the corpus: a file for SQLite, `masthead_bench_<articles>` on the PostgreSQL
 * server of DATABASE_URL. Either is reused between runs unless --fresh, brought up to the latest
 * migration first so the server's start is not spent migrating it.
 */
async function prepareDatabase(): Promise<{ config: DatabaseConfig; url: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl?.startsWith('postgres')) {
    const name = `masthead_bench_${articles}`;
    const url = serverUrl.replace(/\/[^/?]*(\?.*)?$/, `/${name}`);
    const admin = await createOrm({ database: parseDatabaseUrl(serverUrl) });
    const exists = (await admin.em.getConnection().execute('select 1 from pg_database where datname = ?', [name])).length > 0;
    if (args.fresh || !exists) {
      await admin.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
      await admin.em.getConnection().execute(`create database "${name}"`);
    }
    await admin.close(true);
    const config = parseDatabaseUrl(url);
    await (args.fresh || !exists ? load(config) : migrate(config));
    await vacuum(config);
    return { config, url };
  }
  const file = path.join(root, 'bench', 'data', `bench-${articles}.sqlite`);
  const config: DatabaseConfig = { kind: 'sqlite', file };
  if (args.fresh || !fs.existsSync(file)) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    await load(config);
  } else {
    await migrate(config);
  }
  return { config, url: `sqlite:${file}` };
}

async function migrate(config: DatabaseConfig): Promise<void> {
  const orm = await createOrm({ database: config });
  try {
    const applied = await migrateToLatest(orm);
    if (applied.length) console.log(`applied ${applied.join(', ')}`);
  } finally {
    await orm.close(true);
  }
}

async function load(config: DatabaseConfig): Promise<void> {
  const started = Date.now();
  const orm = await createOrm({ database: config });
  try {
    await migrateToLatest(orm);
    const counts = await loadCorpus(orm, config.kind, { articles });
    // The corpus is bulk-inserted past the editorial services, so the search index is built here.
    await orm.em.fork().transactional((tx) => reindexAll(tx));
    await orm.em.fork().transactional((tx) => refreshAllSimilar(tx));
    console.log(`loaded ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await orm.close(true);
  }
}

/**
 * VACUUM ANALYZE of a PostgreSQL bench database: servers may run with autovacuum off, and without it
 * the visibility map stays empty (no index-only scans), GIN indexes keep their pending lists and the
 * planner works from stale statistics, so the runs would not show how a maintained database behaves.
 */
async function vacuum(config: DatabaseConfig): Promise<void> {
  const orm = await createOrm({ database: config, pool: { min: 0, max: 1 } });
  try {
    await orm.em.getConnection().execute('vacuum analyze');
  } finally {
    await orm.close(true);
  }
}

function peakRss(child: ChildProcess): number {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function statements(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^masthead_sql_statements_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

async function post(url: string, body: string): Promise<string> {
  return (await answerOf(url, body)).text;
}

/** Headers every node:http server sends by itself, or that describe the body: the bare server sets them alike. */
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** An answer's body and the headers that came with it, as a flat list of names and values. */
async function answerOf(url: string, body: string): Promise<{ text: string; headers: string[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const headers = [...response.headers].filter(([name]) => !CONNECTION_HEADERS.has(name)).flat();
  return { text: await response.text(), headers };
}

function isData(answer: string): boolean {
  return answer.startsWith('{"data"') && !answer.includes('"errors":');
}

async function drive(url: string, body: string) {
  return autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration, verifyBody: (answer) => isData(String(answer)) });
}

/** The server in its own process, as production runs it; cold start is the time to its first answer. */
async function startServer(databaseUrl: string, mode: Mode): Promise<{ child: ChildProcess; base: string; coldStartMs: number }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const spawnedAt = Date.now();
  const child = fork(path.join(root, 'dist/src/main.js'), [], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
      RESPONSE_CACHE: mode === 'cached' ? 'on' : 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await post(`${base}/graphql`, '{"query":"{ __typename }"}')).includes('Query')) return { child, base, coldStartMs: Date.now() - spawnedAt };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  child.kill();
  throw new Error(`the ${mode} server did not answer within 6 s`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * req/s of bare node:http answering the same bytes (the same headers and body), measured now on this
 * machine: the ceiling.
 */
async function ceiling(answer: { text: string; headers: string[] }, body: string): Promise<number> {
  const bytesFile = path.join(root, 'bench', 'data', 'response.json');
  const headersFile = path.join(root, 'bench', 'data', 'response-headers.json');
  fs.mkdirSync(path.dirname(bytesFile), { recursive: true });
  fs.writeFileSync(bytesFile, answer.text);
  fs.writeFileSync(headersFile, JSON.stringify(answer.headers));
  const port = await freePort();
  const bare = fork(path.join(root, 'dist/bench/bare-server.js'), [bytesFile, String(port), headersFile], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve) => bare.once('message', resolve));
  const result = await drive(`http://127.0.0.1:${port}/graphql`, body);
  await stopServer(bare);
  return result.requests.average;
}

async function scenarios(base: string): Promise<Scenario[]> {
  const operation = (name: string) => fs.readFileSync(path.join(root, 'schema/operations', `${name}.graphql`), 'utf8');
  const sample = JSON.parse(await post(`${base}/graphql`, JSON.stringify({ query: `{ article(slug: "story-${Math.ceil(articles / 2)}") { uri } }` })));
  return [
    { name: 'SectionFront', variables: { path: 'world', first: 20 } },
    { name: 'ArticlePage', variables: { path: sample.data.article.uri } },
    { name: 'QuotesBySpeaker', variables: { speaker: 'tag-2' } },
    // Words of middling frequency, as readers search for them (rank ~300 and ~600 of the vocabulary).
    { name: 'Search', label: 'Search (1 word)', variables: { query: VOCABULARY[300] } },
    { name: 'Search', label: 'Search (2 words)', variables: { query: `${VOCABULARY[300]} ${VOCABULARY[600]}` } },
    // The worst case: the commonest word, in nearly every article.
    { name: 'Search', label: 'Search (common word)', variables: { query: VOCABULARY[0] } },
  ]
    .map((scenario) => ({ operation: scenario.label ?? scenario.name, body: JSON.stringify({ query: operation(scenario.name), variables: scenario.variables }) }))
    .filter((scenario) => !args.only || scenario.operation.toLowerCase().includes(args.only.toLowerCase()));
}

async function main(): Promise<void> {
  const { config, url: databaseUrl } = await prepareDatabase();
  const rows: Row[] = [];
  const servers: ServerRun[] = [];
  let work: Scenario[] = [];
  for (const mode of ['uncached', 'cached'] as const) {
    const { child, base, coldStartMs } = await startServer(databaseUrl, mode);
    try {
      if (!work.length) work = await scenarios(base);
      for (const { operation, body } of work) {
        // The first request fills the cache; the second is answered as the measured ones are.
        const filled = await post(`${base}/graphql`, body);
        if (!isData(filled)) throw new Error(`${operation} failed: ${filled.slice(0, 300)}`);
        const answer = await answerOf(`${base}/graphql`, body);
        const before = await statements(base);
        const result = await drive(`${base}/graphql`, body);
        const sent = (await statements(base)) - before;
        // Measured right after, so that both see the machine alike.
        const ceilingReqPerSec = await ceiling(answer, body);
        rows.push({
          operation,
          mode,
          reqPerSec: Math.round(result.requests.average),
          p50: result.latency.p50,
          p97_5: result.latency.p97_5,
          p99: result.latency.p99,
          // autocannon's errors include its timeouts; mismatches are the answers isData refused.
          errors: result.errors + result.non2xx + result.mismatches,
          statementsPerRequest: Number((sent / Math.max(1, result.requests.total)).toFixed(2)),
          ceilingReqPerSec: Math.round(ceilingReqPerSec),
          ofCeiling: Number((result.requests.average / ceilingReqPerSec).toFixed(3)),
        });
      }
      servers.push({ mode, coldStartMs, peakRssBytes: peakRss(child) });
    } finally {
      await stopServer(child);
    }
  }

  const report = {
    when: new Date().toISOString(),
    command: `npm run bench -- --articles ${articles} --duration ${duration} --connections ${connections}${args.only ? ` --only ${args.only}` : ''}`,
    database: config.kind,
    articles,
    durationSeconds: duration,
    connections,
    node: process.version,
    servers,
    rows,
  };
  console.log(`\n${config.kind}, ${articles} articles, ${connections} connections, ${duration} s each`);
  for (const server of servers) {
    console.log(`${server.mode} server: cold start ${server.coldStartMs} ms, peak RSS ${(server.peakRssBytes / 1048576).toFixed(0)} MB`);
  }
  console.table(
    rows.map((row) => ({
      operation: row.operation,
      mode: row.mode,
      'req/s': row.reqPerSec,
      'p50 ms': row.p50,
      'p99 ms': row.p99,
      errors: row.errors,
      'SQL/req': row.statementsPerRequest,
      'bare node:http req/s': row.ceilingReqPerSec,
      'of bare': `${(row.ofCeiling * 100).toFixed(1)}%`,
    })),
  );
  const out = path.join(root, 'bench', 'results', `${report.when.replace(/[:.]/g, '-')}-${config.kind}-${articles}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, out)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
