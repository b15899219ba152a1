import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getIntrospectionQuery, getNamedType, getNullableType, isInterfaceType, isLeafType, isListType, isObjectType, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMastheadSchema } from '../../src/schema/build-schema';
import { countTokens, DEFAULT_QUERY_LIMITS, QueryLimiter } from '../../src/protection/limits';
import { startTestApp, type TestApp } from '../support/app';

interface Answer {
  status: number;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: unknown;
}

async function post(t: TestApp, query: string, variables?: Record<string, unknown>, extensions?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables, extensions }) });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
}

async function get(t: TestApp, params: Record<string, unknown>): Promise<Answer> {
  const search = new URLSearchParams(Object.entries(params).map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
  const res = await fetch(`${t.url}?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
}

/** A query the limits let through: it ran, and no error names a limit. */
function expectAdmitted(answer: Answer): void {
  expect(answer.errors?.map((error) => error.extensions?.code) ?? []).toEqual([]);
  expect(answer.status).toBe(200);
  expect(answer.data).toBeTruthy();
}

/** A query refused for `limit`: a 400 naming the limit, its value and what the query asked for, and no data. */
function expectRefused(answer: Answer, code: string, max: number, found: number): void {
  expect(answer.status).toBe(400);
  expect(answer.data).toBeUndefined();
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0].extensions).toMatchObject({ code, max, found });
  expect(answer.errors![0].message).toContain(String(found));
  expect(answer.errors![0].message).toContain(`the limit is ${max}`);
}

const nested = (levels: number, inner = 'name'): string => (levels === 0 ? inner : `parent { ${nested(levels - 1, inner)} }`);

describe('query limits at small settings: exactly at each limit passes, one over is refused', () => {
  let t: TestApp;
  const limits = { depth: 4, aliases: 3, directives: 2, tokens: 60, cost: 100 };
  beforeAll(async () => {
    t = await startTestApp({ cache: { enabled: false }, protection: { limits } });
  });
  afterAll(() => t?.close());

  it('depth: fields nested four deep pass, five are refused, however the levels are spelled', async () => {
    expectAdmitted(await post(t, `{ section(path: "world") { ${nested(2)} } }`));
    expectRefused(await post(t, `{ section(path: "world") { ${nested(3)} } }`), 'MAX_DEPTH_EXCEEDED', 4, 5);
    // Through a fragment and an inline fragment: fragments add no level of their own, and hide none.
    expectAdmitted(await post(t, `{ section(path: "world") { ...Sub } } fragment Sub on Section { ${nested(2)} }`));
    expectRefused(await post(t, `{ section(path: "world") { ...Sub } } fragment Sub on Section { ${nested(3)} }`), 'MAX_DEPTH_EXCEEDED', 4, 5);
    expectRefused(await post(t, `{ section(path: "world") { ... on Section { ${nested(3)} } } }`), 'MAX_DEPTH_EXCEEDED', 4, 5);
    expectRefused(await post(t, `{ ...Deep } fragment Deep on Query { section(path: "world") { ... on Section { ...Sub } } } fragment Sub on Section { ${nested(3)} }`), 'MAX_DEPTH_EXCEEDED', 4, 5);
  });

  it('names such as __schema exempt nothing: an operation or a fragment called so is measured like any other', async () => {
    expectRefused(await post(t, `query __schema { section(path: "world") { ${nested(3)} } }`), 'MAX_DEPTH_EXCEEDED', 4, 5);
    expectRefused(await post(t, `{ ...__schema } fragment __schema on Query { section(path: "world") { ${nested(3)} } }`), 'MAX_DEPTH_EXCEEDED', 4, 5);
    // An alias called __schema is not the introspection field either.
    expectRefused(await post(t, `{ __schema: section(path: "world") { ${nested(3)} } }`), 'MAX_DEPTH_EXCEEDED', 4, 5);
  });

  it('cyclic fragments are refused by validation at once, never followed round', async () => {
    const answer = await post(t, '{ section(path: "world") { ...A } } fragment A on Section { children { ...B } } fragment B on Section { children { ...A } }');
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0].message).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('aliases: three pass, a fourth is refused, also inside fragments spread twice', async () => {
    expectAdmitted(await post(t, '{ a: sections { name } b: sections { name } c: sections { name } }'));
    expectRefused(await post(t, '{ a: sections { name } b: sections { name } c: sections { name } d: sections { name } }'), 'MAX_ALIASES_EXCEEDED', 3, 4);
    // The fragment's two aliases count at each of its two spreads.
    expectRefused(await post(t, '{ sections { ...Two children { ...Two } } } fragment Two on Section { a: name b: path }'), 'MAX_ALIASES_EXCEEDED', 3, 4);
  });

  it('directives: two pass, a third is refused, also in fragments', async () => {
    expectAdmitted(await post(t, '{ sections @include(if: true) { name @skip(if: false) } }'));
    expectRefused(await post(t, '{ sections @include(if: true) { name @skip(if: false) path @skip(if: false) } }'), 'MAX_DIRECTIVES_EXCEEDED', 2, 3);
    expectRefused(await post(t, '{ sections @include(if: true) { ...F } } fragment F on Section { name @skip(if: false) path @include(if: true) }'), 'MAX_DIRECTIVES_EXCEEDED', 2, 3);
  });

  it('tokens: sixty pass, sixty-one are refused by the parser, and the refusal counts them all', async () => {
    const withNames = (count: number) => `{ sections { ${Array.from({ length: count }, () => 'name').join(' ')} } }`;
    const at = withNames(55);
    expect(countTokens(at)).toBe(60);
    expectAdmitted(await post(t, at));
    expectRefused(await post(t, withNames(56)), 'MAX_TOKENS_EXCEEDED', 60, 61);
    expectRefused(await post(t, withNames(500)), 'MAX_TOKENS_EXCEEDED', 60, 505);
  });

  it('cost: a list of 99 and its connection (100) passes, of 100 is refused; variables and defaults count', async () => {
    expectAdmitted(await post(t, '{ articles(first: 99) { nodes { id } } }'));
    expectRefused(await post(t, '{ articles(first: 100) { nodes { id } } }'), 'MAX_COST_EXCEEDED', 100, 101);
    const byVariable = 'query Page($n: Int) { articles(first: $n) { nodes { id } } }';
    expectAdmitted(await post(t, byVariable, { n: 99 }));
    expectRefused(await post(t, byVariable, { n: 100 }), 'MAX_COST_EXCEEDED', 100, 101);
    // Repeats are measured by their own variables, however the costs are kept.
    expectAdmitted(await post(t, byVariable, { n: 99 }));
    expectRefused(await post(t, byVariable, { n: 100 }), 'MAX_COST_EXCEEDED', 100, 101);
    expectRefused(await post(t, 'query Page($n: Int = 100) { articles(first: $n) { nodes { id } } }'), 'MAX_COST_EXCEEDED', 100, 101);
    // Left out, `first` is the page size (20): 1 + 20 + 20 sections under them.
    expectAdmitted(await post(t, '{ articles { nodes { section { id } } } }'));
  });

  it('cost: fragments, inline fragments and aliases all count, and lists multiply down the tree', async () => {
    expectAdmitted(await post(t, '{ articles(first: 99) { ...Ids } } fragment Ids on ArticleConnection { nodes { id } }'));
    expectRefused(await post(t, '{ articles(first: 100) { ...Ids } } fragment Ids on ArticleConnection { nodes { id } }'), 'MAX_COST_EXCEEDED', 100, 101);
    expectRefused(await post(t, '{ articles(first: 100) { ... on ArticleConnection { nodes { id } } } }'), 'MAX_COST_EXCEEDED', 100, 101);
    // The same field asked twice under aliases costs twice: 2 × (1 + 49) passes, 2 × (1 + 50) does not.
    expectAdmitted(await post(t, '{ a: articles(first: 49) { nodes { id } } b: articles(first: 49) { nodes { id } } }'));
    expectRefused(await post(t, '{ a: articles(first: 50) { nodes { id } } b: articles(first: 50) { nodes { id } } }'), 'MAX_COST_EXCEEDED', 100, 102);
    // 1 + 9 articles + 9 × 10 related items = 100; their tags (10 each, as declared) are 90 more.
    expectAdmitted(await post(t, '{ articles(first: 9) { nodes { relatedCoverage(first: 10) { relation } } } }'));
    expectRefused(await post(t, '{ articles(first: 9) { nodes { relatedCoverage(first: 10) { relation } tags { id } } } }'), 'MAX_COST_EXCEEDED', 100, 190);
  });

  it('every path is measured: GET, and an Automatic Persisted Query whose variables ask for more', async () => {
    expectRefused(await get(t, { query: '{ articles(first: 100) { nodes { id } } }' }), 'MAX_COST_EXCEEDED', 100, 101);
    const query = 'query Page($n: Int) { articles(first: $n) { nodes { id } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    expectAdmitted(await post(t, query, { n: 5 }, persisted));
    // The hash alone, over GET, with a larger page: the stored text is measured with these variables.
    expectAdmitted(await get(t, { extensions: persisted, variables: { n: 99 } }));
    expectRefused(await get(t, { extensions: persisted, variables: { n: 100 } }), 'MAX_COST_EXCEEDED', 100, 101);
  });
});

describe('query limits at their defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ cache: { enabled: false } });
  });
  afterAll(() => t?.close());

  const related = (levels: number): string => (levels === 0 ? 'headline bodyHtml' : `relatedCoverage(first: 20) { article { ${related(levels - 1)} } }`);

  it('refuse the five-level related-coverage nesting before any SQL is sent', async () => {
    let answer: Answer | undefined;
    const statements = await t.countStatements(async () => {
      answer = await post(t, `{ articles(first: 20) { nodes { ${related(5)} } } }`);
    });
    expect(statements).toBe(0);
    expect(answer!.status).toBe(400);
    expect(answer!.errors?.[0].extensions?.code).toMatch(/^MAX_(DEPTH|COST)_EXCEEDED$/);
  });

  it('refuse what the depth allows but the cost does not: two levels of related coverage under a page of articles', async () => {
    let answer: Answer | undefined;
    const statements = await t.countStatements(async () => {
      answer = await post(t, `{ articles(first: 20) { nodes { ${related(2)} } } }`);
    });
    expect(statements).toBe(0);
    expectRefused(answer!, 'MAX_COST_EXCEEDED', 5000, 1 + 20 + 20 * 20 * 2 + 20 * 20 * 20 * 2);
  });

  it('refuse five hundred aliases of full article lists without reading a row', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: articles(first: 100) { nodes { bodyHtml } }`).join(' ');
    let answer: Answer | undefined;
    const statements = await t.countStatements(async () => {
      answer = await post(t, `{ ${aliases} }`);
    });
    expect(statements).toBe(0);
    expect(answer!.status).toBe(400);
    expect(answer!.errors?.[0].extensions?.code).toBe('MAX_TOKENS_EXCEEDED');
  });

  it("let GraphiQL's introspection query through, and refuse introspection that cycles through types", async () => {
    const full = await post(t, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true }));
    expectAdmitted(full);
    expect((full.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50);
    // graphql-js itself refuses introspection that goes round its types three times.
    const cycling = await post(t, '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
    expect(cycling.status).toBe(400);
    expect(cycling.errors?.[0].message).toBe('Maximum introspection depth exceeded');
    // Twice is allowed, and costs each type's fields' types' fields: three of those are over the limit.
    const twice = '{ types { fields { type { fields { name } } } } }';
    expectAdmitted(await post(t, `{ __schema ${twice} }`));
    const thrice = await post(t, `{ a: __schema ${twice} b: __schema ${twice} c: __schema ${twice} }`);
    expect(thrice.status).toBe(400);
    expect(thrice.errors?.[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', max: 5000 });
  });
});

describe('the operations clients send are within the default limits', () => {
  const schema = buildMastheadSchema();
  const limiter = new QueryLimiter(schema, DEFAULT_QUERY_LIMITS);
  const root = path.resolve(__dirname, '../..');
  const folders = [path.resolve(root, '../shared/contract/operations'), path.join(root, 'schema/operations'), path.join(root, 'tests/operations')];
  const files = folders.filter((folder) => fs.existsSync(folder)).flatMap((folder) => fs.readdirSync(folder).filter((file) => file.endsWith('.graphql')).map((file) => path.join(folder, file)));

  it('finds the contract operations', () => {
    expect(files.map((file) => path.basename(file))).toEqual(expect.arrayContaining(['ArticlePage.graphql', 'SectionFront.graphql', 'QuotesBySpeaker.graphql', 'Search.graphql', 'Editorial.graphql']));
  });

  it.each(files.map((file) => [path.relative(path.resolve(root, '..'), file), file]))('%s, with its defaults and with the largest page', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    // GraphiQL sends a tab's whole document.
    expect(countTokens(text)).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.tokens);
    const document = parse(text);
    for (const operation of document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)) {
      const takesFirst = operation.variableDefinitions?.some((variable) => variable.variable.name.value === 'first');
      expect(() => limiter.check(document, operation, {})).not.toThrow();
      if (takesFirst) expect(() => limiter.check(document, operation, { first: 100 })).not.toThrow();
    }
  });
});

describe('the cost of every list is known before a query runs', () => {
  it('each list of objects takes `first`, belongs to a connection that does, or declares its size (@ListSize)', () => {
    const schema = buildMastheadSchema();
    const connections = new Set(
      Object.values(schema.getTypeMap())
        .filter(isObjectType)
        .flatMap((type) => Object.values(type.getFields()))
        .filter((field) => field.args.some((arg) => arg.name === 'first') && !isListType(getNullableType(field.type)))
        .map((field) => getNamedType(field.type).name),
    );
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type)) || isLeafType(getNamedType(field.type))) continue;
        const sized = field.args.some((arg) => arg.name === 'first' || arg.name === 'ids') || typeof field.extensions.listSize === 'number' || connections.has(type.name);
        if (!sized) undeclared.push(`${type.name}.${field.name}`);
      }
    }
    expect(undeclared).toEqual([]);
    expect([...connections]).toEqual(expect.arrayContaining(['ArticleConnection', 'QuoteConnection', 'SearchConnection', 'TagConnection']));
  });
});

describe('the README', () => {
  it("lists each contract operation's depth and cost as the limiter measures them", () => {
    const root = path.resolve(__dirname, '../..');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const limiter = new QueryLimiter(buildMastheadSchema(), DEFAULT_QUERY_LIMITS);
    // The contract's operations, or the project's copies of them where the contract is not beside it.
    const shared = path.resolve(root, '../shared/contract/operations');
    const folder = fs.existsSync(shared) ? shared : path.join(root, 'schema/operations');
    const rows = new Map<string, string>();
    for (const file of fs.readdirSync(folder)) {
      const document = parse(fs.readFileSync(path.join(folder, file), 'utf8'));
      for (const operation of document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)) {
        const { depth, cost } = limiter.check(document, operation, {});
        const takesFirst = operation.variableDefinitions?.some((variable) => variable.variable.name.value === 'first');
        const largest = takesFirst ? limiter.check(document, operation, { first: 100 }).cost.toLocaleString('en') : '';
        rows.set(operation.name!.value, `| ${depth} | ${cost.toLocaleString('en')} |${largest ? ` ${largest} ` : ' '}|`);
      }
    }
    for (const [name, row] of rows) {
      const line = readme.split('\n').find((text) => text.startsWith('| `') && text.includes(`\`${name}\``));
      expect(line, `README has a row for ${name}`).toBeDefined();
      expect(line!.slice(line!.indexOf('|', 2))).toBe(row);
    }
    for (const [name, limit] of Object.entries(DEFAULT_QUERY_LIMITS)) {
      expect(readme).toMatch(new RegExp(`\\| ${name} \\| ${limit.toLocaleString('en')} \\|`));
    }
  });
});
