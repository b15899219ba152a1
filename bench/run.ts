/**
 * npm run bench [-- --articles 10000 --duration 10 --connections 10 --fresh --only Search --flood-connections 10]
 * npm run bench -- --against ../other-checkout [--rounds 8 --only SectionFront]
 *
 * Loads a deterministic corpus into an SQLite file (or a database on the PostgreSQL server of
 * DATABASE_URL), starts the server as production would (its own process, compiled code) twice, with
 * the response cache off and on, drives each contract read operation against each with autocannon,
 * and compares with a bare node:http server answering the same bytes in the same run. Then the Flood
 * scenario (`--only Flood` alone): one client floods the costliest query the limits allow while
 * readers load SectionFront, against a server with its default protection. Then the Import scenario
 * (`--only Import` alone): importArticle of a 1,000-word story, one at a time; and the Save scenario
 * (`--only Save`): updateArticle of a published story, one at a time; and the Live scenario (`--only
 * Live`): 1,000 subscribers to a liveblog, an entry a second. Prints the tables and
 * writes them as JSON under bench/results/. With --against, only the uncached rows run, of this
 * build and another side by side (compareBuilds).
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, parseDatabaseUrl, type DatabaseConfig } from '../src/config/config';
import { createApp } from '../src/server/app';
import { projectRoot } from '../src/config/paths';
import { migrateToLatest } from '../src/database/migrate';
import { createOrm, PLANNER_SETTINGS, POSTGRES_POOL, type TracedStatement } from '../src/database/orm';
import { reindexAll } from '../src/modules/search/search.index';
import { refreshAllSimilar } from '../src/modules/related/related.similar';
import { Role } from '../src/auth/viewer';
import { readCopy } from '../src/modules/analysis/analysis.service';
import { plainTextToBlocks } from '../src/modules/body/body.markdown';
import { TokenService } from '../src/modules/token/token.service';
import { loadCorpus, VOCABULARY } from './corpus';
import type { FloodResult } from './flood-client';
import { inTransaction } from '../src/database/transaction';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    fresh: { type: 'boolean', default: false },
    // Runs only the scenarios whose name contains this (case-insensitive), e.g. `--only Search`.
    only: { type: 'string' },
    // The flooding client's connections in the Flood scenario (the reader has --connections).
    'flood-connections': { type: 'string', default: '10' },
    // Another checkout of the project, built (`npx tsc`): its uncached rows run beside this build's, in turns (compareBuilds).
    against: { type: 'string' },
    // Turns of each build per row with --against, each of --duration seconds.
    rounds: { type: 'string', default: '8' },
  },
});
const articles = Number(args.articles);
const duration = Number(args.duration);
const connections = Number(args.connections);
const floodConnections = Number(args['flood-connections']);
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
  /** The server process's CPU (user and system) per answered request, in ms. */
  cpuMsPerRequest: number;
  ceilingReqPerSec: number;
  ofCeiling: number;
  /** Answers by HTTP status: a 503 is overload shedding (OVERLOAD_LAG_MS), which stays on as in production. */
  statuses: Record<string, number>;
}

interface ServerRun {
  mode: Mode;
  coldStartMs: number;
  peakRssBytes: number;
}

/** Whether `--only` selects a scenario (all are selected without it). */
function selected(label: string): boolean {
  return !args.only || label.toLowerCase().includes(args.only.toLowerCase());
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
async function prepareDatabase(): Promise<{ config: DatabaseConfig; url: string; rebuild?: Rebuild }> {
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
    let rebuild: Rebuild | undefined;
    if (args.fresh || !exists) rebuild = await load(config);
    else await migrate(config);
    await vacuum(config);
    return { config, url, rebuild };
  }
  const file = path.join(root, 'bench', 'data', `bench-${articles}.sqlite`);
  const config: DatabaseConfig = { kind: 'sqlite', file };
  if (args.fresh || !fs.existsSync(file)) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    return { config, url: `sqlite:${file}`, rebuild: await load(config) };
  }
  await migrate(config);
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

/** Seconds the derived tables of a freshly loaded corpus took to build (issue 14: under 10 s for 10,000 articles on PostgreSQL). */
interface Rebuild {
  articles: number;
  searchIndexSeconds: number;
  similarSeconds: number;
}

async function load(config: DatabaseConfig): Promise<Rebuild> {
  const started = Date.now();
  const orm = await createOrm({ database: config });
  const seconds = async (work: () => Promise<void>) => {
    const start = performance.now();
    await work();
    return Number(((performance.now() - start) / 1000).toFixed(2));
  };
  try {
    await migrateToLatest(orm);
    const counts = await loadCorpus(orm, config.kind, { articles });
    // The corpus is bulk-inserted past the editorial services, so the search index is built here.
    const searchIndexSeconds = await seconds(() => inTransaction(orm.em.fork(), (tx) => reindexAll(tx)));
    const similarSeconds = await seconds(() => inTransaction(orm.em.fork(), (tx) => refreshAllSimilar(tx)));
    console.log(`loaded ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`rebuilt the search index in ${searchIndexSeconds} s and the SIMILAR lists in ${similarSeconds} s for ${articles} articles`);
    return { articles, searchIndexSeconds, similarSeconds };
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

/** The server's resident set in bytes: now (VmRSS), or its peak so far (VmHWM). */
function memory(child: ChildProcess, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
}

const peakRss = (child: ChildProcess) => memory(child, 'VmHWM');

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

/** drive() against a server, with the server process's CPU (user and system) per answered request, in ms. */
async function driveMeasured(child: ChildProcess, base: string, body: string): Promise<{ result: autocannon.Result; cpuMsPerRequest: number }> {
  const cpuBefore = cpuSeconds(child.pid!);
  const result = await drive(`${base}/graphql`, body);
  const cpuMs = (cpuSeconds(child.pid!) - cpuBefore) * 1000;
  return { result, cpuMsPerRequest: Number((cpuMs / Math.max(1, result.requests.total)).toFixed(2)) };
}

/**
 * Requests that failed: autocannon's errors (connection errors and timeouts) and its mismatches, the
 * answers isData refused. Every non-2xx answer is among these (a refusal carries `errors`, and no
 * status but 200 carries data), so adding autocannon's non2xx would count it twice.
 */
function failures(result: autocannon.Result): number {
  return result.errors + result.mismatches;
}

function statusesOf(result: autocannon.Result): Record<string, number> {
  const statuses: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = stats.count ?? 0;
  return statuses;
}

/**
 * Protection and logging settings a shell may hold: the servers start from production's defaults
 * (README, "Protection"; LOG_LEVEL info) and only the settings each run names differ.
 */
const PROTECTION_SETTINGS = /^(RATE_LIMIT(_.*)?|QUERY_MAX_.*|OVERLOAD_LAG_MS|REQUEST_DEADLINE_MS|TRUST_PROXY|LOG_LEVEL)$/;

/** The Node flags `npm start` of the project at `tree` runs the service with (package.json), which production's image shares. */
function startFlags(tree = root): string[] {
  const start = (JSON.parse(fs.readFileSync(path.join(tree, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return /\bnode ((?:--\S+ )*)dist\/src\/main\.js/.exec(start)?.[1].trim().split(' ').filter(Boolean) ?? [];
}

/**
 * The server in its own process, as production runs it, with `settings` on top; cold start is the
 * time to its first answer. Its JSON log stays at production's level (info: a line per request) and
 * goes to /dev/null. The line is not free: about 15 µs of server CPU per request, a fifth to a
 * quarter of a cache hit's (measured against LOG_LEVEL=silent), so it stays in the figures as in
 * production. Where it goes makes no difference: pino writes asynchronously in batches, and
 * /dev/null, a file and a pipe drained by `cat` measured alike (70-100 µs of CPU a hit each); a
 * pipe drained by this process would take CPU from autocannon.
 */
async function startServer(databaseUrl: string, label: string, settings: Record<string, string>, tree = root): Promise<{ child: ChildProcess; base: string; coldStartMs: number }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const spawnedAt = Date.now();
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !PROTECTION_SETTINGS.test(name)));
  const child = fork(path.join(tree, 'dist/src/main.js'), [], {
    execArgv: startFlags(tree),
    env: {
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
      ...settings,
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
  throw new Error(`the ${label} server did not answer within 6 s`);
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

function operationText(name: string): string {
  return fs.readFileSync(path.join(root, 'schema/operations', `${name}.graphql`), 'utf8');
}

/** SectionFront as its row sends it: also the reader of the Flood scenario. */
const SECTION_FRONT = { name: 'SectionFront', variables: { path: 'world', first: 20 } };

/** The rows: each contract read, once uncached and once cached. */
const ROWS: { name: string; label?: string; variables: (base: string) => Promise<Record<string, unknown>> | Record<string, unknown> }[] = [
  { name: 'SectionFront', variables: () => SECTION_FRONT.variables },
  {
    name: 'ArticlePage',
    variables: async (base) => {
      const sample = JSON.parse(await post(`${base}/graphql`, JSON.stringify({ query: `{ article(slug: "story-${Math.ceil(articles / 2)}") { uri } }` })));
      return { path: sample.data.article.uri };
    },
  },
  { name: 'QuotesBySpeaker', variables: () => ({ speaker: 'tag-2' }) },
  // The speaker with the most quotes, in every third article (BUSIEST_SPEAKER in bench/corpus.ts).
  { name: 'QuotesBySpeaker', label: 'QuotesBySpeaker (busiest)', variables: () => ({ speaker: 'tag-8' }) },
  // Words of middling frequency, as readers search for them (rank ~300 and ~600 of the vocabulary).
  { name: 'Search', label: 'Search (1 word)', variables: () => ({ query: VOCABULARY[300] }) },
  { name: 'Search', label: 'Search (2 words)', variables: () => ({ query: `${VOCABULARY[300]} ${VOCABULARY[600]}` }) },
  // The worst case: the commonest word, in nearly every article.
  { name: 'Search', label: 'Search (common word)', variables: () => ({ query: VOCABULARY[0] }) },
];

async function scenarios(base: string): Promise<Scenario[]> {
  const work: Scenario[] = [];
  for (const row of ROWS.filter((candidate) => selected(candidate.label ?? candidate.name))) {
    work.push({ operation: row.label ?? row.name, body: JSON.stringify({ query: operationText(row.name), variables: await row.variables(base) }) });
  }
  return work;
}

/**
 * The Flood scenario's query: the costliest the default limits allow (5,000 objects), built from
 * real fields. A page of 100 articles, each with its body as text and as HTML, its section,
 * authors, tags, quotes with their speakers, five related articles and its corrections (2 + 100 × 49
 * = 4,902 objects), topped up with a page of 95 authors: 4,998. The run checks both: the server
 * answers it (cost read off its RateLimit headers), and refuses it with three more authors.
 */
const FLOOD_QUERY = `query Flood {
  articles(first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id uri headline standfirst publishedAt byline wordCount readingTimeMinutes bodyText bodyHtml
      section { id name path }
      authors { id name jobTitle }
      tags { id name kind }
      quotes { id text speakerName speaker { id name } }
      relatedCoverage(first: 5) { relation curated article { id uri headline } }
      corrections { text publishedAt }
    }
  }
  authors(first: AUTHORS) { nodes { id name } }
}`;
const FLOOD_BODY = JSON.stringify({ query: FLOOD_QUERY.replace('AUTHORS', '95') });
/** The same with three more authors (5,001): refused with MAX_COST_EXCEEDED, which shows the flood is at the limit. */
const OVER_LIMIT_BODY = JSON.stringify({ query: FLOOD_QUERY.replace('AUTHORS', '98') });

/** The flooding client's address (TEST-NET-3, RFC 5737), and the probes' addresses beside it. */
const FLOODER_ADDRESS = '203.0.113.66';
const PROBE_ADDRESSES = { reader: '203.0.113.1', flood: '203.0.113.2', overLimit: '203.0.113.3' };
/** How much faster than measured the reader may go before one of its addresses would run out. */
const READER_HEADROOM = 2;

/** The reader's n-th client address, in 198.18.0.0/15 (set aside for benchmarks, RFC 2544). */
function readerAddress(n: number): string {
  if (n >= 131_072) throw new Error('the reader needs more than the 131,072 addresses of 198.18.0.0/15: lower --duration');
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * The client addresses of one reader run, from the `first`-th of readerAddress on, rotated over a
 * pool of `pool` addresses: many readers, each reading now and then. Should the reader go faster
 * than the pool was sized for, a pool whose addresses have each sent `perAddress` requests is left
 * for a fresh one, so no address ever runs out of points (a pool of 1 is a fresh address every
 * `perAddress` requests, safe at any rate).
 */
class ReaderAddresses {
  private sent = 0;

  constructor(
    readonly first: number,
    readonly pool: number,
    private readonly perAddress: number,
  ) {}

  next(): string {
    const n = this.sent++;
    const generation = Math.floor(n / (this.pool * this.perAddress));
    return readerAddress(this.first + generation * this.pool + (n % this.pool));
  }

  /** Pools started, each of `pool` addresses. */
  get pools(): number {
    return Math.max(1, Math.ceil(this.sent / (this.pool * this.perAddress)));
  }

  /** Addresses used (or set aside), so the next run starts after them. */
  get used(): number {
    return this.pools * this.pool;
  }

  /** The most requests any one address sent (an upper bound: autocannon builds a request or two it does not send). */
  get mostPerAddress(): number {
    return Math.min(this.perAddress, Math.ceil(this.sent / this.pool));
  }
}

/** A second: longer than the overload monitor's sample (500 ms), so a lag of one run sheds nothing of the next. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1000));
}

/** CPU seconds a process has used so far (user and system; Linux counts in hundredths). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface ReaderRun {
  seconds: number;
  reqPerSec: number;
  p50: number;
  p97_5: number;
  p99: number;
  requests: number;
  statuses: Record<string, number>;
  /** As in the rows: connection errors and timeouts, non-2xx answers, answers that are not data without errors. */
  errors: number;
  /** Client addresses the run sent from: its pool, and more pools if it outran the first. */
  addresses: number;
  mostPerAddress: number;
  /** The server's CPU use over the run, in percent of one core (it runs on one thread, plus libuv's and V8's). */
  serverCpuPercent: number;
  /** The server's longest event-loop delay during the run (shedding starts past OVERLOAD_LAG_MS, 200 by default). */
  lagMaxMs: number;
}

/**
 * The server's longest event-loop delay since the last call, in ms: prom-client's
 * nodejs_eventloop_lag_max_seconds, whose histogram restarts at each scrape of /metrics.
 */
async function lagMaxMs(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Math.round(Number(/^nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text)?.[1] ?? NaN) * 1000);
}

async function driveReader(url: string, body: string, seconds: number, addresses: ReaderAddresses, server: ChildProcess): Promise<ReaderRun> {
  const base = url.replace(/\/graphql$/, '');
  await lagMaxMs(base);
  const cpuBefore = cpuSeconds(server.pid!);
  const started = performance.now();
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
    verifyBody: (answer) => isData(String(answer)),
    // Each request from the next address: many readers, none over its budget.
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': addresses.next() } }) }],
  });
  const elapsed = (performance.now() - started) / 1000;
  return {
    seconds,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    requests: result.requests.total,
    statuses: statusesOf(result),
    errors: failures(result),
    addresses: addresses.used,
    mostPerAddress: addresses.mostPerAddress,
    serverCpuPercent: Math.round(((cpuSeconds(server.pid!) - cpuBefore) / elapsed) * 100),
    lagMaxMs: await lagMaxMs(base),
  };
}

interface Probe {
  status: number;
  text: string;
  /** Points charged: the budget less what the answer says remains (a fresh address each). */
  cost: number | null;
  budget: number | null;
  windowSeconds: number | null;
}

/** One request from `address`; shed (503) while the server lags, it is sent again after Retry-After. */
async function probe(url: string, body: string, address: string): Promise<Probe> {
  let response: Response;
  let text: string;
  for (let attempt = 1; ; attempt += 1) {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body });
    text = await response.text();
    if (response.status !== 503 || attempt === 10) break;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
  }
  const budget = Number(response.headers.get('ratelimit-limit') ?? NaN);
  const remaining = Number(response.headers.get('ratelimit-remaining') ?? NaN);
  const windowSeconds = Number(/;w=(\d+)/.exec(response.headers.get('ratelimit-policy') ?? '')?.[1] ?? NaN);
  const known = (n: number) => (Number.isFinite(n) ? n : null);
  return { status: response.status, text, cost: known(budget - remaining), budget: known(budget), windowSeconds: known(windowSeconds) };
}

function counter(metrics: string, name: string): number {
  const pattern = new RegExp(`^${name.replace(/[{}"=]/g, (c) => `\\${c}`)} (\\S+)$`, 'm');
  return Number(pattern.exec(metrics)?.[1] ?? 0);
}

function ratio(under: number, alone: number): number | null {
  return alone > 0 ? Number((under / alone).toFixed(2)) : null;
}

interface FloodReport {
  /** What the server ran with on top of production's defaults. */
  settings: Record<string, string>;
  coldStartMs: number;
  budget: number;
  windowSeconds: number;
  readerCost: number;
  floodCost: number;
  /** The size of one answer to the flood query. */
  floodAnswerBytes: number;
  /** How long the flood query took the first time, alone (cold), in ms, as the client saw it. */
  floodQueryMs: number;
  /** The refusal of the flood query with three more objects than allowed: the limit and its count. */
  overLimit: { status: number; code: unknown; max: unknown; found: unknown };
  readerAddressBudget: { requestsPerAddress: number; calibrationReqPerSec: number; pool: number; headroom: number };
  /** The reader's first run, which warms the server up and measures the rate the address pool is sized from. */
  calibration: ReaderRun;
  alone: ReaderRun;
  underFlood: ReaderRun;
  /** Under flood over alone. */
  ratio: { p50: number | null; p99: number | null; reqPerSec: number | null };
  flood: FloodResult & { connections: number; address: string; share429: number; shares: Record<string, number>; serverCpuPercent: number };
  /** The bench process's CPU use while the reader ran under the flood, in percent of one core. */
  readerClientCpuPercent: number;
  metrics: { rateLimitedAnonymous: number; overloadRefusals: number; deadlines: number };
  /** VmHWM of the server: after the reader ran alone, and over the whole scenario. */
  peakRssAloneBytes: number;
  peakRssBytes: number;
  /** What makes the figures less than they should be (printed after them). */
  warnings: string[];
}

/**
 * One client floods the costliest allowed query while readers load SectionFront (the issue): the
 * readers' p50/p99 against their run alone (target: within 2×), the flood's share of 429s, the
 * server's peak RSS (target: under 300 MB). The server runs as production would, with its default
 * protection, the response cache off so that every SectionFront is real work, and TRUST_PROXY=loopback
 * so that each client presents its address in X-Forwarded-For. The reader sends from many addresses,
 * none over its budget, over `--connections`; the flooder from one, over `--flood-connections` (10),
 * in a process of its own.
 */
async function floodScenario(databaseUrl: string): Promise<FloodReport> {
  const settings = { RESPONSE_CACHE: 'off', TRUST_PROXY: 'loopback' };
  const { child, base, coldStartMs } = await startServer(databaseUrl, 'flood', settings);
  try {
    const url = `${base}/graphql`;
    const readerBody = JSON.stringify({ query: operationText(SECTION_FRONT.name), variables: SECTION_FRONT.variables });
    const reader = await probe(url, readerBody, PROBE_ADDRESSES.reader);
    if (!isData(reader.text) || reader.cost === null || reader.budget === null) {
      throw new Error(`Flood: SectionFront failed or carried no RateLimit headers (are budgets on?): ${reader.status} ${reader.text.slice(0, 300)}`);
    }
    const floodStart = performance.now();
    const flood = await probe(url, FLOOD_BODY, PROBE_ADDRESSES.flood);
    const floodQueryMs = Math.round(performance.now() - floodStart);
    if (flood.status !== 200 || !isData(flood.text)) throw new Error(`Flood: the flood query was refused: ${flood.status} ${flood.text.slice(0, 300)}`);
    const over = await probe(url, OVER_LIMIT_BODY, PROBE_ADDRESSES.overLimit);
    const refusal = (JSON.parse(over.text) as { errors?: { extensions?: Record<string, unknown> }[] }).errors?.[0]?.extensions ?? {};
    const budget = reader.budget;
    const requestsPerAddress = Math.floor(budget / reader.cost);
    if (requestsPerAddress < 1) throw new Error(`Flood: SectionFront costs ${reader.cost}, more than a client's ${budget} points`);

    // The reader's rate, measured with a fresh address every requestsPerAddress requests; it sizes
    // the pool the measured runs rotate over, and warms the server up.
    const calibration = new ReaderAddresses(0, 1, requestsPerAddress);
    await settle();
    const calibrated = await driveReader(url, readerBody, Math.min(duration, 3), calibration, child);
    const pool = Math.max(connections, Math.ceil((READER_HEADROOM * calibrated.reqPerSec * duration) / requestsPerAddress));
    // Every run within one budget window, so each run has addresses of its own. Between runs, a pause
    // longer than the overload monitor's sample, so that a lag of the run before sheds nothing of the next.
    const aloneAddresses = new ReaderAddresses(calibration.used, pool, requestsPerAddress);
    await settle();
    const alone = await driveReader(url, readerBody, duration, aloneAddresses, child);
    const peakRssAloneBytes = peakRss(child);
    await settle();

    const flooder = fork(
      path.join(root, 'dist/bench/flood-client.js'),
      [JSON.stringify({ url, body: FLOOD_BODY, address: FLOODER_ADDRESS, connections: floodConnections, duration })],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    const [ready] = await once(flooder, 'message');
    if (ready !== 'ready') throw new Error('Flood: the flooding client did not start');
    const flooded = new Promise<FloodResult>((resolve, reject) => {
      flooder.once('message', (message) => resolve(message as FloodResult));
      flooder.once('exit', (code) => reject(new Error(`Flood: the flooding client exited (${code}) without its figures`)));
    });
    const floodCpuBefore = cpuSeconds(child.pid!);
    const clientCpu = process.cpuUsage();
    const floodStarted = performance.now();
    flooder.send('go');
    const underFlood = await driveReader(url, readerBody, duration, new ReaderAddresses(aloneAddresses.first + aloneAddresses.used, pool, requestsPerAddress), child);
    const readerClientCpu = process.cpuUsage(clientCpu);
    const floodResult = await flooded;
    const floodServerCpu = (cpuSeconds(child.pid!) - floodCpuBefore) / ((performance.now() - floodStarted) / 1000);
    const metrics = await (await fetch(`${base}/metrics`)).text();

    const answers = Object.values(floodResult.statuses).reduce((sum, n) => sum + n, 0);
    const warnings: string[] = [];
    if (refusal.code !== 'MAX_COST_EXCEEDED') warnings.push(`the flood query with three more objects was answered ${over.status} ${String(refusal.code)}, not refused for its cost: the flood may not be the costliest query allowed`);
    for (const [run, figures] of [['alone', alone], ['under flood', underFlood]] as const) {
      if (figures.statuses['429']) warnings.push(`the reader ${run} got ${figures.statuses['429']} 429s: its address pool was too small`);
      if (figures.statuses['503']) {
        warnings.push(
          `the server shed ${figures.statuses['503']} of the reader's requests ${run} (503: its event loop lagged past OVERLOAD_LAG_MS); ` +
            `its req/s and latency mix fast refusals with answers: rerun on a quieter machine (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`,
        );
      }
    }
    const shares = Object.fromEntries(Object.entries(floodResult.statuses).map(([status, n]) => [status, Number((n / Math.max(1, answers)).toFixed(4))]));
    return {
      settings,
      coldStartMs,
      budget,
      windowSeconds: reader.windowSeconds ?? NaN,
      readerCost: reader.cost,
      floodCost: flood.cost ?? NaN,
      floodAnswerBytes: Buffer.byteLength(flood.text),
      floodQueryMs,
      overLimit: { status: over.status, code: refusal.code, max: refusal.max, found: refusal.found },
      readerAddressBudget: { requestsPerAddress, calibrationReqPerSec: calibrated.reqPerSec, pool, headroom: READER_HEADROOM },
      calibration: calibrated,
      alone,
      underFlood,
      ratio: { p50: ratio(underFlood.p50, alone.p50), p99: ratio(underFlood.p99, alone.p99), reqPerSec: ratio(underFlood.reqPerSec, alone.reqPerSec) },
      flood: { ...floodResult, connections: floodConnections, address: FLOODER_ADDRESS, share429: shares['429'] ?? 0, shares, serverCpuPercent: Math.round(floodServerCpu * 100) },
      readerClientCpuPercent: Math.round(((readerClientCpu.user + readerClientCpu.system) / 1e6 / duration) * 100),
      metrics: {
        rateLimitedAnonymous: counter(metrics, 'masthead_rate_limited_total{client="anonymous"}'),
        overloadRefusals: counter(metrics, 'masthead_overload_refusals_total'),
        deadlines: counter(metrics, 'masthead_deadline_exceeded_total'),
      },
      peakRssAloneBytes,
      peakRssBytes: peakRss(child),
      warnings,
    };
  } finally {
    await stopServer(child);
  }
}

function printFlood(report: FloodReport): void {
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
  const statuses = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
  console.log(
    `\nFlood: SectionFront (cost ${report.readerCost}) read over ${connections} connections, each request from the next address of a pool of ${report.readerAddressBudget.pool} ` +
      `(${report.readerAddressBudget.requestsPerAddress} requests each fit in ${report.budget} points per ${report.windowSeconds} s), ` +
      `while ${report.flood.connections} connections from one address send a query costing ${report.floodCost} (${(report.floodAnswerBytes / 1024).toFixed(0)} KB answered; ` +
      `${report.floodQueryMs} ms alone and cold) ` +
      `(with 3 more objects: ${report.overLimit.status} ${String(report.overLimit.code)}${report.overLimit.code === 'MAX_COST_EXCEEDED' ? `, cost ${String(report.overLimit.found)} over ${String(report.overLimit.max)}` : ''}).`,
  );
  const row = (run: string, figures: { reqPerSec: number; p50: number; p99: number; requests: number; statuses: Record<string, number>; errors: number }, cpu: number, lag: number, addresses: number) => ({
    run,
    addresses,
    'req/s': Math.round(figures.reqPerSec),
    'p50 ms': figures.p50,
    'p99 ms': figures.p99,
    requests: figures.requests,
    statuses: statuses(figures.statuses),
    errors: figures.errors,
    'server CPU': `${cpu}%`,
    'lag max ms': lag,
  });
  console.table([
    row(`reader warm-up (${report.calibration.seconds} s)`, report.calibration, report.calibration.serverCpuPercent, report.calibration.lagMaxMs, report.calibration.addresses),
    row('reader alone', report.alone, report.alone.serverCpuPercent, report.alone.lagMaxMs, report.alone.addresses),
    row('reader under flood', report.underFlood, report.underFlood.serverCpuPercent, report.underFlood.lagMaxMs, report.underFlood.addresses),
    row('flood (same time)', report.flood, report.flood.serverCpuPercent, report.underFlood.lagMaxMs, 1),
  ]);
  const times = (n: number | null) => (n === null ? 'n/a' : `${n}×`);
  const within = (n: number | null) => (n !== null && n <= 2 ? 'within 2×' : 'OVER 2×');
  console.log(
    `reader under flood vs alone: p50 ${times(report.ratio.p50)} (${within(report.ratio.p50)}), p99 ${times(report.ratio.p99)} (${within(report.ratio.p99)}), req/s ${times(report.ratio.reqPerSec)}`,
  );
  console.log(
    `flood: ${report.flood.requests} requests, ${(report.flood.share429 * 100).toFixed(2)}% answered 429 (${statuses(report.flood.statuses)}), ${report.flood.errors} errors; ` +
      `server counted ${report.metrics.rateLimitedAnonymous} 429s, ${report.metrics.overloadRefusals} 503s from overload shedding, ${report.metrics.deadlines} deadlines`,
  );
  console.log(`server peak RSS ${mb(report.peakRssBytes)} (${report.peakRssBytes < 300 * 1048576 ? 'under' : 'OVER'} 300 MB; ${mb(report.peakRssAloneBytes)} after the reader alone)`);
  for (const warning of report.warnings) console.log(`WARNING: ${warning}`);
}

interface ImportReport {
  words: number;
  quotes: number;
  tags: number;
  runs: number;
  /** The first import, which creates the tags the database lacks (createdTags of them). */
  firstMs: number;
  createdTags: number;
  /** The imports after it, which find those tags. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The analysis alone (readCopy), in this process, without HTTP or SQL. */
  analysisP50Ms: number;
}

/** A story of 1,000 words or just over, made of the fixture copy (tests/fixtures/copy), paragraphs in order. */
function thousandWordStory(): string {
  const folder = path.join(root, 'tests', 'fixtures', 'copy');
  const paragraphs: string[] = [];
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()) {
    for (const line of fs.readFileSync(path.join(folder, file), 'utf8').split('\n')) {
      if (line.trim()) paragraphs.push(line);
      if (paragraphs.join(' ').split(/\s+/).length >= 1_000) return paragraphs.join('\n');
    }
  }
  return paragraphs.join('\n');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];

/** A token made as the CLI makes them, for a scenario that writes. */
async function benchToken(config: DatabaseConfig, name: string, role: Role): Promise<string> {
  const orm = await createOrm({ database: config });
  try {
    return await new TokenService(orm.em.fork()).create(name, role);
  } finally {
    await orm.close(true);
  }
}

interface SaveTimes {
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface SaveReport {
  /** Saves of the headline alone. */
  headline: SaveTimes;
  /** Saves that swap a tag as well. */
  tags: SaveTimes;
  /** Saves the server shed (503, OVERLOADED) and that were sent again, untimed. */
  shed: number;
}

/** How many shed requests (503) one scenario's editor sends again before giving up. */
const MAX_SHED_REQUESTS = 20;

/**
 * An editor's requests to a scenario's server. One the server sheds (503, OVERLOADED: it had just
 * started, or the machine was busy) changed nothing and is sent again, untimed: a shed save had left
 * the Save scenario's story half-edited for the next run. `timed` receives each answered request's time.
 */
function editorClient(base: string, token: string) {
  let shed = 0;
  const send = async (query: string, variables: Record<string, unknown>, timed?: number[]) => {
    for (;;) {
      const started = performance.now();
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = await response.text();
      if (response.status === 503 && shed < MAX_SHED_REQUESTS) {
        shed += 1;
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      timed?.push(performance.now() - started);
      return JSON.parse(body);
    }
  };
  return { send, shed: () => shed };
}

/**
 * The Save scenario (`--only Save`): updateArticle of one published story, one request at a time, as
 * an EDITOR, against a server as production runs it (response cache on, so each save evicts). Every
 * save changes the headline (the search index is rewritten) and every other one swaps a tag (the
 * SIMILAR lists it belongs in are recomputed). The target is under 20 ms. The story is put back after.
 */
async function saveScenario(config: DatabaseConfig, databaseUrl: string, runs = 40): Promise<SaveReport> {
  const name = `Bench save ${Date.now()}`;
  const token = await benchToken(config, name, Role.EDITOR);
  const { child, base } = await startServer(databaseUrl, 'save', { RATE_LIMIT: 'off' });
  const times: { headline: number[]; tags: number[] } = { headline: [], tags: [] };
  const { send, shed } = editorClient(base, token);
  try {
    const slug = `story-${Math.ceil(articles / 3)}`;
    const { article } = (await send('query($slug: String!) { article(slug: $slug) { id version headline tags { id } } }', { slug })).data;
    const spare = (await send('{ tags(first: 1, kind: TOPIC) { nodes { id } } }', {})).data.tags.nodes[0].id as string;
    const tagSets = [article.tags.map((tag: { id: string }) => tag.id), [...article.tags.slice(1).map((tag: { id: string }) => tag.id), spare]];
    const update = 'mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { version } userErrors { message } } }';
    let version = article.version as number;
    // Odd runs swap the tag, and the next odd run swaps it back; the last run puts the story back as it was.
    for (let run = 0; run <= runs; run++) {
      const last = run === runs;
      const tagIds = last ? tagSets[0] : run % 2 === 1 ? tagSets[((run - 1) / 2 + 1) % 2] : undefined;
      const input = { id: article.id, expectedVersion: version, headline: last ? article.headline : `${article.headline} (${run})`, tagIds };
      const answer = await send(update, { input }, last ? undefined : times[tagIds ? 'tags' : 'headline']);
      const saved = answer.data?.updateArticle;
      if (!saved?.article) throw new Error(`updateArticle failed: ${JSON.stringify(answer).slice(0, 300)}`);
      version = saved.article.version;
    }
  } finally {
    await stopServer(child);
  }
  const round = (ms: number) => Number(ms.toFixed(1));
  const summary = (list: number[]): SaveTimes => {
    const sorted = list.sort((a, b) => a - b);
    return { runs: sorted.length, p50Ms: round(percentile(sorted, 0.5)), p99Ms: round(percentile(sorted, 0.99)), maxMs: round(sorted[sorted.length - 1]) };
  };
  return { headline: summary(times.headline), tags: summary(times.tags), shed: shed() };
}

interface LiveReport {
  subscribers: number;
  entries: number;
  /** Events expected (entries × subscribers) and received. */
  expected: number;
  delivered: number;
  /** From the mutation being sent to a subscriber holding the entry, in ms. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The server's peak RSS over the scenario, and its RSS with every subscriber connected before the first entry. */
  peakRssBytes: number;
  connectedRssBytes: number;
}

/**
 * The Live scenario (`--only Live`): `subscribers` graphql-ws clients follow one liveblog on one
 * server (as production runs it), and an editor posts an entry a second. Each delivery is timed from
 * the mutation being sent to the subscriber holding the entry (events go out after the commit, before
 * the mutation answers). The target is p99 under 200 ms.
 */
async function liveScenario(config: DatabaseConfig, databaseUrl: string, subscribers = 1_000, entries = 20): Promise<LiveReport> {
  const token = await benchToken(config, `Bench live ${Date.now()}`, Role.EDITOR);
  const { child, base } = await startServer(databaseUrl, 'live', { RATE_LIMIT: 'off', LIVE_CONNECTIONS_PER_CLIENT: String(subscribers + 10) });
  const { send } = editorClient(base, token);
  const clients: Client[] = [];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const heard = new Array<number>(subscribers).fill(0);
  try {
    const { article } = (await send('query($slug: String!) { article(slug: $slug) { id version liveblog { state } } }', { slug: `story-${Math.ceil(articles / 2)}` })).data;
    if (article.liveblog?.state !== 'LIVE') {
      const set = 'mutation($input: SetLiveblogStateInput!) { setLiveblogState(input: $input) { userErrors { message } } }';
      const answer = await send(set, { input: { articleId: article.id, expectedVersion: article.version, state: 'LIVE' } });
      if (answer.data?.setLiveblogState.userErrors.length !== 0) throw new Error(`setLiveblogState failed: ${JSON.stringify(answer).slice(0, 300)}`);
    }
    const postEntry = async (title: string): Promise<void> => {
      const answer = await send('mutation($input: AddLiveblogEntryInput!) { addLiveblogEntry(input: $input) { entry { id } userErrors { message } } }', { input: { articleId: article.id, title, bodyMarkdown: `${title}: what we know so far.` } });
      if (!answer.data?.addLiveblogEntry.entry) throw new Error(`addLiveblogEntry failed: ${JSON.stringify(answer).slice(0, 300)}`);
    };
    const query = `subscription { liveblogEntries(articleId: "${article.id}") { change entry { id title publishedAt } } }`;
    for (let index = 0; index < subscribers; index++) {
      const client = createClient({ url: `${base.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: () => undefined });
      clients.push(client);
      client.subscribe<{ liveblogEntries: { entry: { title: string } | null } }>(
        { query },
        {
          next: (result) => {
            const at = performance.now();
            heard[index] += 1;
            const sent = sentAt.get(result.data?.liveblogEntries.entry?.title ?? '');
            if (sent !== undefined) latencies.push(at - sent);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    }
    // Every subscriber hears a warm-up entry before the timed ones: then all are subscribed.
    for (let attempt = 1; heard.some((count) => count === 0); attempt++) {
      if (attempt > 100) throw new Error(`only ${heard.filter(Boolean).length} of ${subscribers} subscribers went live`);
      await postEntry(`Warm-up ${attempt}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const connectedRssBytes = memory(child, 'VmRSS');
    for (let entry = 1; entry <= entries; entry++) {
      // Keyed by title, set before sending: events go out after the commit, before the answer.
      const sent = performance.now();
      sentAt.set(`Update ${entry}`, sent);
      await postEntry(`Update ${entry}`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (performance.now() - sent))));
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const sorted = latencies.sort((a, b) => a - b);
    const round = (ms: number) => Number(ms.toFixed(1));
    return {
      subscribers,
      entries,
      expected: subscribers * entries,
      delivered: sorted.length,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted[sorted.length - 1]),
      peakRssBytes: peakRss(child),
      connectedRssBytes,
    };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await stopServer(child);
  }
}

/**
 * The Import scenario (`--only Import`): importArticle of a 1,000-word story, one request at a time,
 * as a CONTRIBUTOR, against a server as production runs it. The drafts it made are deleted afterwards;
 * the tags the first import created stay, as they would in a newsroom.
 */
async function importScenario(config: DatabaseConfig, databaseUrl: string, runs = 40): Promise<ImportReport> {
  const text = thousandWordStory();
  const headline = `Bench import ${Date.now()}`;
  const token = await benchToken(config, headline, Role.CONTRIBUTOR);
  const { child, base } = await startServer(databaseUrl, 'import', { RESPONSE_CACHE: 'off', RATE_LIMIT: 'off' });
  const times: number[] = [];
  let found = { quotes: 0, tags: 0 };
  let createdTags = 0;
  try {
    const sections = JSON.parse(await post(`${base}/graphql`, JSON.stringify({ query: '{ sections { id } }' }))).data.sections;
    const body = JSON.stringify({
      query: 'mutation($input: ImportArticleInput!) { importArticle(input: $input) { article { id quotes { id } tags { id } } userErrors { message } } }',
      variables: { input: { headline, sectionId: sections[0].id, text, format: 'PLAIN' } },
    });
    const send = (payload: string) => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: payload });
    // Warmed by analyzeCopy of the same copy (which saves nothing), so that the first import measures its tags rather than a cold process.
    for (let run = 0; run < 3; run++) {
      await send(JSON.stringify({ query: 'query($input: AnalyzeCopyInput!) { analyzeCopy(input: $input) { analysis { wordCount } } }', variables: { input: { text } } }));
    }
    // Asked again after a 503: overload shedding stays on, as in production, and a busy machine trips it.
    const tagCount = async (): Promise<number> => {
      for (let tries = 0; ; tries++) {
        const answer = JSON.parse(await post(`${base}/graphql`, JSON.stringify({ query: '{ tags(first: 1) { totalCount } }' })));
        if (answer.data?.tags || tries === 20) return answer.data.tags.totalCount as number;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const tagsBefore = await tagCount();
    for (let run = 0; run < runs; run++) {
      if (run === 1) createdTags = (await tagCount()) - tagsBefore;
      const started = performance.now();
      const response = await send(body);
      const answer = await response.text();
      times.push(performance.now() - started);
      const article = JSON.parse(answer).data?.importArticle?.article;
      if (!article) throw new Error(`importArticle failed: ${answer.slice(0, 300)}`);
      found = { quotes: article.quotes.length, tags: article.tags.length };
    }
  } finally {
    await stopServer(child);
  }
  const cleanup = await createOrm({ database: config });
  try {
    await cleanup.em.getConnection().execute(cleanup.em.getKnex()('article').where('headline', headline).delete());
    await cleanup.em.getConnection().execute(cleanup.em.getKnex()('api_token').where('name', headline).delete());
  } finally {
    await cleanup.close(true);
  }
  const blocks = plainTextToBlocks(text);
  const analysis: number[] = [];
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    readCopy(blocks);
    analysis.push(performance.now() - started);
  }
  const steady = times.slice(1).sort((a, b) => a - b);
  const round = (ms: number) => Number(ms.toFixed(1));
  return {
    words: text.split(/\s+/).length,
    ...found,
    runs,
    firstMs: round(times[0]),
    createdTags,
    p50Ms: round(percentile(steady, 0.5)),
    p99Ms: round(percentile(steady, 0.99)),
    maxMs: round(steady[steady.length - 1]),
    analysisP50Ms: round(percentile(analysis.sort((a, b) => a - b), 0.5)),
  };
}

/** The SQL floor of an uncached front (PostgreSQL): its own statements, replayed as fast as the database answers them. */
interface SqlFloor {
  statements: number;
  /** Fronts' worth of statements a second: pgbench, prepared, `connections` clients, each replaying them in a loop. */
  frontsPerSec: number;
  /** The uncached SectionFront row's req/s over that, in the same run. */
  share: number;
  script: string;
  /** The driver floor (bench/driver-floor.ts): the same statements by the same driver, and the front's bytes answered as they are. */
  driver: {
    reqPerSec: number;
    cpuMsPerRequest: number;
    /** Its req/s over the SQL floor's fronts a second. */
    ofSqlFloor: number;
    /** The uncached SectionFront row's req/s over the driver floor's. */
    frontShare: number;
  };
}

/** A bound value written as SQL text; the planner sees the same literal the prepared statement's value gave it. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) return `'{${value.map((item) => (typeof item === 'string' ? `"${item.replace(/["\\]/g, '\\$&')}"` : String(item))).join(',').replace(/'/g, "''")}}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * The statements of one uncached front, as the service sends them (a server in this process, on the
 * same database, with the response cache off: the second of two fronts, as the row measures them),
 * replayed by pgbench in prepared mode over as many clients as the row's connections for as long as
 * a row. The front's req/s as a share of that floor holds on any machine: both run on it at once.
 */
async function sqlFloor(config: DatabaseConfig, body: string, front: { reqPerSec: number; answer: { text: string; headers: string[] } }): Promise<SqlFloor> {
  const defaults = loadConfig({});
  const app = await createApp(
    { ...defaults, port: 0, host: '127.0.0.1', database: config, seedDemo: false, cache: { ...defaults.cache, enabled: false, redis: null }, protection: { ...defaults.protection, rateLimit: { ...defaults.protection.rateLimit, enabled: false } }, logLevel: 'silent' },
    {},
  );
  try {
    await post(`${app.url}/graphql`, body);
    app.statements.trace = [];
    const answer = await post(`${app.url}/graphql`, body);
    if (!isData(answer)) throw new Error(`SQL floor: the front failed: ${answer.slice(0, 300)}`);
    const statements = app.statements.trace;
    app.statements.trace = null;
    // The statements of one turn went to PostgreSQL pipelined (SqlReader), and are replayed so.
    const lines: string[] = [];
    statements.forEach(({ sql, values, turn }, index) => {
      const together = (other: number) => statements[other]?.turn === turn;
      if (together(index + 1) && !together(index - 1)) lines.push('\\startpipeline');
      lines.push(`${sql.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]))};`);
      if (together(index - 1) && !together(index + 1)) lines.push('\\endpipeline');
    });
    const script = lines.join('\n');
    const file = path.join(root, 'bench', 'data', 'front.sql');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${script}\n`);
    const url = new URL(config.kind === 'postgresql' ? config.url : '');
    const { stdout } = await promisify(execFile)(
      'pgbench',
      ['-n', '-M', 'prepared', '-c', String(connections), '-j', '2', '-T', String(duration), '-f', file, '-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'), url.pathname.slice(1)],
      // With the planner settings the service gives each of its connections, so the floor plans as it does.
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password), PGOPTIONS: Object.entries(PLANNER_SETTINGS).map(([name, value]) => `-c ${name}=${value}`).join(' ') } },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    if (!tps) throw new Error(`SQL floor: pgbench printed no tps: ${stdout}`);
    const driver = await driverFloor(url.href, statements, front.answer, body);
    return {
      statements: statements.length,
      frontsPerSec: Math.round(tps),
      share: Number((front.reqPerSec / tps).toFixed(3)),
      script: path.relative(root, file),
      driver: { ...driver, ofSqlFloor: Number((driver.reqPerSec / tps).toFixed(3)), frontShare: Number((front.reqPerSec / driver.reqPerSec).toFixed(3)) },
    };
  } finally {
    await app.close();
  }
}

/**
 * The driver floor (bench/driver-floor.ts) over the row's connections for as long as a row: a server
 * that sends the front's statements as the service does and answers its bytes, and nothing else.
 */
async function driverFloor(databaseUrl: string, statements: TracedStatement[], answer: { text: string; headers: string[] }, body: string): Promise<{ reqPerSec: number; cpuMsPerRequest: number }> {
  const files = { statements: 'front.json', answer: 'front-answer.json', headers: 'front-answer-headers.json' };
  const at = (name: string) => path.join(root, 'bench', 'data', name);
  fs.writeFileSync(at(files.statements), JSON.stringify(statements));
  fs.writeFileSync(at(files.answer), answer.text);
  fs.writeFileSync(at(files.headers), JSON.stringify(answer.headers));
  const port = await freePort();
  const planner = Object.entries(PLANNER_SETTINGS).map(([name, value]) => `-c ${name}=${value}`).join(' ');
  const server = fork(
    path.join(root, 'dist/bench/driver-floor.js'),
    [at(files.statements), at(files.answer), at(files.headers), String(port), databaseUrl, String(POSTGRES_POOL.max), planner],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  try {
    await new Promise((resolve) => server.once('message', resolve));
    const { result, cpuMsPerRequest } = await driveMeasured(server, `http://127.0.0.1:${port}`, body);
    if (failures(result)) throw new Error(`driver floor: ${failures(result)} requests failed`);
    return { reqPerSec: Math.round(result.requests.average), cpuMsPerRequest };
  } finally {
    await stopServer(server);
  }
}

/** One row of compareBuilds: each build's medians over its turns, and the median of the turns' ratios. */
interface Comparison {
  operation: string;
  turns: { reqPerSec: number; cpuMsPerRequest: number; p99: number; errors: number }[][];
  reqPerSec: [number, number];
  cpuMsPerRequest: [number, number];
  p99: [number, number];
  errors: [number, number];
  /** This build's req/s over the other's, the median of the rounds' ratios. */
  ratio: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `--against <checkout>`: the uncached rows of this build and of another (built) checkout, both
 * servers up at once on the same database, in turns of --duration seconds, --rounds times each,
 * the first of each round alternating. This machine's speed drifts by tens of percent within minutes
 * (README, Benchmark), which runs of one build after the other cannot tell from a change: turns
 * side by side see the same drift, and the ratio of each round's pair holds.
 */
async function compareBuilds(databaseUrl: string, against: string): Promise<Comparison[]> {
  const trees = [root, path.resolve(against)];
  if (!fs.existsSync(path.join(trees[1], 'dist/src/main.js'))) throw new Error(`--against: ${trees[1]} holds no built server (dist/src/main.js): run npx tsc there`);
  const servers = [];
  for (const [index, tree] of trees.entries()) servers.push(await startServer(databaseUrl, index ? 'other' : 'this', { RESPONSE_CACHE: 'off', RATE_LIMIT: 'off' }, tree));
  try {
    const comparisons: Comparison[] = [];
    for (const { operation, body } of await scenarios(servers[0].base)) {
      for (const { base } of servers) {
        const answer = await post(`${base}/graphql`, body);
        if (!isData(answer)) throw new Error(`${operation} failed: ${answer.slice(0, 300)}`);
      }
      const turns: Comparison['turns'] = [[], []];
      for (let round = 0; round < Number(args.rounds); round += 1) {
        for (const index of round % 2 ? [1, 0] : [0, 1]) {
          const { result, cpuMsPerRequest } = await driveMeasured(servers[index].child, servers[index].base, body);
          turns[index].push({ reqPerSec: Math.round(result.requests.average), cpuMsPerRequest, p99: result.latency.p99, errors: failures(result) });
        }
      }
      const of = (key: 'reqPerSec' | 'cpuMsPerRequest' | 'p99') => turns.map((own) => median(own.map((turn) => turn[key]))) as [number, number];
      comparisons.push({
        operation,
        turns,
        reqPerSec: of('reqPerSec'),
        cpuMsPerRequest: of('cpuMsPerRequest'),
        p99: of('p99'),
        errors: turns.map((own) => own.reduce((sum, turn) => sum + turn.errors, 0)) as [number, number],
        ratio: Number(median(turns[0].map((turn, round) => turn.reqPerSec / Math.max(1, turns[1][round].reqPerSec))).toFixed(2)),
      });
    }
    return comparisons;
  } finally {
    for (const { child } of servers) await stopServer(child);
  }
}

async function main(): Promise<void> {
  const { config, url: databaseUrl, rebuild } = await prepareDatabase();
  if (args.against) {
    const comparisons = await compareBuilds(databaseUrl, args.against);
    console.log(`
${config.kind}, ${articles} articles, ${connections} connections, uncached: this build against ${path.resolve(args.against)}, ${args.rounds} turns of ${duration} s each`);
    console.table(
      comparisons.map((row) => ({
        operation: row.operation,
        'req/s this / other': row.reqPerSec.join(' / '),
        'ratio (median of rounds)': row.ratio,
        'CPU ms/req this / other': row.cpuMsPerRequest.join(' / '),
        'p99 ms this / other': row.p99.join(' / '),
        errors: row.errors.join(' / '),
      })),
    );
    const when = new Date().toISOString();
    writeReport(`${when}-${config.kind}-${articles}-against`, { when, database: config.kind, articles, against: path.resolve(args.against), rounds: Number(args.rounds), durationSeconds: duration, connections, comparisons });
    return;
  }
  const rows: Row[] = [];
  const servers: ServerRun[] = [];
  let work: Scenario[] = [];
  let frontAnswer: { text: string; headers: string[] } | undefined;
  const anyRow = ROWS.some((row) => selected(row.label ?? row.name));
  for (const mode of anyRow ? (['uncached', 'cached'] as const) : []) {
    // Budgets off: the rows send from one address (127.0.0.1) over 10 connections, and that address's
    // anonymous budget (RATE_LIMIT_ANONYMOUS, 20,000 points a minute by default) would last 23 uncached
    // SectionFronts (853 points each) or 20,000 cache hits (a point each: a second or two of a cached
    // row); the rest would be 429s. The rows measure what an operation costs the server; the Flood
    // scenario measures the budgets. The rest of the protection (limits, deadline, overload shedding)
    // stays as production has it.
    const { child, base, coldStartMs } = await startServer(databaseUrl, mode, { RESPONSE_CACHE: mode === 'cached' ? 'on' : 'off', RATE_LIMIT: 'off' });
    try {
      if (!work.length) work = await scenarios(base);
      for (const { operation, body } of work) {
        // The first request fills the cache; the second is answered as the measured ones are.
        const filled = await post(`${base}/graphql`, body);
        if (!isData(filled)) throw new Error(`${operation} failed: ${filled.slice(0, 300)}`);
        const answer = await answerOf(`${base}/graphql`, body);
        if (operation === SECTION_FRONT.name && mode === 'uncached') frontAnswer = answer;
        const before = await statements(base);
        const { result, cpuMsPerRequest } = await driveMeasured(child, base, body);
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
          errors: failures(result),
          statementsPerRequest: Number((sent / Math.max(1, result.requests.total)).toFixed(2)),
          cpuMsPerRequest,
          ceilingReqPerSec: Math.round(ceilingReqPerSec),
          ofCeiling: Number((result.requests.average / ceilingReqPerSec).toFixed(3)),
          statuses: statusesOf(result),
        });
      }
      servers.push({ mode, coldStartMs, peakRssBytes: peakRss(child) });
    } finally {
      await stopServer(child);
    }
  }
  const front = rows.find((row) => row.operation === SECTION_FRONT.name && row.mode === 'uncached');
  const floor =
    front && frontAnswer && config.kind === 'postgresql' ? await sqlFloor(config, work.find((scenario) => scenario.operation === SECTION_FRONT.name)!.body, { reqPerSec: front.reqPerSec, answer: frontAnswer }) : undefined;
  const flood = selected('Flood') ? await floodScenario(databaseUrl) : undefined;
  const imports = selected('Import') ? await importScenario(config, databaseUrl) : undefined;
  const saves = selected('Save') ? await saveScenario(config, databaseUrl) : undefined;
  const live = selected('Live') ? await liveScenario(config, databaseUrl) : undefined;

  const report = {
    when: new Date().toISOString(),
    command: `npm run bench -- --articles ${articles} --duration ${duration} --connections ${connections}${args.only ? ` --only ${args.only}` : ''}${floodConnections !== 10 ? ` --flood-connections ${floodConnections}` : ''}`,
    database: config.kind,
    articles,
    durationSeconds: duration,
    connections,
    node: process.version,
    /** The machine's load (1, 5, 15 min) as the run ended: other work on it moves every figure. */
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    servers,
    rows,
    floor,
    flood,
    imports,
    saves,
    live,
    /** Timed only when this run loaded the corpus (--fresh, or no database yet). */
    rebuild,
  };
  console.log(`\n${config.kind}, ${articles} articles, ${connections} connections, ${duration} s each`);
  for (const server of servers) {
    console.log(`${server.mode} server: cold start ${server.coldStartMs} ms, peak RSS ${(server.peakRssBytes / 1048576).toFixed(0)} MB`);
  }
  if (rows.length) {
    console.table(
      rows.map((row) => ({
        operation: row.operation,
        mode: row.mode,
        'req/s': row.reqPerSec,
        'p50 ms': row.p50,
        'p99 ms': row.p99,
        errors: row.errors,
        'SQL/req': row.statementsPerRequest,
        'CPU ms/req': row.cpuMsPerRequest,
        'bare node:http req/s': row.ceilingReqPerSec,
        'of bare': `${(row.ofCeiling * 100).toFixed(1)}%`,
      })),
    );
  }
  for (const row of rows.filter((candidate) => candidate.statuses['503'])) {
    console.log(`${row.operation} (${row.mode}): ${row.statuses['503']} answers were 503, overload shedding (the event loop lagged past OVERLOAD_LAG_MS)`);
  }
  if (floor) {
    console.log(
      `\nSQL floor: the ${floor.statements} statements of one uncached front (${floor.script}), replayed by pgbench (prepared, ${connections} clients): ${floor.frontsPerSec} fronts/s; ` +
        `the uncached SectionFront row is ${(floor.share * 100).toFixed(0)}% of that floor`,
    );
    console.log(
      `Driver floor: a server that sends those statements by node-postgres as the service does and answers the front's bytes as they are (bench/driver-floor.ts): ` +
        `${floor.driver.reqPerSec} req/s, CPU ${floor.driver.cpuMsPerRequest} ms/req, ${(floor.driver.ofSqlFloor * 100).toFixed(0)}% of the SQL floor; ` +
        `the uncached SectionFront row is ${(floor.driver.frontShare * 100).toFixed(0)}% of it`,
    );
  }
  if (flood) printFlood(flood);
  if (imports) {
    console.log(
      `\nImport: importArticle of a ${imports.words}-word story (${imports.quotes} quotes, ${imports.tags} tags), ${imports.runs} times one at a time: ` +
        `first ${imports.firstMs} ms (it created ${imports.createdTags} tags), then p50 ${imports.p50Ms} ms, p99 ${imports.p99Ms} ms, max ${imports.maxMs} ms; the analysis alone p50 ${imports.analysisP50Ms} ms`,
    );
  }
  if (saves) {
    const line = (what: string, times: SaveTimes) => `${what}, ${times.runs} times: p50 ${times.p50Ms} ms, p99 ${times.p99Ms} ms, max ${times.maxMs} ms`;
    console.log(
      `\nSave: updateArticle of a published story, one at a time (target under 20 ms): ${line('the headline', saves.headline)}; ${line('the headline and a tag', saves.tags)}` +
        (saves.shed ? `; ${saves.shed} shed (503) and sent again, untimed` : ''),
    );
  }
  if (live) {
    console.log(
      `\nLive: ${live.subscribers} subscribers to one liveblog, an entry a second for ${live.entries} s: ${live.delivered} of ${live.expected} deliveries, ` +
        `from the mutation sent to the subscriber holding the entry p50 ${live.p50Ms} ms, p99 ${live.p99Ms} ms (target under 200), max ${live.maxMs} ms; ` +
        `server RSS ${(live.connectedRssBytes / 1048576).toFixed(0)} MB with every subscriber connected, peak ${(live.peakRssBytes / 1048576).toFixed(0)} MB`,
    );
  }
  writeReport(`${report.when}-${config.kind}-${articles}`, report);
}

/** Writes a run's figures to bench/results/<name>.json (the instant in the name made file-safe). */
function writeReport(name: string, report: object): void {
  const out = path.join(root, 'bench', 'results', `${name.replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, out)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
