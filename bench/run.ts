/**
 * npm run bench [-- --articles 10000 --duration 10 --connections 10 --fresh]
 *
 * Loads a deterministic corpus into a fresh SQLite file (or a fresh database on the PostgreSQL server
 * of DATABASE_URL), starts the server as production would (its own process, compiled code), drives
 * each contract read operation with autocannon, and compares with a bare node:http server answering
 * the same bytes in the same run. Prints a table and writes it as JSON under bench/results/.
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
  },
});
const articles = Number(args.articles);
const duration = Number(args.duration);
const connections = Number(args.connections);
const root = projectRoot();

interface Row {
  operation: string;
  reqPerSec: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  statementsPerRequest: number;
  ceilingReqPerSec: number;
  ofCeiling: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh database holding the corpus; SQLite files are reused between runs unless --fresh. */
async function prepareDatabase(): Promise<{ config: DatabaseConfig; url: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl?.startsWith('postgres')) {
    const url = serverUrl.replace(/\/[^/?]*(\?.*)?$/, `/masthead_bench_${articles}`);
    const admin = await createOrm({ database: parseDatabaseUrl(serverUrl) });
    await admin.em.getConnection().execute(`drop database if exists "masthead_bench_${articles}" with (force)`);
    await admin.em.getConnection().execute(`create database "masthead_bench_${articles}"`);
    await admin.close(true);
    const config = parseDatabaseUrl(url);
    await load(config);
    return { config, url };
  }
  const file = path.join(root, 'bench', 'data', `bench-${articles}.sqlite`);
  const config: DatabaseConfig = { kind: 'sqlite', file };
  if (args.fresh || !fs.existsSync(file)) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    await load(config);
  }
  return { config, url: `sqlite:${file}` };
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

function peakRss(child: ChildProcess): number {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function statements(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^masthead_sql_statements_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

async function post(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return response.text();
}

async function drive(url: string, body: string) {
  return autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration });
}

async function main(): Promise<void> {
  const { config, url: databaseUrl } = await prepareDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const spawnedAt = Date.now();
  const server = fork(path.join(root, 'dist/src/main.js'), [], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let coldStartMs = NaN;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await post(`${base}/graphql`, '{"query":"{ __typename }"}')).includes('Query')) {
        coldStartMs = Date.now() - spawnedAt;
        break;
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  if (Number.isNaN(coldStartMs)) throw new Error('the server did not answer within 6 s');

  const operation = (name: string) => fs.readFileSync(path.join(root, 'schema/operations', `${name}.graphql`), 'utf8');
  const sample = JSON.parse(await post(`${base}/graphql`, JSON.stringify({ query: `{ article(slug: "story-${Math.ceil(articles / 2)}") { uri } }` })));
  const scenarios = [
    { name: 'SectionFront', variables: { path: 'world', first: 20 } },
    { name: 'ArticlePage', variables: { path: sample.data.article.uri } },
    { name: 'QuotesBySpeaker', variables: { speaker: 'tag-2' } },
    // Words of middling frequency, as readers search for them (rank ~300 and ~600 of the vocabulary).
    { name: 'Search', label: 'Search (1 word)', variables: { query: VOCABULARY[300] } },
    { name: 'Search', label: 'Search (2 words)', variables: { query: `${VOCABULARY[300]} ${VOCABULARY[600]}` } },
    // The worst case: the commonest word, in nearly every article.
    { name: 'Search', label: 'Search (common word)', variables: { query: VOCABULARY[0] } },
  ];

  const rows: Row[] = [];
  const bytesFile = path.join(root, 'bench', 'data', 'response.json');
  for (const scenario of scenarios) {
    const body = JSON.stringify({ query: operation(scenario.name), variables: scenario.variables });
    const answer = await post(`${base}/graphql`, body);
    if (!answer.startsWith('{"data"') || answer.includes('"errors"')) throw new Error(`${scenario.name} failed: ${answer.slice(0, 300)}`);

    const before = await statements(base);
    const result = await drive(`${base}/graphql`, body);
    const sent = (await statements(base)) - before;

    // The ceiling: the same bytes from bare node:http, measured now, on this machine.
    fs.writeFileSync(bytesFile, answer);
    const barePort = await freePort();
    const bare = fork(path.join(root, 'dist/bench/bare-server.js'), [bytesFile, String(barePort)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    await new Promise((resolve) => bare.once('message', resolve));
    const ceiling = await drive(`http://127.0.0.1:${barePort}/graphql`, body);
    bare.kill();

    rows.push({
      operation: scenario.label ?? scenario.name,
      reqPerSec: Math.round(result.requests.average),
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
      statementsPerRequest: Number((sent / Math.max(1, result.requests.total)).toFixed(2)),
      ceilingReqPerSec: Math.round(ceiling.requests.average),
      ofCeiling: Number((result.requests.average / ceiling.requests.average).toFixed(3)),
    });
  }
  const rss = peakRss(server);
  server.kill('SIGTERM');

  const report = {
    when: new Date().toISOString(),
    command: `npm run bench -- --articles ${articles} --duration ${duration} --connections ${connections}`,
    database: config.kind,
    articles,
    durationSeconds: duration,
    connections,
    coldStartMs,
    peakRssBytes: rss,
    node: process.version,
    rows,
  };
  console.log(`\n${config.kind}, ${articles} articles, ${connections} connections, ${duration} s each, uncached; cold start ${coldStartMs} ms; peak RSS ${(rss / 1048576).toFixed(0)} MB`);
  console.table(
    rows.map((row) => ({
      operation: row.operation,
      'req/s': row.reqPerSec,
      'p50 ms': row.p50,
      'p97.5 ms': row.p97_5,
      'p99 ms': row.p99,
      errors: row.errors,
      'SQL/req': row.statementsPerRequest,
      'bare node:http req/s': row.ceilingReqPerSec,
      'of ceiling': `${(row.ofCeiling * 100).toFixed(1)}%`,
    })),
  );
  const out = path.join(root, 'bench', 'results', `${report.when.replace(/[:.]/g, '-')}-${config.kind}-${articles}.json`);
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, out)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
