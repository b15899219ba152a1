/**
 * Many editorial mutations on different articles at the same moment, the way a busy desk (or the fuzz
 * test) sends them: publish, unpublish, archive, and updates, some of which move the slug or retag.
 * Every one must answer with the saved article or a documented user error (CONFLICT, for a stale
 * version or a status that does not allow the move), never an INTERNAL_SERVER_ERROR or a 5xx; and
 * afterwards what is stored agrees with what the answers said. On PostgreSQL every save refreshes the
 * SIMILAR lists and the search index inside its transaction, and those writes overlap between saves
 * of related articles: deadlocks, duplicate keys and 10 s lock waits used to fail them here. SQLite
 * has one writer at a time, so there the test checks the bookkeeping only.
 *
 * Reproducible: the mix of mutations comes from SEED; which of two saves of the same version wins is
 * the only thing that may differ between runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/modules/node/global-id';
import { startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';

const SEED = 20261205;
/** Demo articles 1 to ARTICLES are worked on; the demo newsroom publishes all of them. */
const ARTICLES = 16;
const ROUNDS = 6;
/** Stored per article (related.similar.ts). */
const KEPT = 25;
const ALLOWED_USER_ERRORS = new Set(['CONFLICT']);

type Action = 'publishArticle' | 'unpublishArticle' | 'archiveArticle' | 'updateArticle';
type Status = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' | 'SCHEDULED';

const PAYLOAD = 'article { id status version } userErrors { code field message }';
const DOCUMENTS: Record<Action, string> = {
  publishArticle: `mutation ($id: ID!) { publishArticle(id: $id) { ${PAYLOAD} } }`,
  unpublishArticle: `mutation ($id: ID!) { unpublishArticle(id: $id) { ${PAYLOAD} } }`,
  archiveArticle: `mutation ($id: ID!) { archiveArticle(id: $id) { ${PAYLOAD} } }`,
  updateArticle: `mutation ($input: UpdateArticleInput!) { updateArticle(input: $input) { ${PAYLOAD} } }`,
};

/** mulberry32: the same mix of mutations on every run. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sent {
  round: number;
  articleId: number;
  action: Action;
  variables: Record<string, unknown>;
}

interface Answer {
  sent: Sent;
  httpStatus: number;
  body: {
    data?: Record<string, { article: { id: string; status: Status; version: number } | null; userErrors: { code: string }[] } | null> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

let t: TestApp;
let token: string;

async function send(sent: Sent): Promise<Answer> {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: DOCUMENTS[sent.action], variables: sent.variables }),
  });
  const text = await response.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = { errors: [{ message: text.slice(0, 200) }] };
  }
  return { sent, httpStatus: response.status, body };
}

async function rows<T>(sql: string, bindings: unknown[] = []): Promise<T[]> {
  return t.app.orm.em.getConnection().execute<T[]>(sql, bindings);
}

beforeAll(async () => {
  t = await startTestApp();
  token = t.app.prepared.demoToken!;
});
afterAll(() => t?.close());

describe('concurrent editorial writes on different articles', () => {
  it('answer each mutation with success or a documented user error, and leave consistent data behind', { timeout: 120_000 }, async () => {
    expect(token).toBeTruthy();
    const random = rng(SEED);
    const ids = Array.from({ length: ARTICLES }, (_, i) => i + 1);
    const initial = await rows<{ id: number; status: Status; version: number; slug: string; headline: string }>(
      'select id, status, version, slug, headline from article where id <= ? order by id',
      [ARTICLES],
    );
    expect(initial.map((row) => row.id)).toEqual(ids);
    const status = new Map(initial.map((row) => [row.id, row.status]));
    const slugs = new Map(initial.map((row) => [row.id, row.slug]));
    // The tags of the articles worked on, to retag them with.
    const tagIds = (await rows<{ tag_id: number }>('select distinct tag_id from article_tag where article_id <= ? order by tag_id', [ARTICLES])).map((row) =>
      toGlobalId('Tag', Number(row.tag_id)),
    );
    const version = new Map(initial.map((row) => [row.id, Number(row.version)]));
    const revisionsBefore = await revisionCounts();
    const auditedBefore = await auditCount();
    const problems: string[] = [];
    let successes = 0;

    for (let round = 1; round <= ROUNDS; round += 1) {
      const batch: Sent[] = [];
      for (const articleId of ids) {
        const id = toGlobalId('Article', articleId);
        // A random move: as the article stands, some are refused (a CONFLICT), which is an answer too.
        const roll = random();
        const action: Action = roll < 0.3 ? 'publishArticle' : roll < 0.55 ? 'unpublishArticle' : roll < 0.8 ? 'archiveArticle' : 'updateArticle';
        const input: Record<string, unknown> = { id, expectedVersion: version.get(articleId)!, standfirst: `Round ${round}, article ${articleId}.` };
        // Some saves move the article to a new slug: an update of the row's key, which locks it harder.
        if (random() < 0.3) input.slug = `${slugs.get(articleId)}-r${round}`;
        // Some retag it, which moves it between other articles' SIMILAR lists.
        if (random() < 0.2) input.tagIds = [...new Set(Array.from({ length: 3 }, () => tagIds[Math.floor(random() * tagIds.length)]))];
        batch.push({ round, articleId, action, variables: action === 'updateArticle' ? { input } : { id } });
        // Now and then a second editor saves the same version of the same article: one of them gets CONFLICT.
        if (random() < 0.3) batch.push({ round, articleId, action: 'updateArticle', variables: { input: { ...input, slug: undefined, tagIds: undefined, standfirst: `Rival edit, round ${round}.` } } });
      }
      const answers = await Promise.all(batch.map(send));
      for (const answer of answers) {
        const { sent, httpStatus, body } = answer;
        const where = `round ${round}, ${sent.action} on article ${sent.articleId}`;
        const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? error.message);
        if (httpStatus !== 200 || codes.length) {
          problems.push(`${where}: HTTP ${httpStatus} ${codes.join(', ')} ${(body.errors ?? []).map((error) => error.message.slice(0, 120)).join(' | ')}`);
          continue;
        }
        const payload = body.data?.[sent.action];
        if (!payload) {
          problems.push(`${where}: no payload`);
          continue;
        }
        const unexpected = payload.userErrors.filter((error) => !ALLOWED_USER_ERRORS.has(error.code));
        if (unexpected.length) problems.push(`${where}: user errors ${JSON.stringify(unexpected)}`);
        if (payload.userErrors.length) {
          if (payload.article) problems.push(`${where}: refused, yet answered with an article`);
          continue;
        }
        successes += 1;
        const saved = payload.article!;
        const expected: Partial<Record<Action, Status>> = { publishArticle: 'PUBLISHED', unpublishArticle: 'DRAFT', archiveArticle: 'ARCHIVED' };
        if (expected[sent.action] && saved.status !== expected[sent.action]) problems.push(`${where}: saved as ${saved.status}`);
        // Saves of one article queue on its row, so its answers' versions go up one by one.
        if (saved.version > version.get(sent.articleId)!) {
          version.set(sent.articleId, saved.version);
          status.set(sent.articleId, saved.status);
        }
      }
      // What is stored is what the last answer for each article said.
      const stored = await rows<{ id: number; status: Status; version: number }>('select id, status, version from article where id <= ? order by id', [ARTICLES]);
      for (const row of stored) {
        if (Number(row.version) !== version.get(row.id) || row.status !== status.get(row.id)) {
          problems.push(`after round ${round}: article ${row.id} is ${row.status} v${row.version}, its last answer said ${status.get(row.id)} v${version.get(row.id)}`);
        }
      }
    }

    expect(problems, problems.join('\n')).toEqual([]);
    // The mix makes real changes: most mutations save something.
    expect(successes).toBeGreaterThan(ARTICLES * ROUNDS * 0.4);

    // One revision and one audit entry per successful mutation: none lost, none written twice.
    const revisionsAfter = await revisionCounts();
    const saves = ids.reduce((sum, id) => sum + (revisionsAfter.get(id) ?? 0) - (revisionsBefore.get(id) ?? 0), 0);
    expect(saves).toBe(successes);
    for (const id of ids) expect(revisionsAfter.get(id) ?? 0).toBe((revisionsBefore.get(id) ?? 0) + version.get(id)! - Number(initial[id - 1].version));
    const audited = (await auditCount()) - auditedBefore;
    expect(audited).toBe(successes);

    // The search index holds exactly the articles that are not drafts (with their status, on PostgreSQL).
    const live = ids.filter((id) => status.get(id) !== 'DRAFT');
    if (onPostgres) {
      const indexed = await rows<{ article_id: number; status: Status }>('select article_id, status from article_search where article_id <= ? order by article_id', [ARTICLES]);
      expect(indexed.map((row) => [row.article_id, row.status])).toEqual(live.map((id) => [id, status.get(id)]));
    } else {
      const indexed = await rows<{ id: number }>('select rowid as id from article_search where rowid <= ? order by rowid', [ARTICLES]);
      expect(indexed.map((row) => row.id)).toEqual(live);
    }

    // The SIMILAR lists are whole: no list longer than KEPT, no article similar to itself, and every
    // list an article is in was trimmed after the last save that put it there.
    const lengths = await rows<{ article_id: number; n: number | string }>('select article_id, count(*) as n from article_similar group by article_id having count(*) > ?', [KEPT]);
    expect(lengths).toEqual([]);
    expect(await rows('select article_id from article_similar where article_id = similar_id')).toEqual([]);

    // And everything still answers: each article's related coverage (to its editor) and a search for
    // each published piece's headline, which finds it.
    const editor = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: Record<string, unknown>; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const current = await rows<{ id: number; slug: string; headline: string }>('select id, slug, headline from article where id <= ? order by id', [ARTICLES]);
    for (const { id, slug, headline } of current) {
      const data = await editor('query ($slug: String!) { article(slug: $slug) { status relatedCoverage(first: 10) { relation article { slug status } } } }', { slug });
      const article = data.article as { status: Status; relatedCoverage: { relation: string; article: { slug: string } }[] };
      expect(article.status).toBe(status.get(id));
      expect(article.relatedCoverage.map((item) => item.article.slug)).not.toContain(slug);
      if (status.get(id) !== 'PUBLISHED') continue;
      const found = await editor('query ($q: String!) { search(query: $q, first: 100) { edges { node { slug } } } }', { q: headline });
      expect((found.search as { edges: { node: { slug: string } }[] }).edges.map((edge) => edge.node.slug)).toContain(slug);
    }
  });
});

async function revisionCounts(): Promise<Map<number, number>> {
  const counted = await rows<{ article_id: number; n: number | string }>('select article_id, count(*) as n from article_revision group by article_id');
  return new Map(counted.map((row) => [Number(row.article_id), Number(row.n)]));
}

async function auditCount(): Promise<number> {
  const [{ n }] = await rows<{ n: number | string }>(
    `select count(*) as n from audit_entry where subject_type = 'Article' and subject_id <= ? and action in ('publishArticle', 'unpublishArticle', 'archiveArticle', 'updateArticle')`,
    [ARTICLES],
  );
  return Number(n);
}
