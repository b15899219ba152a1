/**
 * Fuzzing the whole HTTP surface from one fixed seed: thousands of requests (queries and mutations
 * generated from the schema, wrong variable types, malformed bodies, odd content types, huge strings,
 * deep nesting, odd unicode, odd HTTP) over GET and POST, anonymous, with the editor token and with
 * garbage tokens. Every answer must be below 500, must hold no stack trace, SQL or file path, and must
 * not be an INTERNAL_SERVER_ERROR or SERVICE_UNAVAILABLE in a 200 either (a server error in all but its
 * status); afterwards the server still answers /healthz and a plain query.
 *
 * Reproducible: every random choice comes from SEED, either through fast-check (`fc.sample` with the
 * seed, for the pools of odd strings and JSON values) or through the small PRNG below (the schema walk
 * and the mix of requests). The app's ids, slugs and cursors come from a freshly seeded database, so
 * the same seed sends the same requests on every run (which of several concurrent mutations wins a
 * race is the only thing that may differ). Two phases: ~5,600 requests 12 at a time, then a few
 * CPU-heavy documents one at a time, each timed alone against CPU_BUDGET_MS.
 *
 * Failures are grouped by problem and by the cause the app logged for them, with requests to reproduce.
 * FUZZ_REPORT=/tmp/fuzz.json writes every failure whole (request, answer, the app's log entry).
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import fc from 'fast-check';
import {
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMastheadSchema } from '../../src/schema/build-schema';
import { startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';

const SEED = 20261204;
/** Requests in flight at once in the main phase. */
const CONCURRENCY = 12;
/** A request with no answer by then is a failure (a hang), not a wait. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Any answer slower than this in the concurrent phase is a failure: something blocked the server. */
const SLOW_MS = 10_000;
/** The CPU-heavy documents run one at a time; each must be answered within this, alone. */
const CPU_BUDGET_MS = 2_000;

// ─── What an answer must never hold ─────────────────────────────────────────────────────────────────
//
// The checks run on the response body as sent (raw) and on the strings inside its JSON `errors` and in
// any `message` field (decoded, so a stack's newlines are real newlines there). The fuzz inputs are
// filtered through the same patterns (`isClean`), so any match comes from the service, never from an
// input it echoed back in an error message.

/** V8 stack frames ("\n    at fn (…)") and a `stacktrace` extension. Raw JSON escapes newlines, so the
 * newline form is looked for in decoded error texts, and the frame form `at fn (file:1:2)` in the raw body. */
const STACK_IN_ERRORS = /\n\s+at /;
const STACK_ANYWHERE = [/stacktrace/i, /\bat [\w$.<>[\] ]+ \([^()]*:\d+:\d+\)/];
/** SQL shape (a verb and then from/into/set): only in error texts and messages, where no prose belongs. */
const SQL_SHAPE = /\b(select|insert|update|delete)\b.*\b(from|into|set)\b/i;
/** Database and driver wording, which no legitimate answer holds anywhere (data included). */
const DB_MARKERS =
  /SQLITE_|syntax error at or near|relation "|DriverException|unrecognized token|violates [\w-]+ constraint|invalid input syntax for|out of range for type|invalid byte sequence|\bknex\b|mikro-?orm|better-sqlite/i;
/** Server file paths and source positions. */
const FILE_PATHS = /(\/work\/|\/home\/|node_modules|\.ts:\d+|\.js:\d+)/;

/** Inputs hold none of the leak patterns (nor any SQL verb), so an echo can never read as a leak. */
function isClean(text: string): boolean {
  return !(
    STACK_IN_ERRORS.test(text) ||
    STACK_ANYWHERE.some((pattern) => pattern.test(text)) ||
    /\b(select|insert|update|delete)\b/i.test(text) ||
    DB_MARKERS.test(text) ||
    FILE_PATHS.test(text)
  );
}

// ─── A seeded PRNG for the schema walk and the mix (mulberry32) ────────────────────────────────────

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }
  /** Up to `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle([...items]).slice(0, n);
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  weighted<T>(entries: readonly (readonly [number, T])[]): T {
    const total = entries.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of entries) if ((roll -= weight) < 0) return value;
    return entries[entries.length - 1][1];
  }
}

// ─── fast-check pools of odd values, from the seed ─────────────────────────────────────────────────

/** Characters that break naive code: NUL, bidi controls, zero-width, BOM, non-characters, combining
 * marks, emoji sequences, line separators, escapes, quotes and LIKE/FTS wildcards. */
const SPECIAL_CHARS = [
  '\u0000', '\u0001', '\u001b[31m', '\u007f', '\u0085', '\u00ad', '\u034f', '\u180e', '\u200b', '\u200d', '\u200e', '\u200f',
  '\u202a', '\u202e', '\u2066', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\ufffd', '\u{10ffff}', '\u{e0001}', '\u0301',
  '\u0336', '\u{1f600}', '👩‍👩‍👧‍👦', '🇰🇷', '🏳️‍🌈', 'ﷺ', 'ǅ', 'ß', 'İ', 'ﬃ', '\t', '\r\n', '\\', '"', "'", '`', '%', '_', '*', '$', '{', '}', '#',
  'Z̴̡̛̖͈͖̳̦̜̟̮̰̓̃̈́̊̾̎͗̌̕͘͝', 'שָׁלוֹם', 'مرحبا', '北朝鮮', 'Ελλάδα', '\u0e01\u0e34\u0e4a\u0e4a\u0e4a\u0e4a',
];
const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const ODD_UNIT = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: LONE_SURROGATE },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
);
const ODD_STRINGS = fc.sample(fc.string({ unit: ODD_UNIT, minLength: 0, maxLength: 24 }), { seed: SEED, numRuns: 800 }).filter(isClean);
/** Values of every JSON type, for variables of the wrong type. */
const WRONG_JSON: unknown[] = fc
  .sample(
    fc.oneof(
      { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e21, 1e308, -1e308, '', ' ', '0', 'true', 'null', '1e3', [], {}, [null], { a: null }) },
    ),
    { seed: SEED + 1, numRuns: 600 },
  )
  .filter((value) => isClean(JSON.stringify(value) ?? ''));
const EDGE_INTS: number[] = fc.sample(
  fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2)),
  { seed: SEED + 2, numRuns: 200 },
);
const RANDOM_BYTES: Uint8Array[] = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), { seed: SEED + 3, numRuns: 80 });

// ─── Hand-made pools: realistic values, and hostile values of the right type ───────────────────────

const WORDS = ['Kim', 'Saeppyol', 'harbour', 'typhoon', 'election', 'grain', 'ferry', 'city', 'hall', 'Korea', 'Russia', 'climate', 'ports', 'flyway', 'birds', 'theatre', 'festival', 'school', 'monsoon', 'delta', 'shipping', 'pledge', 'council', 'budget', 'housing', 'energy', 'market', 'rail', 'line', 'Eastbridge'];
/** Things search engines treat as syntax (FTS5, tsquery, LIKE), and injection-shaped text. */
const HOSTILE_TEXT = [
  'NEAR(kim jong)', 'kim*', '^kim', 'headline:kim', 'kim OR jong', 'AND', 'NOT', 'OR', '"unclosed', '-', '--', '"', '""', '" "', '(', ')', '((((', ':*', '&', '|', '!',
  "'", "''", "kim's", "a & b | !c", "'kim' & 'jong'", '<->', 'x:*A', '*', '+', '%', '%%', '_', '\\', '\\%', '%_%', '[a-z]', '{}', '{a}', 'null', 'undefined', 'NaN',
  "' OR '1'='1", '1; DROP TABLE article; --', '" OR ""="', "%' --", "' || '", '$1', '?', ':name', "\\'", '0x00', "'; --", '${7*7}', '{{7*7}}', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '../../etc/passwd', '..\\..\\win.ini', '%00', '%2e%2e%2f', '\u0000kim', 'kim\u0000', ' ', '   ', '\n', '-"a phrase"', '-kim -jong',
  '"kim jong un" -russia', 'a'.repeat(300), 'kim '.repeat(40), '-'.repeat(50), '"'.repeat(51),
].filter(isClean);
const MARKDOWN = [
  '## A heading\n\nA paragraph with *emphasis*, **strong** and [a link](https://example.com).\n\n- one\n- two',
  'Kim said "it is a fine day" to the crowd.\n\n1. first\n2. second',
  '> a block quote\n> over two lines\n\nAnd a paragraph.',
  '<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>',
  '[click](javascript:alert(1)) <img src=x onerror=alert(1)> <a href="data:text/html,x">x</a>',
  '```\ncode block\n```\n\n    indented code',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '#### Deep heading\n\n###### Deeper\n\n# Top',
  '', ' ', '\n\n\n', '*', '_', '[', '](', '<', '<!--', '&amp;&lt;&#0;&#x110000;',
  '![image](https://example.com/x.png "title")',
  'Line one  \nLine two\\\nLine three',
  '- a\n  - b\n    - c\n      - d',
  '"unclosed quote said Kim',
];

function slugish(rng: Rng): string {
  return rng.sample(WORDS, rng.int(1, 3)).join('-').toLowerCase() + (rng.chance(0.5) ? `-${rng.int(1, 9999)}` : '');
}
function sentence(rng: Rng): string {
  return rng
    .sample(WORDS, rng.int(1, 8))
    .join(' ')
    .replace(/^\w/, (c) => c.toUpperCase());
}

// ─── What the seeded database holds (read once, before generating) ─────────────────────────────────

interface Pools {
  ids: Record<'Article' | 'Section' | 'Tag' | 'Author' | 'Quote' | 'Image', string[]>;
  articleSlugs: string[];
  tagSlugs: string[];
  authorSlugs: string[];
  sectionPaths: string[];
  uris: string[];
  cursors: string[];
  versions: number[];
}

async function readPools(test: TestApp): Promise<Pools> {
  const ask = async (query: string) => {
    const res = await fetch(test.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${test.app.prepared.demoToken}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`setup query failed: ${JSON.stringify(body).slice(0, 500)}`);
    return body.data as Record<string, any>;
  };
  const articles = await ask('{ articles(first: 100) { edges { cursor node { id slug uri version mainImage { id } } } } }');
  const extras = await ask('{ articles(first: 40) { nodes { quotes { id } } } }');
  const lists = await ask(
    '{ sections { id path children { id path children { id path } } } tags(first: 100) { edges { cursor node { id slug } } } authors(first: 100) { edges { cursor node { id slug } } } quotes(first: 50) { edges { cursor } } search(query: "korea") { edges { cursor } } }',
  );
  const sections: { id: string; path: string }[] = [];
  const walk = (list: any[]) => {
    for (const section of list ?? []) {
      sections.push(section);
      walk(section.children);
    }
  };
  walk(lists.sections);
  const articleNodes = articles.articles.edges.map((edge: any) => edge.node);
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => typeof v === 'string'))];
  return {
    ids: {
      Article: articleNodes.map((node: any) => node.id),
      Section: sections.map((section) => section.id),
      Tag: lists.tags.edges.map((edge: any) => edge.node.id),
      Author: lists.authors.edges.map((edge: any) => edge.node.id),
      Quote: unique(extras.articles.nodes.flatMap((node: any) => node.quotes.map((quote: any) => quote.id))),
      Image: unique(articleNodes.map((node: any) => node.mainImage?.id)),
    },
    articleSlugs: articleNodes.map((node: any) => node.slug),
    tagSlugs: lists.tags.edges.map((edge: any) => edge.node.slug),
    authorSlugs: lists.authors.edges.map((edge: any) => edge.node.slug),
    sectionPaths: sections.map((section) => section.path),
    uris: articleNodes.map((node: any) => node.uri),
    cursors: [
      ...articles.articles.edges.map((edge: any) => edge.cursor),
      ...lists.tags.edges.map((edge: any) => edge.cursor),
      ...lists.authors.edges.map((edge: any) => edge.cursor),
      ...lists.quotes.edges.map((edge: any) => edge.cursor),
      ...lists.search.edges.map((edge: any) => edge.cursor),
    ],
    versions: articleNodes.map((node: any) => node.version),
  };
}

// ─── Requests ──────────────────────────────────────────────────────────────────────────────────────

type Kind =
  | 'schema-query'
  | 'schema-mutation'
  | 'wrong-variables'
  | 'malformed-body'
  | 'content-type'
  | 'huge-string'
  | 'deep-nesting'
  | 'odd-unicode'
  | 'http-edge'
  | 'cpu-bomb';
type Auth = 'anonymous' | 'editor' | 'garbage';

interface FuzzRequest {
  kind: Kind;
  /** A few words on what was generated, for failure reports. */
  note: string;
  method: string;
  /** Path and query string, e.g. /graphql?query=… */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  auth: Auth;
}

interface GraphQLPayload {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** An enum value: bare in a GraphQL literal, a string in JSON variables. */
class EnumValue {
  constructor(readonly name: string) {}
}
type Value = null | boolean | number | string | EnumValue | Value[] | { [key: string]: Value };

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A GraphQL literal for a value; JSON string syntax is GraphQL string syntax (lone surrogates aside). */
function literal(value: Value, rng: Rng): string {
  if (value === null) return 'null';
  if (value instanceof EnumValue) return value.name;
  if (typeof value === 'string') {
    if (rng.chance(0.05) && !value.includes('"""') && !value.includes('\\')) return `"""${value}"""`;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '-0' : String(value)) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, rng)).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item], index) => `${NAME.test(key) ? key : `k${index}`}: ${literal(item, rng)}`)
    .join(', ')}}`;
}

function toJson(value: Value): unknown {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  return value;
}

/** Percent-encodes every byte outside the unreserved set; lone surrogates go out as U+FFFD, as a browser would send them. */
function encodeParam(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Everything the schema walk and the hand-made generators need: the seed's PRNG, the schema, the pools. */
class Generator {
  readonly schema: GraphQLSchema;
  private readonly forgedIds: string[];
  private readonly mutatedCursors: string[];

  constructor(
    readonly rng: Rng,
    readonly pools: Pools,
    readonly editorToken: string,
  ) {
    this.schema = buildMastheadSchema();
    const types = ['Article', 'Section', 'Tag', 'Author', 'Quote', 'Image', 'Foo', 'Viewer', 'article', ''];
    const numbers = ['0', '1', '7', '99999', '2147483647', '2147483648', '9007199254740993', '9999999999999999', '-1', '1.5', '01', '1e3', ' 1', ''];
    this.forgedIds = [
      ...types.flatMap((type) => numbers.map((n) => b64url(`${type}:${n}`))),
      '', ' ', '=', '==', 'QXJ0aWNsZTox=', 'QXJ0aWNsZTox\n', 'QXJ0+aWNsZTox/', 'a'.repeat(64), 'a'.repeat(65), b64url('Article:1:2'), b64url('Article:1\u0000'),
      b64url('{"type":"Article","id":1}'), 'null', 'undefined', '🎉', '\u0000', '../1',
    ];
    // Cursors of the right shape with the wrong content: out-of-range numbers, odd strings, wrong orderings.
    this.mutatedCursors = [];
    for (const cursor of pools.cursors) {
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        continue;
      }
      if (!Array.isArray(decoded)) continue;
      for (let variant = 0; variant < 3; variant++) {
        const copy = decoded.map((part, index) => {
          if (index === 0) return variant === 2 ? rng.pick(['', 'x', 'NEWEST', 'OLDEST', 'name', 'search']) : part;
          if (typeof part === 'number') return rng.pick([1e308, -1e308, 2 ** 63, -(2 ** 63), 2 ** 31, -1, 0, 1.5, 8.64e15, 8.64e15 + 1, -8.64e15 - 1]);
          if (typeof part === 'string') return rng.pick(['', '\u0000', 'zzzz', '\u{10ffff}', 'a'.repeat(400), "'", '%', '9999-99-99']);
          return part;
        });
        if (variant === 1) copy.push(rng.pick([1, 'x', null]));
        this.mutatedCursors.push(b64url(JSON.stringify(copy)));
      }
    }
  }

  odd(): string {
    return this.rng.pick(ODD_STRINGS);
  }

  hostile(): string {
    return this.rng.pick(HOSTILE_TEXT);
  }

  /** An ID for an argument named by `hint`: mostly a real one of the right type. */
  id(hint: string): string {
    const { rng, pools } = this;
    const type =
      /section|parent/i.test(hint) ? 'Section'
      : /tag|speaker|reportedBy/i.test(hint) ? 'Tag'
      : /author/i.test(hint) ? 'Author'
      : /image/i.test(hint) ? 'Image'
      : /quote/i.test(hint) ? 'Quote'
      : /article|publish|archive|unpublish|Correction|Coverage|Revision/i.test(hint) ? 'Article'
      : rng.pick(['Article', 'Section', 'Tag', 'Author', 'Quote', 'Image'] as const);
    return rng.weighted<() => string>([
      [75, () => rng.pick(pools.ids[type].length ? pools.ids[type] : pools.ids.Article)],
      [10, () => rng.pick(pools.ids[rng.pick(['Article', 'Section', 'Tag', 'Author', 'Quote', 'Image'] as const)])],
      [12, () => rng.pick(this.forgedIds)],
      [3, () => this.odd()],
    ])();
  }

  cursor(): string {
    const { rng } = this;
    return rng.weighted<() => string>([
      [45, () => rng.pick(this.pools.cursors)],
      [35, () => rng.pick(this.mutatedCursors)],
      [10, () => rng.pick(this.forgedIds)],
      [10, () => this.odd()],
    ])();
  }

  /** A string for an argument or input field named by `hint`. */
  string(hint: string): string {
    const { rng, pools } = this;
    if (rng.chance(0.12)) return this.odd();
    if (rng.chance(0.08)) return this.hostile();
    if (/(^|\.)after$/.test(hint)) return this.cursor();
    if (/^article\.slug$/.test(hint)) return rng.chance(0.85) ? rng.pick(pools.articleSlugs) : slugish(rng);
    if (/^tag\.slug$|Filter\.(tag|speaker)$/.test(hint)) return rng.chance(0.85) ? rng.pick(pools.tagSlugs) : slugish(rng);
    if (/^author\.slug$|Filter\.author$/.test(hint)) return rng.chance(0.85) ? rng.pick(pools.authorSlugs) : slugish(rng);
    if (/slug$/i.test(hint)) return rng.chance(0.3) ? rng.pick(pools.articleSlugs) : slugish(rng);
    if (/^route\.path$/.test(hint))
      return rng.weighted<() => string>([
        [50, () => rng.pick(pools.uris)],
        [15, () => `/${rng.pick(pools.sectionPaths)}`],
        [10, () => `/tag/${rng.pick(pools.tagSlugs)}`],
        [10, () => `/author/${rng.pick(pools.authorSlugs)}`],
        [15, () => rng.pick(['/', '//', '', '/../..', '/world//asia', '/WORLD/ASIA', '/tag/', '/author/', `${rng.pick(pools.uris)}/`, `${rng.pick(pools.uris)}?x=1#y`, '/a/'.repeat(200), '%2e%2e/', '/world/asia/nope'])],
      ])();
    if (/path$|Filter\.section$/.test(hint)) return rng.chance(0.85) ? rng.pick(pools.sectionPaths) : rng.pick(['', '/', 'world/', '/world', 'world//asia', 'a/'.repeat(100), 'world/asia/extra']);
    if (/query$/i.test(hint)) return rng.chance(0.6) ? rng.sample(WORDS, rng.int(1, 4)).join(' ') : this.hostile();
    if (/bodyMarkdown$|^ImportArticleInput\.text$/.test(hint)) return rng.pick(MARKDOWN);
    if (/name$/i.test(hint) && /revokeApiToken/.test(hint)) return rng.pick(['demo', 'nobody', '', 'Demo editor']);
    return sentence(rng);
  }

  int(hint: string): number {
    const { rng } = this;
    if (/first$/.test(hint)) return rng.weighted<number>([[55, rng.int(0, 5)], [20, rng.int(6, 30)], [10, rng.int(31, 100)], [15, rng.pick([-1, 101, 1000, 2 ** 31 - 1, -(2 ** 31)])]]);
    if (/[vV]ersion$/.test(hint)) return rng.weighted<number>([[50, rng.pick(this.pools.versions.length ? this.pools.versions : [1])], [35, rng.int(0, 6)], [15, rng.pick(EDGE_INTS)]]);
    if (/level$/.test(hint)) return rng.int(0, 7);
    return rng.chance(0.7) ? rng.int(-2, 50) : rng.pick(EDGE_INTS);
  }

  dateTime(): string {
    const { rng } = this;
    if (rng.chance(0.8)) {
      const date = new Date(Date.UTC(rng.int(1990, 2035), rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59), rng.int(0, 59), rng.int(0, 999)));
      const iso = date.toISOString();
      return rng.pick([iso, iso.replace('Z', '+09:00'), iso.replace(/\.\d+Z$/, 'Z'), iso.replace(/:\d\d\.\d+Z$/, '-05:30')]);
    }
    return rng.pick([
      '0001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999+14:00', '2026-02-30T25:61:61Z', '1969-12-31T23:59:59.999Z',
      '2026-11-26', '2026-11-26T09:30', 'yesterday', '', '1e3', '2026-11-26T09:30:00.000Z\u0000', '+275760-09-13T00:00:00.000Z', '2026-11-26T09:30:00-99:99',
    ]);
  }

  /** A value of roughly any type but `type`'s: the wrong JSON type, a null for a non-null, an unknown field. */
  wrongValue(type: GraphQLInputType): Value {
    const { rng } = this;
    const named = getNamedType(type);
    return rng.weighted<() => Value>([
      [35, () => rng.pick(WRONG_JSON) as Value],
      [15, () => null],
      [10, () => this.odd()],
      [10, () => rng.pick(EDGE_INTS)],
      [10, (): Value => (isInputObjectType(named) ? { nope: 1, [Object.keys(named.getFields())[0]]: { deeper: [1, 2] } } : { value: 'x' })],
      [10, () => (isEnumType(named) ? rng.pick(['nope', named.getValues()[0].name.toLowerCase(), '']) : rng.pick([true, 1.5, [], ['x', 1]]))],
      [10, () => new EnumValue(rng.pick(['NOPE', 'NEWEST', 'TOPIC', 'true', 'null']))],
    ])();
  }

  /** A value for an input type: mostly right, wrong with probability `wrong` at each level. */
  input(type: GraphQLInputType, hint: string, wrong: number, depth = 0): Value {
    const { rng } = this;
    if (rng.chance(wrong)) return this.wrongValue(type);
    const nonNull = isNonNullType(type);
    const inner = nonNull ? type.ofType : type;
    if (!nonNull && rng.chance(0.05)) return null;
    if (isListType(inner)) {
      if (rng.chance(0.1)) return this.input(inner.ofType, hint, wrong, depth + 1);
      return Array.from({ length: rng.weighted([[70, rng.int(0, 3)], [25, rng.int(4, 12)], [5, rng.int(13, 60)]]) }, () => this.input(inner.ofType, hint, wrong, depth + 1));
    }
    if (isEnumType(inner)) return new EnumValue(rng.pick(inner.getValues()).name);
    if (isInputObjectType(inner)) {
      const out: Record<string, Value> = {};
      for (const field of Object.values(inner.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (required ? !rng.chance(wrong * 0.2) : rng.chance(depth > 2 ? 0.1 : 0.45)) out[field.name] = this.input(field.type, `${inner.name}.${field.name}`, wrong, depth + 1);
      }
      return out;
    }
    switch (inner.name) {
      case 'Boolean':
        return rng.chance(0.5);
      case 'Int':
        return this.int(hint);
      case 'Float':
        return rng.chance(0.5) ? rng.next() * 100 : rng.pick(EDGE_INTS);
      case 'DateTime':
        return this.dateTime();
      case 'ID':
        return this.id(hint);
      default:
        return this.string(hint);
    }
  }

  token(auth: Auth): string | undefined {
    const { rng } = this;
    if (auth === 'anonymous') return undefined;
    if (auth === 'editor') return rng.chance(0.9) ? `Bearer ${this.editorToken}` : rng.pick([`bearer ${this.editorToken}`, `Bearer   ${this.editorToken}  `]);
    return rng.pick([
      'Bearer nope', `Bearer ${this.editorToken.slice(0, -1)}x`, `Bearer ${this.editorToken}x`, 'Basic dXNlcjpwYXNz', 'Bearer', 'bearer ', 'Token abc', `Bearer a b`,
      `Bearer mh_${b64url(String(rng.next()))}`, `Bearer ${'x'.repeat(rng.int(200, 4000))}`, 'Bearer \u00ff\u00fe\u00e9', 'Bearer null', 'Bearer undefined', `Bearer ${this.editorToken} ${this.editorToken}`,
      `Bearer ${encodeURIComponent("' OR '1'='1")}`, 'Bearer %00',
    ]);
  }

  auth(weights: readonly [number, number, number]): Auth {
    return this.rng.weighted<Auth>([[weights[0], 'anonymous'], [weights[1], 'editor'], [weights[2], 'garbage']]);
  }

  // ── The schema walk ──

  /** An operation over the schema: fields chosen at random with arguments (inline or as variables), aliases,
   * named and inline fragments, directives, and, with probability `wrong`, mistakes of every kind. */
  operation(root: 'query' | 'mutation', options: { wrong: number; variableChance: number; maxDepth: number }): GraphQLPayload {
    const { rng, schema } = this;
    const { wrong, variableChance, maxDepth } = options;
    const declarations: string[] = [];
    const variables: Record<string, unknown> = {};
    const fragments: string[] = [];
    let counter = 0;

    const argument = (arg: GraphQLArgument, hint: string): string => {
      const value = this.input(arg.type, hint, wrong);
      if (!rng.chance(variableChance)) return `${arg.name}: ${literal(value, rng)}`;
      const name = `v${counter++}`;
      const declared = rng.chance(wrong * 0.3) ? rng.pick(['String', 'Int', 'ID!', '[String]', 'Boolean!', 'DateTime', 'ArticleFilter', 'Nope', '[[ID!]!]', 'Article']) : String(arg.type);
      const withDefault = !isNonNullType(arg.type) && rng.chance(0.05) ? ` = ${literal(this.input(arg.type, hint, 0), rng)}` : '';
      declarations.push(`$${name}: ${declared}${withDefault}`);
      if (!rng.chance(0.03 + wrong * 0.1)) variables[name] = toJson(value);
      return `${arg.name}: $${name}`;
    };

    const directive = (): string => {
      const which = rng.pick(['include', 'skip']);
      if (rng.chance(0.3)) {
        const name = `v${counter++}`;
        declarations.push(`$${name}: Boolean!`);
        variables[name] = rng.chance(wrong) ? rng.pick(WRONG_JSON) : rng.chance(0.5);
        return `@${which}(if: $${name})`;
      }
      return rng.chance(wrong * 0.2) ? rng.pick(['@nope', '@deprecated', '@include', '@skip(if: "yes")', '@specifiedBy(url: "x")']) : `@${which}(if: ${rng.chance(0.5)})`;
    };

    const field = (def: GraphQLField<unknown, unknown>, depth: number): string => {
      const alias = rng.chance(0.08) ? `a${counter++}: ` : '';
      const args: string[] = [];
      for (const arg of def.args) {
        const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
        if (required ? !rng.chance(wrong * 0.1) : rng.chance(0.4)) args.push(argument(arg, `${def.name}.${arg.name}`));
      }
      if (rng.chance(wrong * 0.05)) args.push(`bogus${counter++}: 1`);
      const named = getNamedType(def.type);
      let sub = isLeafType(named) ? '' : ` { ${selection(named as GraphQLCompositeType, depth + 1)} }`;
      if (rng.chance(wrong * 0.03)) sub = isLeafType(named) ? ' { id }' : '';
      return `${alias}${def.name}${args.length ? `(${args.join(', ')})` : ''}${rng.chance(0.03) ? ` ${directive()}` : ''}${sub}`;
    };

    const selection = (type: GraphQLCompositeType, depth: number): string => {
      const parts: string[] = [];
      if (isUnionType(type)) {
        if (rng.chance(0.5)) parts.push('__typename');
        for (const member of rng.sample(type.getTypes(), rng.int(1, 3))) parts.push(`... on ${member.name} { ${selection(member, depth)} }`);
      } else {
        const fields = Object.values(type.getFields());
        const bottom = depth >= maxDepth;
        const candidates = bottom ? fields.filter((def) => isLeafType(getNamedType(def.type))) : fields;
        for (const def of rng.sample(candidates, rng.int(1, bottom ? 3 : 4))) parts.push(field(def, depth));
        if (candidates.length === 0 || rng.chance(0.1)) parts.push('__typename');
        if (isInterfaceType(type)) for (const impl of rng.sample(schema.getPossibleTypes(type), rng.int(0, 2))) parts.push(`... on ${impl.name} { ${selection(impl, depth)} }`);
      }
      if (rng.chance(0.05)) {
        const name = `F${counter++}`;
        fragments.push(`fragment ${name} on ${type.name} { ${selection(type, depth)} }`);
        parts.push(`...${name}`);
      }
      if (rng.chance(0.02)) parts.push(`... ${rng.chance(0.5) ? directive() : ''} { __typename }`);
      if (rng.chance(wrong * 0.1)) parts.push(rng.pick(['nope', '... on Viewer { name }', '...Missing', 'id(x: 1)', '__schema', '... on Nope { id }', '__typename(a: 1)']));
      return parts.join(' ');
    };

    const rootType = root === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;
    const rootFields = Object.values(rootType.getFields());
    const parts = rng.sample(rootFields, rng.int(1, root === 'mutation' ? 2 : 3)).map((def) => field(def, 1));
    if (root === 'query' && rng.chance(0.03))
      parts.push(rng.pick(['__typename', '__schema { queryType { name } types { name kind } }', '__type(name: "Article") { name fields { name args { name type { name kind ofType { name kind } } } } }', `__type(name: ${JSON.stringify(this.odd())}) { name }`]));
    const name = rng.chance(0.6) ? `Fuzz${rng.int(0, 99999)}` : null;
    const header =
      declarations.length || name ? `${root} ${name ?? ''}${declarations.length ? `(${declarations.join(', ')})` : ''}` : root === 'mutation' || rng.chance(0.5) ? root : '';
    let query = `${header} { ${parts.join(' ')} } ${fragments.join(' ')}`.trim();
    if (rng.chance(0.04)) query += ` query Other${rng.int(0, 9)} { __typename }`;
    const payload: GraphQLPayload = { query };
    if (Object.keys(variables).length || rng.chance(0.1)) payload.variables = rng.chance(0.05) ? null : variables;
    if (name && rng.chance(0.7)) payload.operationName = name;
    else if (rng.chance(0.04)) payload.operationName = rng.pick(['Missing', '', 'Other1']);
    if (rng.chance(0.03)) {
      const good = rng.chance(0.5);
      payload.extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(good ? query : `${query} `).digest('hex') } };
    }
    return payload;
  }

  /** A GraphQL payload as an HTTP request: usually a JSON POST, sometimes a GET (usually with the CSRF header). */
  http(kind: Kind, note: string, payload: GraphQLPayload, auth: Auth, getChance: number): FuzzRequest {
    const { rng } = this;
    const headers: Record<string, string> = {};
    const token = this.token(auth);
    if (token !== undefined) headers.authorization = token;
    if (rng.chance(0.05)) headers.accept = rng.pick(['application/graphql-response+json', 'application/json', 'multipart/mixed; deferSpec=20220824', 'text/event-stream', '*/*', 'application/xml']);
    if (rng.chance(getChance)) {
      const params: string[] = [];
      for (const key of ['query', 'variables', 'operationName', 'extensions'] as const) {
        const value = payload[key];
        if (value === undefined) continue;
        params.push(`${key}=${encodeParam(typeof value === 'string' && key !== 'variables' && key !== 'extensions' ? value : JSON.stringify(value))}`);
      }
      if (rng.chance(0.9)) headers['apollo-require-preflight'] = 'true';
      else if (rng.chance(0.3)) headers['x-apollo-operation-name'] = 'Fuzz';
      return { kind, note: `${note} (GET)`, method: 'GET', path: `/graphql?${params.join('&')}`, headers, auth };
    }
    headers['content-type'] = 'application/json';
    return { kind, note: `${note} (POST)`, method: 'POST', path: '/graphql', headers, body: JSON.stringify(payload), auth };
  }

  /** A raw POST body with the given content type (or none). */
  raw(kind: Kind, note: string, body: string | Buffer, auth: Auth, contentType: string | null = 'application/json', extra: Record<string, string> = {}): FuzzRequest {
    const headers: Record<string, string> = { ...extra };
    if (contentType !== null) headers['content-type'] = contentType;
    const token = this.token(auth);
    if (token !== undefined) headers.authorization = token;
    return { kind, note, method: 'POST', path: '/graphql', headers, body, auth };
  }
}

// ─── The mix ───────────────────────────────────────────────────────────────────────────────────────

/** A handful of small valid queries, for requests whose oddity lies elsewhere (transport, encoding). */
const SIMPLE_QUERIES = [
  '{ sections { name path } }',
  '{ articles(first: 3) { nodes { headline uri } } }',
  'query Q($slug: String!) { article(slug: $slug) { headline bodyText } }',
  '{ tags(first: 5) { nodes { name } } }',
  '{ search(query: "korea") { totalCount edges { highlight } } }',
  '{ viewer { name role } }',
];

function schemaQueries(g: Generator, count: number): FuzzRequest[] {
  return Array.from({ length: count }, () => {
    const wrong = g.rng.weighted([[70, 0], [20, 0.05], [10, 0.2]]);
    const maxDepth = g.rng.weighted([[30, 2], [30, 3], [20, 4], [12, 5], [5, 7], [3, 11]]);
    const payload = g.operation('query', { wrong, variableChance: 0.3, maxDepth });
    return g.http('schema-query', `query depth<=${maxDepth} wrong=${wrong}`, payload, g.auth([65, 27, 8]), 0.3);
  });
}

function schemaMutations(g: Generator, count: number): FuzzRequest[] {
  return Array.from({ length: count }, () => {
    const wrong = g.rng.weighted([[65, 0], [25, 0.05], [10, 0.2]]);
    const payload = g.operation('mutation', { wrong, variableChance: 0.4, maxDepth: g.rng.int(2, 4) });
    // Mostly POST; a GET mutation must be refused (405), never run.
    return g.http('schema-mutation', `mutation wrong=${wrong}`, payload, g.auth([20, 70, 10]), 0.05);
  });
}

/** Every argument as a variable, and the variables of the wrong type (or not an object at all). */
function wrongVariables(g: Generator, count: number): FuzzRequest[] {
  const { rng } = g;
  return Array.from({ length: count }, () => {
    const root = rng.chance(0.8) ? 'query' : 'mutation';
    const payload = g.operation(root, { wrong: 0.5, variableChance: 1, maxDepth: rng.int(2, 3) });
    const roll = rng.next();
    if (roll < 0.1) payload.variables = rng.pick<unknown>(['{"a":1}', [], [1, 2], 42, true, '', 'null', JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}')]);
    else if (roll < 0.2) payload.variables = { ...(payload.variables as object), extra: rng.pick(WRONG_JSON), ['\u0000']: 1, ['']: 2 };
    return g.http('wrong-variables', `${root} with wrong variables`, payload, g.auth([55, 35, 10]), 0.25);
  });
}

function malformedBodies(g: Generator, count: number): FuzzRequest[] {
  const { rng } = g;
  const good = () => JSON.stringify({ query: rng.pick(SIMPLE_QUERIES), variables: { slug: rng.pick(g.pools.articleSlugs) } });
  const makers: (() => [string, string | Buffer])[] = [
    () => {
      const text = good();
      const cut = rng.int(0, text.length - 1);
      return [`truncated at ${cut}`, text.slice(0, cut)];
    },
    () => ['random bytes', Buffer.from(rng.pick(RANDOM_BYTES))],
    () => ['JSON primitive or array', rng.pick(['null', 'true', 'false', '42', '-0', '1e999', '"query"', '[]', '[[]]', '{}', `[${good()}]`, `[${good()}, ${good()}]`, '[null]', '""', ' ', '\n'])],
    () => ['query not a string', JSON.stringify({ query: rng.pick<unknown>([42, null, true, [], ['{ sections { name } }'], { query: '{ sections { name } }' }, '', ' ', '{', '}']) })],
    () => ['variables not an object', `{"query":"query($s:String){ tag(slug:$s){ id } }","variables":${rng.pick(['"{\\"s\\":1}"', '[]', '42', 'true', '"null"', '[{"s":"x"}]'])}}`],
    () => ['operationName not a string', JSON.stringify({ query: '{ sections { name } }', operationName: rng.pick<unknown>([42, [], {}, true, ['a']]) })],
    () => [
      'odd extensions',
      JSON.stringify({
        query: '{ sections { name } }',
        extensions: rng.pick<unknown>([
          'x', [], 42, { persistedQuery: 'x' }, { persistedQuery: { version: 2, sha256Hash: 'abc' } }, { persistedQuery: { version: 1, sha256Hash: 'abc' } },
          { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }, { persistedQuery: { version: 1 } }, { persistedQuery: null },
        ]),
      }),
    ],
    () => ['persisted query hash only', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(rng.pick(SIMPLE_QUERIES)).digest('hex') } } })],
    () => ['duplicate keys', `{"query":"{ sections { name } }","query":${rng.pick(['42', 'null', '"{ nope }"', '{}'])}}`],
    () => ['BOM first', `\ufeff${good()}`],
    () => ['trailing garbage', `${good()}${rng.pick([' x', '}', ',', '\u0000', '{}', ']'])}`],
    () => ['not quite JSON', rng.pick(["{'query': '{ sections { name } }'}", '{query: "{ sections { name } }"}', '{"query": "{ sections { name } }",}', '{"query": NaN}', '{"query": Infinity}', '/* c */ {"query":"{sections{name}}"}', '{"query":"{ sections { name } }"\u0000}', '{"query":"\\x41"}', '{"query":"\\u12"}', '{"query":"\t\n"}'])],
    () => ['prototype keys', rng.pick(['{"__proto__":{"query":"{ sections { name } }"}}', '{"query":"{ sections { name } }","__proto__":{"variables":{"x":1}}}', '{"constructor":{"prototype":{"query":1}},"query":"{ sections { name } }"}', '{"query":"{ sections { name } }","variables":{"__proto__":{"slug":"x"}}}'])],
    () => ['empty body', ''],
    () => ['no query, only variables', JSON.stringify({ variables: { a: 1 }, operationName: 'A' })],
    () => ['unknown keys', JSON.stringify({ query: '{ sections { name } }', nope: 1, id: 'x', documentId: 'y' })],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [note, body] = makers[i % makers.length]();
    return g.raw('malformed-body', `malformed body: ${note}`, body, g.auth([70, 20, 10]), rng.chance(0.92) ? 'application/json' : null);
  });
}

function contentTypes(g: Generator, count: number): FuzzRequest[] {
  const { rng } = g;
  const types = [
    null, '', 'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/JSON',
    'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json;;;', 'application/json, text/plain', 'application/vnd.api+json', 'application/graphql-response+json',
    'application/xml', 'text/html', '*/*', 'json', 'application/', 'application/json; boundary=--', 'APPLICATION/JSON; CHARSET=UTF-8', '\u00e9', 'x'.repeat(2000),
  ];
  return Array.from({ length: count }, () => {
    const contentType = rng.pick(types);
    const query = rng.pick(SIMPLE_QUERIES);
    const body = rng.weighted<() => string | Buffer>([
      [60, () => JSON.stringify({ query, variables: { slug: rng.pick(g.pools.articleSlugs) } })],
      [15, () => query],
      [10, () => `query=${encodeParam(query)}`],
      [10, () => `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query })}\r\n--x--\r\n`],
      [5, () => Buffer.from(`\ufeff${JSON.stringify({ query })}`, 'utf16le')],
    ])();
    const extra: Record<string, string> = rng.chance(0.3) ? { 'apollo-require-preflight': 'true' } : {};
    return g.raw('content-type', `content-type ${JSON.stringify(contentType)}`, body, g.auth([70, 20, 10]), contentType, extra);
  });
}

function hugeStrings(g: Generator, count: number): FuzzRequest[] {
  const { rng } = g;
  const filler = (size: number) =>
    rng.pick<() => string>([
      () => 'x'.repeat(size),
      () => 'kim '.repeat(Math.ceil(size / 4)).slice(0, size),
      () => '\u00e9'.repeat(Math.ceil(size / 2)),
      () => '😀'.repeat(Math.ceil(size / 4)),
      () => '"'.repeat(Math.ceil(size / 2)),
      () => '\\'.repeat(Math.ceil(size / 2)),
    ])();
  const makers: ((size: number) => [string, FuzzRequest])[] = [
    (size) => ['search query variable', g.http('huge-string', 'x', { query: 'query($q: String!) { search(query: $q) { totalCount edges { highlight } } }', variables: { q: filler(size) } }, g.auth([60, 30, 10]), 0)],
    (size) => ['slug variable', g.http('huge-string', 'x', { query: 'query($s: String!) { article(slug: $s) { id } tag(slug: $s) { id } route(path: $s) { __typename } }', variables: { s: filler(size) } }, g.auth([60, 30, 10]), 0)],
    (size) => ['string literal in the query', g.http('huge-string', 'x', { query: `{ tags(query: ${JSON.stringify(filler(size))}) { totalCount } }` }, g.auth([60, 30, 10]), 0)],
    (size) => ['field name', g.http('huge-string', 'x', { query: `{ ${'f'.repeat(size)} }` }, 'anonymous', 0)],
    (size) => ['comment', g.http('huge-string', 'x', { query: `# ${'c'.repeat(size)}\n{ sections { name } }` }, 'anonymous', 0)],
    (size) => ['whitespace', g.http('huge-string', 'x', { query: `{${' '.repeat(size)}sections { name } }` }, 'anonymous', 0)],
    (size) => ['operationName', g.http('huge-string', 'x', { query: '{ sections { name } }', operationName: 'O'.repeat(size) }, 'anonymous', 0)],
    (size) => ['unused variable', g.http('huge-string', 'x', { query: '{ sections { name } }', variables: { junk: filler(size) } }, g.auth([60, 30, 10]), 0)],
    (size) => [
      'article body (editor)',
      g.http('huge-string', 'x', { query: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id wordCount } userErrors { code field message } } }', variables: { input: { headline: 'Fuzz', sectionId: rng.pick(g.pools.ids.Section), bodyMarkdown: filler(size) } } }, 'editor', 0),
    ],
    (size) => [
      'import copy (editor)',
      g.http('huge-string', 'x', { query: 'mutation($input: ImportArticleInput!) { importArticle(input: $input) { article { id } userErrors { code message } } }', variables: { input: { headline: 'Fuzz', sectionId: rng.pick(g.pools.ids.Section), text: filler(size), format: rng.pick(['PLAIN', 'MARKDOWN']) } } }, 'editor', 0),
    ],
    (size) => ['headline (editor)', g.http('huge-string', 'x', { query: 'mutation($n: String!) { createTag(input: { name: $n, kind: TOPIC }) { tag { id } userErrors { message } } }', variables: { n: filler(size) } }, 'editor', 0)],
    (size) => ['GET query string', g.http('huge-string', 'x', { query: `{ tags(query: ${JSON.stringify('q'.repeat(Math.min(size, 200_000)))}) { totalCount } }` }, 'anonymous', 1)],
    (size) => ['raw body of one string', g.raw('huge-string', 'x', JSON.stringify(filler(size)), 'anonymous')],
    (size) => ['authorization header', g.raw('huge-string', 'x', JSON.stringify({ query: '{ viewer { name } }' }), 'anonymous', 'application/json', { authorization: `Bearer ${'t'.repeat(Math.min(size, 100_000))}` })],
  ];
  return Array.from({ length: count }, (_, i) => {
    // 100 KB to 2 MB: under the 1 MB body limit (answered) and over it (413).
    const size = rng.weighted([[30, rng.int(100_000, 300_000)], [30, rng.int(300_000, 990_000)], [30, rng.int(1_000_001, 1_250_000)], [10, 2_000_000]]);
    const [note, request] = makers[i % makers.length](size);
    return { ...request, note: `huge string (${size} chars): ${note}` };
  });
}

function deepNesting(g: Generator, count: number): FuzzRequest[] {
  const { rng } = g;
  const repeat = (text: string, n: number) => text.repeat(n);
  const makers: (() => FuzzRequest)[] = [
    () => {
      const n = rng.int(100, 5000);
      return g.http('deep-nesting', `${n} open braces`, { query: repeat('{', n) + repeat('}', rng.chance(0.5) ? n : 0) }, g.auth([70, 20, 10]), 0.2);
    },
    () => {
      const n = rng.int(100, 1500);
      return g.http('deep-nesting', `${n} levels of an unknown field`, { query: repeat('{ a ', n) + repeat('}', n) }, g.auth([70, 20, 10]), 0.2);
    },
    () => {
      const n = rng.int(11, 400);
      return g.http('deep-nesting', `${n} levels of sections.children`, { query: `{ sections { ${repeat('children { ', n)}name${repeat(' }', n)} } }` }, g.auth([70, 20, 10]), 0.2);
    },
    () => {
      const n = rng.int(11, 300);
      return g.http('deep-nesting', `${n} levels of section.parent`, { query: `{ node(id: ${JSON.stringify(rng.pick(g.pools.ids.Section))}) { ... on Section { ${repeat('parent { ', n)}name${repeat(' }', n)} } } }` }, g.auth([70, 20, 10]), 0.2);
    },
    () => {
      const n = rng.int(5, 80);
      return g.http('deep-nesting', `${n} levels of article.section.articles.nodes`, { query: `{ article(slug: ${JSON.stringify(rng.pick(g.pools.articleSlugs))}) { ${repeat('section { articles(first: 1) { nodes { ', n)}id${repeat(' } } }', n)} } }` }, g.auth([70, 20, 10]), 0.2);
    },
    () => {
      const n = rng.int(50, 400);
      return g.http('deep-nesting', `${n} nested inline fragments`, { query: `{ ${repeat('... on Query { ', n)}sections { name }${repeat(' }', n)} }` }, g.auth([70, 20, 10]), 0.2);
    },
    () => {
      const n = rng.int(50, 900);
      return g.http('deep-nesting', `${n}-deep list literal`, { query: `{ nodes(ids: ${repeat('[', n)}"x"${repeat(']', n)}) { id } }` }, g.auth([70, 20, 10]), 0.2);
    },
    () => {
      const n = rng.int(50, 600);
      return g.http('deep-nesting', `${n}-deep object literal`, { query: `{ articles(filter: ${repeat('{ a: ', n)}1${repeat(' }', n)}) { totalCount } }` }, g.auth([70, 20, 10]), 0.2);
    },
    () => {
      const n = rng.pick([10, 100, 500, 1000, 2000, 3000, 5000, 20_000, 100_000, 400_000]);
      const anon = rng.chance(0.6);
      return g.raw('deep-nesting', `variables nested ${n} deep (list)${anon ? '' : ' with token'}`, `{"query":"query($x:[ID!]!){nodes(ids:$x){id}}","variables":{"x":${repeat('[', n)}${repeat(']', n)}}}`, anon ? 'anonymous' : g.auth([0, 80, 20]));
    },
    () => {
      const n = rng.pick([10, 100, 500, 1000, 2000, 3000, 5000, 20_000, 100_000, 150_000]);
      return g.raw('deep-nesting', `variables nested ${n} deep (object)`, `{"query":"query($f:ArticleFilter){articles(filter:$f){totalCount}}","variables":{"f":${repeat('{"a":', n)}1${repeat('}', n)}}}`, g.auth([70, 20, 10]));
    },
    () => {
      const n = rng.pick([100, 1000, 3000, 20_000, 100_000]);
      const nested = repeat('[', n) + repeat(']', n);
      const body = rng.pick([`{"query":"{ sections { name } }","operationName":${nested}}`, `{"query":"{ sections { name } }","extensions":${nested}}`, `{"query":${nested}}`]);
      return g.raw('deep-nesting', `a JSON field nested ${n} deep: ${body.slice(0, 60)}`, body, g.auth([70, 20, 10]));
    },
    () => {
      const n = rng.pick([1000, 100_000, 400_000]);
      return g.raw('deep-nesting', `whole body nested ${n} deep`, rng.chance(0.5) ? repeat('[', n) + repeat(']', n) : repeat('{"a":', n) + '1' + repeat('}', n), g.auth([70, 20, 10]));
    },
    () => {
      const n = rng.int(100, 30_000);
      const markdown = rng.pick([repeat('> ', n) + 'deep', repeat('*', n) + 'x' + repeat('*', n), repeat('[', n) + 'x' + repeat(']', n), Array.from({ length: Math.min(n, 3000) }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n'), repeat('<div>', n), repeat('![', n) + 'x' + repeat('](y)', n), repeat('`', n), repeat('_a', n)]);
      return g.http(
        'deep-nesting',
        `deeply nested Markdown (${n})`,
        { query: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id bodyText tableOfContents { text } } userErrors { code message } } }', variables: { input: { headline: 'Deep', sectionId: rng.pick(g.pools.ids.Section), bodyMarkdown: markdown } } },
        g.auth([10, 80, 10]),
        0,
      );
    },
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]());
}

function oddUnicode(g: Generator, count: number): FuzzRequest[] {
  const { rng } = g;
  const invalidUtf8 = [
    [0xff], [0xfe, 0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xc3], [0xef, 0xbf, 0xbe],
  ];
  const makers: (() => FuzzRequest)[] = [
    () => g.http('odd-unicode', 'odd search', { query: 'query($q: String!) { search(query: $q) { totalCount edges { highlight node { headline } } } }', variables: { q: g.odd() + rng.pick(['', ' kim', ' "korea', ' -x']) } }, g.auth([70, 20, 10]), 0.3),
    () => g.http('odd-unicode', 'odd slug and path', { query: 'query($s: String!) { article(slug: $s) { id } tag(slug: $s) { id } author(slug: $s) { id } section(path: $s) { id } route(path: $s) { __typename } }', variables: { s: g.odd() } }, g.auth([70, 20, 10]), 0.3),
    () => g.http('odd-unicode', 'odd tag query', { query: 'query($q: String) { tags(query: $q, first: 5) { nodes { name } } quotes(filter: { query: $q }) { totalCount } }', variables: { q: g.odd() } }, g.auth([70, 20, 10]), 0.3),
    () => g.http('odd-unicode', 'odd ids', { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: Array.from({ length: rng.int(1, 5) }, () => g.odd()) } }, g.auth([70, 20, 10]), 0.3),
    () => g.http('odd-unicode', 'odd cursor', { query: 'query($a: String) { articles(first: 2, after: $a) { nodes { id } } }', variables: { a: g.odd() } }, g.auth([70, 20, 10]), 0.3),
    () => g.http('odd-unicode', 'odd string literal', { query: `{ search(query: ${JSON.stringify(g.odd())}) { totalCount } }` }, g.auth([70, 20, 10]), 0.3),
    () => g.http('odd-unicode', 'odd names in the document', { query: `query ${g.odd()} { ${g.odd()} sections { name } }`, operationName: g.odd() }, g.auth([70, 20, 10]), 0.3),
    () => g.http('odd-unicode', 'unicode inside the query text', { query: `{${rng.pick(['\u00a0', '\u2003', '\ufeff', '\u200b', '\u0000', '\u2028', '\u3000'])}sections { name${rng.pick(['', '\u0301', '\u200d'])} } }` }, g.auth([70, 20, 10]), 0.3),
    () => {
      const input = rng.pick([
        () => ({ query: 'mutation($n: String!) { createTag(input: { name: $n, kind: TOPIC }) { tag { id name slug } userErrors { code message } } }', variables: { n: g.odd() } }),
        () => ({ query: 'mutation($n: String!) { createAuthor(input: { name: $n, bio: $n }) { author { id name slug } userErrors { code message } } }', variables: { n: g.odd() } }),
        () => ({ query: 'mutation($h: String!, $s: ID!, $b: String) { createArticle(input: { headline: $h, sectionId: $s, bodyMarkdown: $b, standfirst: $h }) { article { id slug bodyText } userErrors { code message } } }', variables: { h: g.odd(), s: rng.pick(g.pools.ids.Section), b: `${g.odd()}\n\n"${g.odd()}" said ${g.odd()}` } }),
        () => ({ query: 'mutation($a: ID!, $t: String!) { addCorrection(articleId: $a, text: $t) { article { id } userErrors { code message } } }', variables: { a: rng.pick(g.pools.ids.Article), t: g.odd() } }),
      ])();
      return g.http('odd-unicode', 'odd text saved (mutation)', input, g.auth([10, 80, 10]), 0);
    },
    () => {
      const text = `${rng.pick(WORDS)}${rng.pick(['\u0000', '\u0000\u0000', '\u0001\u0000'])}${rng.pick(WORDS)}`;
      const input = rng.pick([
        () => ({ query: 'mutation($n: String!) { createTag(input: { name: $n, kind: PLACE }) { tag { id } userErrors { code message } } }', variables: { n: text } }),
        () => ({ query: 'mutation($n: String!) { createAuthor(input: { name: $n }) { author { id } userErrors { code message } } }', variables: { n: text } }),
        () => ({ query: 'mutation($h: String!, $s: ID!) { createArticle(input: { headline: $h, sectionId: $s }) { article { id } userErrors { code message } } }', variables: { h: text, s: rng.pick(g.pools.ids.Section) } }),
      ])();
      return g.http('odd-unicode', 'NUL inside saved text (mutation)', input, 'editor', 0);
    },
    () => {
      const text = `${rng.pick(WORDS)}\u0000${rng.pick(['', rng.pick(WORDS)])}`;
      return g.http('odd-unicode', 'NUL inside read arguments', { query: 'query($q: String!) { search(query: $q) { totalCount } tags(query: $q) { totalCount } article(slug: $q) { id } route(path: $q) { __typename } }', variables: { q: text } }, g.auth([70, 30, 0]), 0.3);
    },
    () => {
      const bytes = Buffer.concat([Buffer.from('{"query":"{ search(query: \\"kim'), Buffer.from(rng.pick(invalidUtf8)), Buffer.from('\\") { totalCount } }"}')]);
      return g.raw('odd-unicode', `invalid UTF-8 inside a string (${bytes.toString('hex').slice(0, 80)})`, bytes, g.auth([70, 20, 10]));
    },
    () => {
      const bytes = Buffer.concat([Buffer.from(rng.pick(invalidUtf8)), Buffer.from('{"query":"{ sections { name } }"}'), Buffer.from(rng.pick(invalidUtf8))]);
      return g.raw('odd-unicode', 'invalid UTF-8 around the body', bytes, g.auth([70, 20, 10]));
    },
    () => g.raw('odd-unicode', 'UTF-16 body', Buffer.from(JSON.stringify({ query: '{ sections { name } }' }), rng.pick(['utf16le', 'ucs2'] as const)), g.auth([70, 20, 10])),
    () => g.raw('odd-unicode', 'NUL and escapes in JSON keys', `{"query\\u0000":"{ sections { name } }","qu\\u0065ry":"{ sections { name } }","variables":{"\\ud800":1}}`, g.auth([70, 20, 10])),
    () => {
      const headers = { 'x-request-id': rng.pick(['\u00e9\u00e8', 'a'.repeat(200), 'x y', '../../', '%00', '\u00ff'.repeat(50)]), 'x-apollo-operation-name': rng.pick(['\u00e9', 'Fuzz']) };
      return g.raw('odd-unicode', 'latin-1 request headers', JSON.stringify({ query: '{ sections { name } }' }), g.auth([70, 20, 10]), 'application/json', headers);
    },
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]());
}

function httpEdges(g: Generator, count: number): FuzzRequest[] {
  const { rng } = g;
  const q = encodeParam('{ sections { name } }');
  const makers: (() => FuzzRequest)[] = [
    () => ({ kind: 'http-edge', note: 'odd method', method: rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']), path: '/graphql', headers: { 'content-type': 'application/json' }, body: undefined, auth: 'anonymous' }),
    () => ({ kind: 'http-edge', note: 'odd method with a body', method: rng.pick(['PUT', 'DELETE', 'PATCH']), path: '/graphql', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: JSON.stringify({ query: '{ sections { name } }' }), auth: 'anonymous' }),
    () => ({
      kind: 'http-edge',
      note: 'odd GET query string',
      method: 'GET',
      path: `/graphql${rng.pick(['', '?', '?query=', `?query=${q}&query=${q}`, '?query=%zz', '?query=%', '?query=%E0%A4%A', `?query=${q}&variables=notjson`, `?query=${q}&variables=%7B`, `?query=${q}&extensions=%5B%5D`, `?query=${q}&operationName=`, '?variables=%7B%7D', `?query=${q}#frag`, `?query=${q}&query`, '?=&&=', `?QUERY=${q}`, `?query[]=${q}`, `?query=${q}&variables=${encodeParam('{"__proto__":{"x":1}}')}`])}`,
      headers: { 'apollo-require-preflight': 'true' },
      auth: 'anonymous',
    }),
    () => ({ kind: 'http-edge', note: 'POST with a query string too', method: 'POST', path: `/graphql?query=${encodeParam('{ viewer { name } }')}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sections { name } }' }), auth: 'anonymous' }),
    () => ({ kind: 'http-edge', note: 'other path', method: rng.pick(['GET', 'POST']), path: rng.pick(['/healthz', '/readyz', '/nowhere', '/graphql/', '/GRAPHQL', '/graphql;x', '/graphql%2f', '/..%2f..%2fetc%2fpasswd', '//graphql', '/graphql%00', '/%ff', '/healthz?x=%zz', '/graphiql/nope.js', '/graphiql/..%2f..%2fpackage.json', `/${'a'.repeat(5000)}`]), headers: {}, auth: 'anonymous' }),
    () => ({ kind: 'http-edge', note: 'GraphiQL page', method: 'GET', path: rng.pick(['/graphql', '/graphql?query=%7B%7D']), headers: { accept: 'text/html' }, auth: 'anonymous' }),
    () => g.raw('http-edge', 'if-none-match', JSON.stringify({ query: '{ sections { name } }' }), 'anonymous', 'application/json', { 'if-none-match': rng.pick(['*', 'W/"x"', '"', '""', 'x'.repeat(1000)]) }),
    () => g.raw('http-edge', 'odd forwarding headers', JSON.stringify({ query: '{ sections { name } }' }), 'anonymous', 'application/json', { 'x-forwarded-for': rng.pick(['1.2.3.4', 'nope', '::1, 1.2.3.4', ' , ,', '999.999.999.999']), forwarded: 'for=nope' }),
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]());
}

/** Documents whose cost lies in the server's own analysis, not in data: each is timed alone. */
function cpuBombs(g: Generator): FuzzRequest[] {
  const requests: FuzzRequest[] = [];
  const doubling = (k: number, leaf: string, type = 'Query') => {
    let doc = `query Bomb { ${type === 'Query' ? '' : 'sections { '}...F${k}${type === 'Query' ? '' : ' }'} } fragment F0 on ${type} { ${leaf} } `;
    for (let i = 1; i <= k; i++) doc += `fragment F${i} on ${type} { ...F${i - 1} ...F${i - 1} } `;
    return doc;
  };
  // Sizes chosen so that an analysis linear in the document answers in milliseconds, while one that
  // expands every spread (2^k) takes seconds: the budget tells them apart without hanging the run.
  for (const k of [12, 16, 19, 21]) requests.push(g.http('cpu-bomb', `fragment doubling 2^${k} over sections`, { query: doubling(k, 'sections { name }') }, 'anonymous', 0));
  for (const k of [12, 16, 19, 21]) requests.push(g.http('cpu-bomb', `fragment doubling 2^${k} over __typename`, { query: doubling(k, '__typename') }, g.auth([50, 50, 0]), 0));
  for (const k of [16, 22]) requests.push(g.http('cpu-bomb', `fragment doubling 2^${k} of an alias`, { query: doubling(k, 'a: name', 'Section') }, 'anonymous', 0));
  {
    const k = 28;
    let doc = `query Fib { ...F${k} } fragment F0 on Query { __typename } fragment F1 on Query { __typename } `;
    for (let i = 2; i <= k; i++) doc += `fragment F${i} on Query { ...F${i - 1} ...F${i - 2} } `;
    requests.push(g.http('cpu-bomb', `Fibonacci fragments to F${k}`, { query: doc }, 'anonymous', 0));
  }
  requests.push(g.http('cpu-bomb', '600 directives', { query: `{ __typename ${'@include(if: true) '.repeat(600)} }` }, 'anonymous', 0));
  requests.push(g.http('cpu-bomb', '450 identical fields', { query: `{ ${'sections { name } '.repeat(450)} }` }, 'anonymous', 0));
  requests.push(g.http('cpu-bomb', '1900 __typename', { query: `{ ${'__typename '.repeat(1900)} }` }, 'anonymous', 0));
  requests.push(g.http('cpu-bomb', '600 conflicting fields', { query: `{ ${Array.from({ length: 300 }, (_, i) => `articles(first: ${i % 100}) { totalCount }`).join(' ')} }` }, 'anonymous', 0));
  requests.push(g.http('cpu-bomb', 'the full introspection query', { query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }) }, 'anonymous', 0));
  requests.push(g.http('cpu-bomb', 'nested introspection', { query: `{ __schema { types { ${'fields { type { fields { type { '.repeat(6)}name${' } } } }'.repeat(6)} } } }` }, 'anonymous', 0));
  requests.push(g.http('cpu-bomb', 'many variables', { query: `query(${Array.from({ length: 300 }, (_, i) => `$v${i}: String`).join(' ')}) { __typename }`, variables: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`v${i}`, 'x'])) }, 'anonymous', 0));
  requests.push(g.http('cpu-bomb', 'many operations', { query: Array.from({ length: 400 }, (_, i) => `query Q${i} { __typename }`).join(' '), operationName: 'Q399' }, 'anonymous', 0));
  return requests;
}

// ─── Sending and checking ──────────────────────────────────────────────────────────────────────────

interface Outcome {
  status: number;
  text: string;
  ms: number;
  error?: string;
}

async function send(base: string, request: FuzzRequest): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return { status: 0, text: '', ms: performance.now() - started, error: `${String(error)}${cause ? ` (${String(cause)})` : ''}` };
  }
}

interface JsonError {
  message?: unknown;
  extensions?: { code?: unknown };
}

/** Every string in a JSON value, keys included. */
function allStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, into);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) (into.push(key), allStrings(item, into));
  return into;
}

/** Strings in `errors` (all of them) and in any `message` field (userErrors' included). */
function errorTexts(body: unknown, into: string[] = []): string[] {
  if (Array.isArray(body)) for (const item of body) errorTexts(item, into);
  else if (body && typeof body === 'object') {
    for (const [key, item] of Object.entries(body)) {
      if (key === 'errors') allStrings(item, into);
      else if (key === 'message' && typeof item === 'string') into.push(item);
      else errorTexts(item, into);
    }
  }
  return into;
}

/** What is wrong with an answer; empty when nothing is. */
function problemsOf(outcome: Outcome, slowMs: number): string[] {
  const problems: string[] = [];
  if (outcome.error) return [`no answer: ${outcome.error.slice(0, 200)}`];
  if (outcome.status >= 500) problems.push(`HTTP ${outcome.status}`);
  if (outcome.ms > slowMs) problems.push(`slow: ${Math.round(outcome.ms)} ms`);
  const { text } = outcome;
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  // A body that is not JSON (HTML, plain text) is checked whole, as if it were all error text. In JSON,
  // patterns with quotes or newlines only match decoded strings, so every string is checked decoded too.
  const texts = body === undefined ? [text] : errorTexts(body);
  const everything = body === undefined ? [text] : [text, ...allStrings(body)];
  if (texts.some((t) => STACK_IN_ERRORS.test(t)) || everything.some((t) => STACK_ANYWHERE.some((pattern) => pattern.test(t)))) problems.push('stack trace');
  if (texts.some((t) => SQL_SHAPE.test(t)) || everything.some((t) => DB_MARKERS.test(t))) problems.push('SQL or database error text');
  if (everything.some((t) => FILE_PATHS.test(t))) problems.push('file path');
  const errors = (body as { errors?: JsonError[] } | undefined)?.errors;
  if (Array.isArray(errors)) {
    const codes = new Set(errors.map((error) => error?.extensions?.code));
    if (codes.has('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
    if (codes.has('SERVICE_UNAVAILABLE')) problems.push('SERVICE_UNAVAILABLE');
  }
  return problems;
}

/** A request's text as the service may echo it: the path (decoded), the body, and every string in a JSON body. */
function inputStrings(request: FuzzRequest): string[] {
  const strings = [request.path];
  try {
    strings.push(decodeURIComponent(request.path));
  } catch {
    // Malformed percent-encoding on purpose: the raw path is checked.
  }
  const body = typeof request.body === 'string' ? request.body : request.body?.toString('latin1');
  if (body === undefined) return strings;
  strings.push(body);
  try {
    allStrings(JSON.parse(body), strings);
  } catch {
    // Not JSON: the raw body is checked.
  }
  return strings;
}

function preview(value: string | Buffer | undefined, max: number): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : `<${value.length} raw bytes> ${JSON.stringify(value.toString('latin1').slice(0, max))}`;
  return text.length > max ? `${JSON.stringify(text.slice(0, max))}… (${text.length} chars)` : JSON.stringify(text);
}

function describeRequest(request: FuzzRequest): string {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, value.length > 80 ? `${value.slice(0, 80)}… (${value.length})` : value]));
  return `[${request.kind}] ${request.note}\n    ${request.method} ${preview(request.path, 300)} auth=${request.auth} headers=${JSON.stringify(headers)}\n    body: ${preview(request.body, 400)}`;
}

/** The app's error log entry for an answer, found by the request id the answer carries. */
function logOf(outcome: Outcome): { msg: string; type: string; message: string } | undefined {
  const id = /"requestId":"([^"]+)"/.exec(outcome.text)?.[1];
  return id ? logged.get(id) : undefined;
}

/** The cause of a failure in a few words: the error's type and, for a database error, the database's words after the SQL. */
function causeOf(outcome: Outcome): string {
  const entry = logOf(outcome);
  if (!entry) return '';
  const cut = entry.message.lastIndexOf(' - ');
  return `${entry.type}: ${cut >= 0 ? entry.message.slice(cut + 3) : entry.message}`.replace(/\s+/g, ' ').slice(0, 160);
}

// ─── The test ──────────────────────────────────────────────────────────────────────────────────────

let test: TestApp;
/** What the app logged as an error, by request id: shown next to a failure (and in FUZZ_REPORT), never checked. */
const logged = new Map<string, { msg: string; type: string; message: string }>();
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      try {
        const line = JSON.parse(String(chunk)) as { reqId?: string; msg?: string; err?: { type?: string; message?: string } };
        if (line.reqId) logged.set(line.reqId, { msg: line.msg ?? '', type: line.err?.type ?? '', message: line.err?.message ?? '' });
      } catch {
        // Not a JSON line: nothing to attach.
      }
      done();
    },
  });
  test = await startTestApp({ logger: pino({ level: 'error' }, sink) });
});
afterAll(async () => {
  await test?.close();
});

describe(`fuzzing the HTTP API from seed ${SEED} (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('the checks catch what they look for, and pass ordinary answers', () => {
    const answer = (status: number, body: unknown) => ({ status, text: typeof body === 'string' ? body : JSON.stringify(body), ms: 1 });
    const error = (message: string, extensions: Record<string, unknown> = { code: 'BAD_USER_INPUT' }) => answer(400, { errors: [{ message, extensions }] });
    expect(problemsOf(answer(200, { data: { article: { bodyText: 'Kim said people select from many options.\n\nAt the harbour, they update and delete nothing.' } } }), SLOW_MS)).toEqual([]);
    expect(problemsOf(error('Variable "$q" got invalid value 42; String cannot represent a non string value: 42'), SLOW_MS)).toEqual([]);
    expect(problemsOf(answer(502, ''), SLOW_MS)).toContain('HTTP 502');
    expect(problemsOf(error('boom\n    at Object.<anonymous> (x)'), SLOW_MS)).toContain('stack trace');
    expect(problemsOf(error('x', { code: 'BAD_REQUEST', stacktrace: ['Error: x'] }), SLOW_MS)).toContain('stack trace');
    expect(problemsOf(answer(200, { data: { x: 'at resolve (file:///srv/app.mjs:10:5)' } }), SLOW_MS)).toContain('stack trace');
    expect(problemsOf(error('select "a0".* from "article" as "a0" where "a0"."slug" = $1'), SLOW_MS)).toContain('SQL or database error text');
    expect(problemsOf(error('insert into `tag` (`name`) values (?)'), SLOW_MS)).toContain('SQL or database error text');
    expect(problemsOf(answer(200, { data: { createTag: { userErrors: [{ message: 'update "tag" set "name" = 1' }] } } }), SLOW_MS)).toContain('SQL or database error text');
    expect(problemsOf(error('SQLITE_CONSTRAINT: UNIQUE constraint failed'), SLOW_MS)).toContain('SQL or database error text');
    expect(problemsOf(error('relation "article" does not exist'), SLOW_MS)).toContain('SQL or database error text');
    expect(problemsOf(error('Cannot find /work/main/src/x'), SLOW_MS)).toContain('file path');
    expect(problemsOf(answer(500, 'Error at module.js:12'), SLOW_MS)).toContain('file path');
    expect(problemsOf(error('Something went wrong', { code: 'INTERNAL_SERVER_ERROR' }), SLOW_MS)).toContain('INTERNAL_SERVER_ERROR');
    expect(problemsOf({ status: 200, text: '{}', ms: SLOW_MS + 1 }, SLOW_MS)).toEqual([`slow: ${SLOW_MS + 1} ms`]);
  });

  it('answers thousands of generated, malformed and hostile requests with no 5xx, stack, SQL or path, and stays up', async () => {
    const token = test.app.prepared.demoToken;
    expect(token, 'the seeded database holds the demo editor token').toBeTruthy();
    const pools = await readPools(test);
    for (const [type, ids] of Object.entries(pools.ids)) expect(ids.length, `${type} ids in the pools`).toBeGreaterThan(0);

    const g = new Generator(new Rng(SEED), pools, token!);
    const counts: Record<Exclude<Kind, 'cpu-bomb'>, number> = {
      'schema-query': 3200,
      'schema-mutation': 700,
      'wrong-variables': 450,
      'malformed-body': 320,
      'content-type': 160,
      'huge-string': 90,
      'deep-nesting': 200,
      'odd-unicode': 350,
      'http-edge': 130,
    };
    const requests = g.rng.shuffle([
      ...schemaQueries(g, counts['schema-query']),
      ...schemaMutations(g, counts['schema-mutation']),
      ...wrongVariables(g, counts['wrong-variables']),
      ...malformedBodies(g, counts['malformed-body']),
      ...contentTypes(g, counts['content-type']),
      ...hugeStrings(g, counts['huge-string']),
      ...deepNesting(g, counts['deep-nesting']),
      ...oddUnicode(g, counts['odd-unicode']),
      ...httpEdges(g, counts['http-edge']),
    ]);
    const bombs = cpuBombs(g);
    // No input may carry a leak pattern itself: the checks must only ever see the service's own words.
    const leakyInputs = [...requests, ...bombs].filter((request) => !inputStrings(request).every(isClean));
    expect(leakyInputs.map(describeRequest), 'generated inputs that hold a leak pattern themselves').toEqual([]);

    const failures: { request: FuzzRequest; outcome: Outcome; problems: string[] }[] = [];
    const statuses = new Map<string, Map<number, number>>();
    const codes = new Map<string, number>();
    const tally = { withData: 0, getWithData: 0, mutationsSaved: 0, slowestMs: 0, resets: 0 };
    /** A reset connection is tried once more (a keep-alive socket can close under a request); a second failure counts. */
    const attempt = async (request: FuzzRequest): Promise<Outcome> => {
      const outcome = await send(test.app.url, request);
      if (!outcome.error || /timeout|abort/i.test(outcome.error)) return outcome;
      tally.resets += 1;
      return send(test.app.url, request);
    };
    const record = (request: FuzzRequest, outcome: Outcome, slowMs: number) => {
      const byStatus = statuses.get(request.kind) ?? new Map<number, number>();
      byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
      statuses.set(request.kind, byStatus);
      tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
      const problems = problemsOf(outcome, slowMs);
      if (problems.length) failures.push({ request, outcome, problems });
      try {
        const body = JSON.parse(outcome.text) as { data?: Record<string, unknown> | null; errors?: JsonError[] };
        for (const error of body.errors ?? []) codes.set(String(error.extensions?.code), (codes.get(String(error.extensions?.code)) ?? 0) + 1);
        if (outcome.status === 200 && body.data && Object.values(body.data).some((value) => value !== null)) {
          tally.withData += 1;
          if (request.method === 'GET') tally.getWithData += 1;
          if (request.kind === 'schema-mutation' && Object.values(body.data).some((payload) => payload && typeof payload === 'object' && Array.isArray((payload as { userErrors?: unknown[] }).userErrors) && (payload as { userErrors: unknown[] }).userErrors.length === 0)) tally.mutationsSaved += 1;
        }
      } catch {
        // Not JSON (HEAD, 431, GraphiQL's page): counted by status only.
      }
    };

    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++];
          record(request, await attempt(request), SLOW_MS);
        }
      }),
    );
    const concurrentMs = performance.now() - started;
    // One at a time, so that each is timed alone.
    const bombTimes: string[] = [];
    for (const request of bombs) {
      const outcome = await attempt(request);
      bombTimes.push(`${request.note}: ${outcome.status} in ${Math.round(outcome.ms)} ms`);
      record(request, outcome, CPU_BUDGET_MS);
    }
    const totalMs = performance.now() - started;

    // Still up, and still answering real queries.
    const health = await fetch(`${test.app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${test.app.url}/readyz`)).status).toBe(200);
    const after = await fetch(test.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sections { name } }' }) });
    expect(after.status).toBe(200);
    const afterBody = (await after.json()) as { data?: { sections?: { name: string }[] }; errors?: unknown };
    expect(afterBody.errors).toBeUndefined();
    expect(afterBody.data?.sections?.map((section) => section.name)).toContain('World');

    const sent = requests.length + bombs.length;
    const table = [...statuses.entries()]
      .map(([kind, byStatus]) => `  ${kind.padEnd(16)} ${String([...byStatus.values()].reduce((a, b) => a + b, 0)).padStart(5)}:  ${[...byStatus.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join('  ')}`)
      .join('\n');
    const topCodes = [...codes.entries()].sort(([, a], [, b]) => b - a).map(([code, n]) => `${code}×${n}`).join('  ');
    console.log(
      `fuzz seed ${SEED} on ${onPostgres ? 'PostgreSQL' : 'SQLite'}: ${sent} requests in ${Math.round(totalMs)} ms ` +
        `(${requests.length} concurrent in ${Math.round(concurrentMs)} ms, ${bombs.length} CPU-heavy one by one; slowest ${Math.round(tally.slowestMs)} ms)\n` +
        `statuses by kind:\n${table}\nerror codes: ${topCodes}\n` +
        `answers with data: ${tally.withData} (over GET: ${tally.getWithData}); mutations that saved: ${tally.mutationsSaved}; connections reset and retried: ${tally.resets}; failures: ${failures.length}\n` +
        `CPU-heavy documents, one at a time:\n${bombTimes.map((line) => `  ${line}`).join('\n')}`,
    );

    // The generator must have exercised the service, not just bounced off its front door.
    const total = (status: number) => [...statuses.values()].reduce((sum, byStatus) => sum + (byStatus.get(status) ?? 0), 0);
    expect(sent).toBeGreaterThanOrEqual(5_000);
    expect(tally.withData, '200s with data').toBeGreaterThan(1_000);
    expect(tally.getWithData, '200s with data over GET').toBeGreaterThan(100);
    expect(tally.mutationsSaved, 'mutations that saved something').toBeGreaterThan(20);
    expect(total(400), '400s').toBeGreaterThan(300);
    expect(total(401), '401s').toBeGreaterThan(50);
    expect(total(413), '413s').toBeGreaterThan(5);
    expect(statuses.get('schema-query')?.get(200) ?? 0, 'schema queries answered 200').toBeGreaterThan(counts['schema-query'] / 2);
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'UNAUTHENTICATED', 'BAD_REQUEST']) expect(codes.get(code) ?? 0, `answers with ${code}`).toBeGreaterThan(0);

    // Failures, grouped by what went wrong, with a few requests of each to reproduce.
    const byProblem = new Map<string, typeof failures>();
    for (const failure of failures) {
      const cause = causeOf(failure.outcome);
      const key = `${failure.problems.map((problem) => problem.replace(/\d+ ms$/, 'N ms')).join(' + ')}${cause ? ` (server log: ${cause.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N')})` : ''}`;
      byProblem.set(key, [...(byProblem.get(key) ?? []), failure]);
    }
    const report = [...byProblem.entries()]
      .map(
        ([problem, list]) =>
          `${problem}: ${list.length} answers, e.g.\n${list
            .slice(0, 3)
            .map(({ request, outcome }) => `  ${describeRequest(request)}\n    → ${outcome.status} in ${Math.round(outcome.ms)} ms: ${preview(outcome.text, 400)}`)
            .join('\n')}`,
      )
      .join('\n\n');
    // FUZZ_REPORT=file.json keeps every failure whole (request, answer, the app's log line), to reproduce one by one.
    if (process.env.FUZZ_REPORT) {
      const whole = failures.map(({ request, outcome, problems }) => ({
        problems,
        request: { ...request, body: typeof request.body === 'string' ? request.body : request.body?.toString('base64') },
        outcome,
        log: logOf(outcome),
      }));
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(whole, null, 1));
    }
    expect(failures.length, `answers that failed the checks:\n\n${report}`).toBe(0);
  }, 240_000);
});
