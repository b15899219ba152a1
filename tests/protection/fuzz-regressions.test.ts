/**
 * Inputs the fuzz test (fuzz.test.ts) found answered as INTERNAL_SERVER_ERROR, each now a clear
 * refusal (BAD_USER_INPUT for read arguments, a userErrors INVALID for mutation inputs) or, for IDs
 * that name nothing, "no such object": forged cursors holding numbers out of range for their column,
 * IDs of 2^31 and more (PostgreSQL's integer), long search text (SQLite's LIKE pattern limit), and
 * Markdown nested thousands deep (marked recursing out of stack).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { Role } from '../../src/auth/viewer';
import { TokenService } from '../../src/modules/token/token.service';
import { databaseRows } from '../support/newsroom';

interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

let t: TestApp;
let editor: string;
let admin: string;
let sectionId: string;

beforeAll(async () => {
  t = await startTestApp();
  editor = t.app.prepared.demoToken!;
  // For the audit log.
  admin = await new TokenService(t.app.orm.em.fork()).create('Test admin', Role.ADMIN);
  sectionId = (await gql('{ section(path: "world/asia") { id } }')).data!.section.id;
});
afterAll(() => t?.close());

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLAnswer;
  expect(res.status, JSON.stringify(body).slice(0, 500)).toBeLessThan(500);
  for (const error of body.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  return body;
}

/** The one error of a refused read: BAD_USER_INPUT naming `argument`. */
function refused(answer: GraphQLAnswer, argument: string): string {
  expect(answer.errors, JSON.stringify(answer).slice(0, 500)).toHaveLength(1);
  expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  return answer.errors![0].message;
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const NOT_A_CURSOR = /"after" is not a cursor from this list and ordering/;

describe('forged cursors: every number is range-checked for what it is (id, time, position)', () => {
  const TAGS = 'query($after: String) { tags(first: 2, after: $after) { edges { node { name } } pageInfo { endCursor } } }';
  const ARTICLES = 'query($after: String) { articles(first: 2, after: $after) { edges { node { id } } pageInfo { endCursor } } }';
  const QUOTES = 'query($after: String) { quotes(first: 2, after: $after) { edges { node { id } } pageInfo { endCursor } } }';

  it.each([
    ['an id past the dates', '["NAME","x",8640000000000001]'],
    ['an id of 1e308', '["NAME","x",1e308]'],
    ['a fractional id', '["NAME","x",1.5]'],
    ['an id of 2^31', '["NAME","x",2147483648]'],
    ['an id of 0', '["NAME","x",0]'],
    ['a negative id', '["NAME","x",-1]'],
    ['a string id', '["NAME","x","1"]'],
    ['a NUL in the name', '["NAME","\\u0000",1]'],
    ['half a surrogate pair in the name', '["NAME","\\ud800",1]'],
  ])('tags(after:) with %s: BAD_USER_INPUT', async (_, json) => {
    expect(refused(await gql(TAGS, { after: base64url(json) }), 'after')).toMatch(NOT_A_CURSOR);
  });

  it.each([
    ['a time of 1e308', '["NEWEST:a.published_at",1e308,1]'],
    ['a time past what a Date holds (9e15)', '["NEWEST:a.published_at",9e15,1]'],
    ['a fractional time', '["NEWEST:a.published_at",1700000000000.5,1]'],
    ['a time before year 1', '["NEWEST:a.published_at",-62135596800001,1]'],
    ['a time before what a Date holds', '["NEWEST:a.published_at",-8640000000000001,1]'],
    ['an id of 2^31', '["NEWEST:a.published_at",1700000000000,2147483648]'],
    ['an id of 1e308', '["NEWEST:a.published_at",1700000000000,1e308]'],
  ])('articles(after:) with %s: BAD_USER_INPUT', async (_, json) => {
    expect(refused(await gql(ARTICLES, { after: base64url(json) }), 'after')).toMatch(NOT_A_CURSOR);
  });

  it.each([
    ['a time of 1e308', '["SPEAKER",1e308,1,0]'],
    ['an article id of 2^31', '["SPEAKER",1700000000000,2147483648,0]'],
    ['a position of 2^31', '["SPEAKER",1700000000000,1,2147483648]'],
    ['a negative position', '["SPEAKER",1700000000000,1,-1]'],
  ])('quotes(after:) with %s: BAD_USER_INPUT', async (_, json) => {
    expect(refused(await gql(QUOTES, { after: base64url(json) }), 'after')).toMatch(NOT_A_CURSOR);
  });

  it('auditLog(after:) with an id of 2^31: BAD_USER_INPUT', async () => {
    const answer = await gql('query($after: String) { auditLog(after: $after) { totalCount } }', { after: base64url('["AUDIT",2147483648]') }, admin);
    expect(refused(answer, 'after')).toMatch(NOT_A_CURSOR);
  });

  it('cursors the lists gave out, and forged ones in range, still page', async () => {
    for (const list of [TAGS, ARTICLES]) {
      const first = await gql(list);
      expect(first.errors).toBeUndefined();
      const field = Object.keys(first.data!)[0];
      const next = await gql(list, { after: first.data![field].pageInfo.endCursor });
      expect(next.errors).toBeUndefined();
      expect(next.data![field].edges.length).toBeGreaterThan(0);
    }
    for (const [list, json] of [
      [TAGS, '["NAME","",2147483647]'],
      [ARTICLES, '["NEWEST:a.published_at",8640000000000000,2147483647]'],
      [ARTICLES, '["NEWEST:a.published_at",-62135596800000,1]'],
      [TAGS, '["NAME","Kim 😀",1]'],
      [QUOTES, '["SPEAKER",8640000000000000,2147483647,2147483647]'],
    ]) {
      const answer = await gql(list, { after: base64url(json) });
      expect(answer.errors, json).toBeUndefined();
    }
  });
});

describe('IDs of 2^31 and more name nothing', () => {
  const huge = (type: string, digits = '2147483648') => base64url(`${type}:${digits}`);

  it('node(id:) answers null, as for any unknown ID', async () => {
    for (const id of [huge('Article'), huge('Quote'), huge('Tag', '9999999999999999'), huge('Article', '2147483647')]) {
      const answer = await gql('query($id: ID!) { node(id: $id) { id } }', { id }, editor);
      expect(answer).toEqual({ data: { node: null } });
    }
  });

  it('nodes(ids:) answers null in their places, and the rest as usual', async () => {
    const tag = (await gql('{ tag(slug: "kim-jong-un") { id } }')).data!.tag.id;
    const answer = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [huge('Image'), tag, huge('Section'), huge('Author')] });
    expect(answer).toEqual({ data: { nodes: [null, { id: tag }, null, null] } });
  });

  it('a quote filter or an audit filter of such an article: an empty list', async () => {
    const quotes = await gql('query($article: ID) { quotes(filter: { article: $article }) { totalCount edges { cursor } } }', { article: huge('Article') });
    expect(quotes).toEqual({ data: { quotes: { totalCount: 0, edges: [] } } });
    const audit = await gql('query($id: ID) { auditLog(subjectId: $id) { totalCount edges { cursor } } }', { id: huge('Article') }, admin);
    expect(audit).toEqual({ data: { auditLog: { totalCount: 0, edges: [] } } });
  });

  it('mutations answer NOT_FOUND, nothing saved', async () => {
    const before = await databaseRows(t);
    const publish = await gql('mutation($id: ID!) { publishArticle(id: $id) { article { id } userErrors { code field message } } }', { id: huge('Article') }, editor);
    expect(publish.data!.publishArticle).toMatchObject({ article: null, userErrors: [{ code: 'NOT_FOUND', message: 'No article has this ID.' }] });
    const create = await gql(
      'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } userErrors { code field message } } }',
      { input: { headline: 'Out of range', sectionId: huge('Section'), tagIds: [huge('Tag')] } },
      editor,
    );
    expect(create.data!.createArticle.article).toBeNull();
    expect(create.data!.createArticle.userErrors).toEqual(
      expect.arrayContaining([
        { code: 'NOT_FOUND', field: ['input', 'sectionId'], message: 'No section has this ID.' },
        { code: 'NOT_FOUND', field: ['input', 'tagIds', '0'], message: 'No tag has this ID.' },
      ]),
    );
    const quote = await gql(
      'mutation($input: AddQuoteInput!) { addQuote(input: $input) { quote { id } userErrors { code field message } } }',
      { input: { articleId: huge('Article'), text: 'words', speakerName: 'Someone' } },
      editor,
    );
    expect(quote.data!.addQuote).toEqual({ quote: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'articleId'], message: 'No article has this ID.' }] });
    expect(await databaseRows(t)).toEqual(before);
  });
});

describe('free text to look for takes at most 200 characters', () => {
  const TAGS = 'query($q: String) { tags(query: $q) { totalCount } }';
  const QUOTES = 'query($q: String) { quotes(filter: { query: $q }) { totalCount } }';
  const SEARCH = 'query($q: String!) { search(query: $q) { totalCount } }';

  it.each([
    ['tags(query:), 60,000 × "a"', TAGS, 'a'.repeat(60_000), 'query'],
    ['tags(query:), 30,000 × "é"', TAGS, 'é'.repeat(30_000), 'query'],
    ['tags(query:), 201 characters', TAGS, 'a'.repeat(201), 'query'],
    ['quotes(filter: { query: }), 60,000 × "a"', QUOTES, 'a'.repeat(60_000), 'filter.query'],
    ['quotes(filter: { query: }), 30,000 × "é"', QUOTES, 'é '.repeat(15_000), 'filter.query'],
    ['search(query:), 60,000 × "a"', SEARCH, 'a'.repeat(60_000), 'query'],
  ])('%s: BAD_USER_INPUT naming the argument', async (_, query, q, argument) => {
    expect(refused(await gql(query, { q }), argument)).toMatch(new RegExp(`^"${argument.replace('.', '\\.')}" takes at most 200 characters`));
  });

  it('200 characters, or more only as surrounding spaces, are read as before', async () => {
    for (const query of [TAGS, QUOTES, SEARCH]) {
      const answer = await gql(query, { q: 'a'.repeat(200) });
      expect(answer.errors).toBeUndefined();
    }
    const padded = await gql(TAGS, { q: `${' '.repeat(300)}kim jong${' '.repeat(300)}` });
    expect(padded.errors).toBeUndefined();
    expect(padded.data!.tags.totalCount).toBeGreaterThan(0);
  });
});

describe('Markdown nested thousands deep: INVALID on the field, nothing saved', () => {
  const CREATE = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version body { __typename } } userErrors { code field message } } }';
  const IMPORT = 'mutation($input: ImportArticleInput!) { importArticle(input: $input) { article { id } userErrors { code field message } } }';
  const UPDATE = 'mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id version } userErrors { code field message } } }';
  const deep = {
    emphasis: `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`,
    quotes: `${'> '.repeat(10_000)}x`,
    lists: `${'- '.repeat(3_000)}x`,
    'a hundred quotes': `${'> '.repeat(100)}x`,
  };
  const tooDeep = (field: string[]) => [{ code: 'INVALID', field, message: expect.stringMatching(/^The copy nests too deeply/) }];

  it.each(Object.entries(deep))('createArticle, importArticle and updateArticle with %s', async (_, markdown) => {
    const made = await gql(CREATE, { input: { headline: 'Shallow', sectionId, bodyMarkdown: 'Plain *copy*.' } }, editor);
    const article = made.data!.createArticle.article;
    const before = await databaseRows(t);

    const create = await gql(CREATE, { input: { headline: 'Deep', sectionId, bodyMarkdown: markdown } }, editor);
    expect(create.data!.createArticle).toEqual({ article: null, userErrors: tooDeep(['input', 'bodyMarkdown']) });
    const imported = await gql(IMPORT, { input: { headline: 'Deep', sectionId, text: markdown, format: 'MARKDOWN' } }, editor);
    expect(imported.data!.importArticle).toEqual({ article: null, userErrors: tooDeep(['input', 'text']) });
    const update = await gql(UPDATE, { input: { id: article.id, expectedVersion: article.version, bodyMarkdown: markdown } }, editor);
    expect(update.data!.updateArticle).toEqual({ article: null, userErrors: tooDeep(['input', 'bodyMarkdown']) });

    expect(await databaseRows(t)).toEqual(before);
  });

  it('copy nested a few levels deep is read as before', async () => {
    const markdown = '> > > *__quoted__* words\n\n- one\n  - two\n    - three';
    const create = await gql(CREATE, { input: { headline: 'A few levels', sectionId, bodyMarkdown: markdown } }, editor);
    expect(create.data!.createArticle.userErrors).toEqual([]);
    expect(create.data!.createArticle.article.body.map((block: { __typename: string }) => block.__typename)).toEqual(['ParagraphBlock', 'ListBlock']);
    const imported = await gql(IMPORT, { input: { headline: 'A few levels', sectionId, text: markdown, format: 'MARKDOWN' } }, editor);
    expect(imported.data!.importArticle.userErrors).toEqual([]);
  });
});
