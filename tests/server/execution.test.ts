import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/viewer';
import { TokenService } from '../../src/modules/token/token.service';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { SAEPPYOL } from '../support/demo';
import { operationsIn, type OperationDocument } from '../support/operations';

/**
 * Compiled plans (graphql-jit) answer byte for byte what graphql-js answers (src/server/execution.ts:
 * a plan's answer with errors gives way to graphql-js's, so the errors compared are its own, and the
 * clean answers are the plans'). Two instances of the app
 * share one database: one runs queries through compiled plans, as production does, the other through
 * graphql-js. Every query in schema/operations and tests/operations is sent to both, anonymously and
 * as an editor (previews), with variables that find things, find nothing and are refused, and then
 * once more after a real fault (a table gone) so that errors and null propagation are compared too.
 */
const operations = operationsIn(path.resolve(__dirname, '../../schema/operations'), path.resolve(__dirname, '../operations'));
const queries = new Map([...operations].filter(([, operation]) => operation.kind === 'query'));

/** What the demo newsroom holds that the variables below point at. */
interface Found {
  articleId: string;
  quoteId: string;
  draftId: string;
  drafts: number;
  /** The demo liveblog (the typhoon story), one of its entries and that entry's cursor. */
  liveblogId: string;
  entryId: string;
  entryCursor: string;
}

type Variables = Record<string, unknown>;

/** Each query's variable sets: some find things, some find nothing, some are refused. */
const CASES: Record<string, (found: Found) => Variables[]> = {
  ArticlePage: () => [{ path: SAEPPYOL.path }, { path: '/world/asia/no-such-story' }, { path: 'world/asia' }, {}],
  QuotesBySpeaker: () => [{ speaker: 'kim-jong-un' }, { speaker: 'kim-jong-un', first: 2, after: 'not a cursor' }, { speaker: 'nobody' }, { speaker: 'kim-jong-un', first: 'two' }],
  Search: () => [{ query: 'Saeppyol' }, { query: 'soldiers', filter: { section: 'world' }, first: 3 }, { query: '' }, { query: 'x', first: 10_000 }],
  SectionFront: () => [{ path: 'world/asia' }, { path: 'world', first: 2 }, { path: 'nowhere' }, { path: 'world', first: -1 }],
  AnalyzeCopy: () => [{ input: { text: 'Kim Jong Un said the homes were "a source of honour", KCNA reported.' } }, { input: { text: '' } }, { input: { text: 'x', format: 'NOT_A_FORMAT' } }],
  SpeakerQuotes: () => [{ slug: 'kim-jong-un' }, { slug: 'kim-jong-un', query: 'martyrs' }, { slug: 'nobody' }],
  ImportedDraft: (found) => [{ id: found.draftId }, { id: found.articleId }, { id: 'not-an-id' }],
  RelatedCoverage: () => [{ slug: SAEPPYOL.slug, first: 3 }, { slug: SAEPPYOL.slug }, { slug: 'nothing-here' }, { slug: SAEPPYOL.slug, first: 500 }],
  SearchHits: () => [{ query: 'Pyongyang', first: 2 }, { query: 'Pyongyang', first: 2, after: 'bad' }, { query: 'homes', filter: { tag: 'kim-jong-un' } }],
  AuthorArticleDates: () => [{ slug: 'hana-seo', first: 3 }, { slug: 'no-one' }],
  SectionArticleDates: () => [{ path: 'world', first: 4 }, { path: 'world/asia', first: 1 }],
  DeskIds: () => [{ section: 'world/asia', tag: 'kim-jong-un', author: 'hana-seo', slug: SAEPPYOL.slug }, { section: 'x', tag: 'y', author: 'z', slug: 'w' }],
  DeskArticle: () => [{ slug: SAEPPYOL.slug }, { slug: 'missing' }],
  DeskRoute: () => [{ path: SAEPPYOL.path }, { path: '/world' }, { path: '/tags/kim-jong-un' }, { path: '/nowhere/at/all' }],
  DeskRevisions: () => [{ slug: SAEPPYOL.slug }],
  DeskAuditLog: (found) => [{ first: 5 }, { subjectId: found.articleId, first: 3 }, { first: 5, after: 'nonsense' }],
  DeskPublicPaths: (found) => [{ slug: SAEPPYOL.slug, path: SAEPPYOL.path, id: found.articleId, quoteId: found.quoteId, related: SAEPPYOL.slug, word: 'Saeppyol' }],
  DeskDrafts: () => [{ status: 'DRAFT' }, { status: 'PUBLISHED' }, {}],
  DeskApiTokens: () => [{}],
  NodeById: (found) => [{ id: found.articleId }, { id: found.quoteId }, { id: 'QXJ0aWNsZTo5OTk5OTk=' }, { id: '!!' }],
  NodesByIds: (found) => [{ ids: [found.articleId, found.quoteId, found.draftId, 'QXJ0aWNsZTo5OTk5OTk='] }, { ids: [] }],
  ArticleBySlug: (found) => [{ slug: SAEPPYOL.slug }, { slug: 'nope' }, { slug: null }, { slug: found.drafts > 0 ? 'x' : 'y' }],
  ArticleList: () => [{ first: 5 }, { filter: { section: 'world', status: 'DRAFT' }, orderBy: 'OLDEST', first: 3 }, { orderBy: 'RECENTLY_UPDATED', first: 2, after: 'zz' }, { filter: { publishedAfter: 'yesterday' } }],
  TagPage: () => [{ slug: 'kim-jong-un', first: 3 }, { slug: 'north-korea' }, { slug: 'no-tag' }],
  TagList: () => [{ kind: 'PERSON', first: 5 }, { query: 'kor' }, { kind: 'WIZARD' }],
  AuthorPage: () => [{ slug: 'hana-seo', first: 2 }, { slug: 'nobody' }],
  AuthorList: () => [{ first: 3 }, { first: 2, after: 'no' }],
  SectionList: () => [{}],
  SectionArticles: () => [{ path: 'world', includeSubsections: true, first: 3 }, { path: 'world', includeSubsections: false }, { path: 'world', first: 0 }],
  RouteKind: () => [{ path: SAEPPYOL.path }, { path: '/authors/hana-seo' }, { path: '' }],
  QuoteSearch: (found) => [{ filter: { query: 'martyrs' } }, { filter: { article: found.articleId }, first: 2 }, { filter: { speaker: 'kim-jong-un' }, first: 1, after: '?' }],
  CurrentViewer: () => [{}],
  TagAliases: () => [{ slug: 'kim-jong-un' }, { slug: 'none' }],
  TagSearch: () => [{ query: 'kim', first: 3 }, { query: '' }],
  ArticleTagNames: () => [{ slug: SAEPPYOL.slug }, { slug: 'missing' }],
  LiveblogStream: (found) => [
    { id: found.liveblogId },
    { id: found.liveblogId, first: 2, keyEvents: 1 },
    { id: found.liveblogId, since: found.entryCursor, first: 1 },
    { id: found.liveblogId, after: 'not a cursor' },
    { id: found.liveblogId, keyEvents: 500 },
    { id: found.articleId },
  ],
  LiveblogEntryNode: (found) => [{ id: found.entryId }, { id: found.quoteId }, { id: 'TGl2ZWJsb2dFbnRyeTo5OTk5OTk=' }],
  LiveblogCards: () => [{ path: 'world/asia' }, { path: 'nowhere' }],
  LiveblogArticle: () => [{ slug: 'typhoon-sanwol-evacuations' }, { slug: 'nope' }],
  EmbargoView: () => [{ slug: SAEPPYOL.slug }, { slug: 'nope' }],
  Changes: () => [{}, { latest: 3 }, { section: 'world', latest: 2 }, { since: 'nonsense' }, { section: 'nowhere' }, { latest: 500 }],
};

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

describe('compiled plans answer what graphql-js answers', () => {
  let database: TestDatabase;
  let compiled: TestApp;
  let reference: TestApp;
  let editorToken: string;
  let found: Found;

  const ask = async (t: TestApp, document: string, variables: Variables, token?: string, extra: Record<string, string> = {}): Promise<Answer> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(t.url, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
    // Each answer's errors carry its own request id; everything else must match to the byte.
    return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.text()).replace(/"requestId":"[^"]*"/g, '"requestId":"…"') };
  };
  const both = async (operation: OperationDocument, variables: Variables, token?: string) => ({
    compiled: await ask(compiled, operation.document, variables, token),
    reference: await ask(reference, operation.document, variables, token),
  });

  beforeAll(async () => {
    database = await createTestDatabase({ shared: true });
    // No response cache: every request executes.
    compiled = await startTestApp({ database, cache: { enabled: false } });
    reference = await startTestApp({ database, cache: { enabled: false }, execution: 'graphql-js' });
    editorToken = await new TokenService(compiled.app.orm.em.fork()).create('Execution check', Role.EDITOR);
    const ids = JSON.parse(
      (await ask(compiled, `{ article(slug: "${SAEPPYOL.slug}") { id quotes { id } } articles(filter: { status: DRAFT }, first: 1) { totalCount nodes { id } } }`, {}, editorToken)).body,
    ).data;
    const live = JSON.parse(
      (await ask(compiled, '{ article(slug: "typhoon-sanwol-evacuations") { id liveblog { entries(first: 5) { edges { cursor node { id } } } } } }', {})).body,
    ).data.article;
    const oldest = live.liveblog.entries.edges.at(-1);
    found = {
      articleId: ids.article.id,
      quoteId: ids.article.quotes[0].id,
      draftId: ids.articles.nodes[0]?.id ?? ids.article.id,
      drafts: ids.articles.totalCount,
      liveblogId: live.id,
      entryId: oldest.node.id,
      entryCursor: oldest.cursor,
    };
  });
  afterAll(async () => {
    await compiled?.close();
    await reference?.close();
    await database?.drop();
  });

  it('has variables for every query in schema/operations and tests/operations', () => {
    expect(Object.keys(CASES).sort()).toEqual([...queries.keys()].sort());
  });

  /** Queries an instance's compiled plans answered, or graphql-js did, so far (its /metrics). */
  const executions = async (t: TestApp, by: 'plan' | 'graphql-js'): Promise<number> => {
    const text = await (await fetch(`${t.app.url}/metrics`)).text();
    return Number(new RegExp(`^masthead_query_executions_total\\{by="${by}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  };

  /** Answers of known documents past Apollo's pipeline, so far (src/server/known-documents.ts). */
  const knownAnswers = async (t: TestApp): Promise<number> => {
    const text = await (await fetch(`${t.app.url}/metrics`)).text();
    return Number(/^masthead_known_document_answers_total (\d+)/m.exec(text)?.[1] ?? 0);
  };

  it('answers a known document past Apollo only as Apollo would: its content type for each accept, and Apollo for anything else', async () => {
    const page = queries.get('ArticlePage')!.document;
    const variables = CASES.ArticlePage(found)[0];
    const graphqlResponse = { accept: 'application/graphql-response+json' };
    // A new accept goes through Apollo, which chooses the content type; the next is answered past it, alike.
    const before = await knownAnswers(compiled);
    const first = await ask(compiled, page, variables, undefined, graphqlResponse);
    const second = await ask(compiled, page, variables, undefined, graphqlResponse);
    expect(first.contentType).toBe('application/graphql-response+json; charset=utf-8');
    expect(second).toEqual(first);
    expect(JSON.parse(second.body).data.route.headline).toBe(SAEPPYOL.headline);
    expect((await knownAnswers(compiled)) - before).toBe(1);
    // A long document is known by its hash, as well.
    const long = `# ${'padding '.repeat(2_500)}\n${page}`;
    const [longFirst, longSecond] = [await ask(compiled, long, variables), await ask(compiled, long, variables)];
    expect(longSecond).toEqual(longFirst);
    expect(JSON.parse(longSecond.body).data.route.headline).toBe(SAEPPYOL.headline);
    expect((await knownAnswers(compiled)) - before).toBe(2);
    // A GET is known the same way, with the header Apollo's CSRF prevention asks of it.
    const search = new URLSearchParams({ query: page, variables: JSON.stringify(variables) });
    const get = async (query: string, headers: Record<string, string>) => {
      const res = await fetch(`${compiled.url}?${query}`, { headers });
      return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.text()).replace(/"requestId":"[^"]*"/g, '"requestId":"…"') };
    };
    const preflight = { 'apollo-require-preflight': 'true' };
    const [getFirst, getSecond] = [await get(search.toString(), preflight), await get(search.toString(), preflight)];
    expect(getSecond).toEqual(getFirst);
    // Both known already (the document and this accept were), and so is the POST beside them.
    expect(getSecond.body).toBe((await ask(compiled, page, variables)).body);
    expect((await knownAnswers(compiled)) - before).toBe(5);
    // Without that header, or with a part given twice, Apollo refuses it every time.
    for (let i = 0; i < 2; i++) {
      expect((await get(search.toString(), {})).status).toBe(400);
      expect((await get(`${search}&variables=${encodeURIComponent('{}')}`, preflight)).status).toBe(400);
    }
    expect((await knownAnswers(compiled)) - before).toBe(5);
    // An accept Apollo refuses is refused every time.
    for (let i = 0; i < 2; i++) expect((await ask(compiled, page, variables, undefined, { accept: 'text/html' })).status).toBe(406);
    // A body with more than a query, its operation name and variables, or sent as another content
    // type, always goes through Apollo: the same answers, none of them past it.
    const known = await knownAnswers(compiled);
    const withExtensions = await fetch(compiled.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: page, variables, extensions: {} }) });
    expect(((await withExtensions.json()) as { data: { route: { headline: string } } }).data.route.headline).toBe(SAEPPYOL.headline);
    const asText = await fetch(compiled.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: page, variables }) });
    expect(asText.status).toBe(400);
    // Operation names that name nothing in the document are Apollo's to refuse, as graphql-js words it.
    for (const operationName of ['', 'ArticlePage\nquery', 'Nothing']) {
      const body = JSON.stringify({ query: page, variables, operationName });
      const [got, wanted] = await Promise.all(
        [compiled, reference].map(async (t) => {
          const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          return { status: res.status, body: (await res.text()).replace(/"requestId":"[^"]*"/g, '') };
        }),
      );
      expect(got).toEqual(wanted);
      expect(got.status).toBe(400);
    }
    expect(await knownAnswers(compiled)).toBe(known);
  });

  it('answers every query, anonymously and as an editor, byte for byte as graphql-js does', async () => {
    const differences: string[] = [];
    let withData = 0;
    let withErrors = 0;
    let clean = 0;
    const plannedBefore = await executions(compiled, 'plan');
    const knownBefore = await knownAnswers(compiled);
    for (const [name, operation] of queries) {
      for (const variables of CASES[name](found)) {
        for (const token of [undefined, editorToken]) {
          const answers = await both(operation, variables, token);
          const { compiled: got, reference: wanted } = answers;
          if (got.status !== wanted.status || got.contentType !== wanted.contentType || got.body !== wanted.body) {
            differences.push(`${name} ${JSON.stringify(variables)} ${token ? 'editor' : 'anonymous'}:\n  compiled  ${got.status} ${got.contentType} ${got.body.slice(0, 600)}\n  graphql-js ${wanted.status} ${wanted.contentType} ${wanted.body.slice(0, 600)}`);
          }
          if (/"data":\{"[^"]+":[[{"0-9tf]/.test(answers.reference.body)) withData++;
          if (answers.reference.body.includes('"errors":')) withErrors++;
          else if (answers.reference.status === 200) clean++;
        }
      }
    }
    expect(differences).toEqual([]);
    // Every clean answer came from a plan (an answer with errors is graphql-js's, by design), and none
    // of the reference instance's did.
    expect((await executions(compiled, 'plan')) - plannedBefore).toBe(clean);
    expect(await executions(reference, 'plan')).toBe(0);
    // Most clean answers were a known document's, past Apollo's pipeline: the same bytes either way.
    expect((await knownAnswers(compiled)) - knownBefore).toBeGreaterThan(clean / 2);
    expect(await knownAnswers(reference)).toBe(0);
    // The cases reach both sides of every answer: found content, and refusals.
    expect(withData).toBeGreaterThan(80);
    expect(withErrors).toBeGreaterThan(25);
  });

  it('propagates a failing field’s null and reports its error as graphql-js does', async () => {
    // A real fault: the corrections the article page reads are gone.
    await compiled.app.orm.em.getConnection().execute('drop table correction');
    for (const name of ['ArticleBySlug', 'ArticlePage', 'DeskArticle']) {
      const variables = CASES[name](found)[0];
      const answers = await both(queries.get(name)!, variables);
      expect(answers.compiled).toEqual(answers.reference);
      const body = JSON.parse(answers.compiled.body);
      expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(body.errors[0].path).toContain('corrections');
    }
  });
});
