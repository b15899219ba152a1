import { describe, expect, it } from 'vitest';
import { SqlReader } from '../../src/database/reader';
import { createRelatedLoaders } from '../../src/modules/related/related.loaders';
import { refreshSimilar } from '../../src/modules/related/related.similar';
import { DeskCreateArticleDocument, DeskIdsDocument, DeskPublishDocument, DeskUnpublishDocument, DeskUpdateArticleDocument, RelatedCoverageDocument } from '../generated/graphql';
import { onPostgres } from '../support/database';
import { SAEPPYOL } from '../support/demo';
import { useDesk } from '../editorial/support';
import { inTransaction } from '../../src/database/transaction';

const desk = useDesk();

/** Tags only the Saeppyol Street story carries in the demo newsroom: a piece sharing them is its closest kin. */
const RARE = ['korean-central-news-agency', 'rodong-sinmun'];

async function tagId(slug: string): Promise<string> {
  const { tag } = await desk.admin.request(DeskIdsDocument, { section: 'world/asia', tag: slug, author: 'hana-seo', slug: SAEPPYOL.slug });
  return tag!.id;
}

/** SIMILAR pieces a reader sees beside an article, best first. */
async function similar(slug: string): Promise<string[]> {
  const { article } = await desk.anonymous.request(RelatedCoverageDocument, { slug, first: 20 });
  return article!.relatedCoverage.filter((item) => item.relation === 'SIMILAR').map((item) => item.article.slug);
}

async function idOf(slug: string): Promise<number> {
  return (await desk.t.app.orm.em.getKnex()('article').where('slug', slug).first('id')).id;
}

/** The stored lists that hold this article, whatever its visibility. */
async function listsHolding(slug: string): Promise<string[]> {
  const knex = desk.t.app.orm.em.getKnex();
  const rows: { slug: string }[] = await knex({ s: 'article_similar' })
    .join({ holder: 'article' }, 'holder.id', 's.article_id')
    .join({ a: 'article' }, 'a.id', 's.similar_id')
    .where('a.slug', slug)
    .select('holder.slug');
  return rows.map((row) => row.slug);
}

async function kin(headline: string) {
  const { createArticle } = await desk.admin.request(DeskCreateArticleDocument, {
    input: { headline, sectionId: desk.ids.section, bodyMarkdown: 'State media reported the opening.', tagIds: await Promise.all(RARE.map(tagId)) },
  });
  expect(createArticle.userErrors).toEqual([]);
  return createArticle.article!;
}

describe('SIMILAR coverage stays current through the editorial mutations', () => {
  it('stores what a save computes: right after the seed rebuilt every list, saving any article changes none, to the last bit of a score', async () => {
    const em = desk.t.app.orm.em.fork();
    const ids: number[] = (await em.getKnex()('article').select('id').orderBy('id')).map((row: { id: number }) => row.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(Number((await em.getKnex()('article_similar').count({ n: '*' }))[0].n)).toBeGreaterThan(20);
    const changed: Record<number, number[]> = {};
    for (const id of ids) {
      const tx = em.fork();
      await tx.begin();
      try {
        const lists = await refreshSimilar(tx, id);
        if (lists.length) changed[id] = lists;
      } finally {
        await tx.rollback();
      }
    }
    expect(changed).toEqual({});
  });

  it('lists a piece beside the stories it shares rare tags with once it is published, and no longer once it is unpublished', async () => {
    const article = await kin('State media mark the Saeppyol Street opening');
    expect(await listsHolding(article.slug)).toEqual([]);

    const { publishArticle } = await desk.editor.request(DeskPublishDocument, { id: article.id });
    expect(publishArticle.userErrors).toEqual([]);
    expect(await similar(SAEPPYOL.slug)).toContain(article.slug);
    expect((await similar(article.slug))[0]).toBe(SAEPPYOL.slug);

    const { unpublishArticle } = await desk.editor.request(DeskUnpublishDocument, { id: article.id });
    expect(unpublishArticle.userErrors).toEqual([]);
    expect(await listsHolding(article.slug)).toEqual([]);
    expect(await similar(SAEPPYOL.slug)).not.toContain(article.slug);
  });

  it('drops a piece from the lists it no longer belongs in when its tags change', async () => {
    const article = await kin('Pyongyang papers praise the new district');
    const { publishArticle } = await desk.editor.request(DeskPublishDocument, { id: article.id });
    expect(publishArticle.userErrors).toEqual([]);
    expect(await similar(SAEPPYOL.slug)).toContain(article.slug);

    const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, {
      input: { id: article.id, expectedVersion: publishArticle.article!.version, tagIds: [await tagId('climate')] },
    });
    expect(updateArticle.userErrors).toEqual([]);
    expect(await similar(SAEPPYOL.slug)).not.toContain(article.slug);
    expect(await similar(article.slug)).not.toContain(SAEPPYOL.slug);
    expect(await listsHolding(article.slug)).not.toContain(SAEPPYOL.slug);
  });

  it('stores a scheduled piece, which readers see beside the story from its time on', async () => {
    const article = await kin('Families move into Saeppyol Street');
    const at = new Date(Date.now() + 86_400_000);
    const { publishArticle } = await desk.editor.request(DeskPublishDocument, { id: article.id, at: at.toISOString() });
    expect(publishArticle.article?.status).toBe('SCHEDULED');
    expect(await similar(SAEPPYOL.slug)).not.toContain(article.slug);

    const later = createRelatedLoaders(new SqlReader(desk.t.app.orm.em.fork(), onPostgres ? 'postgresql' : 'sqlite'), new Date(at.getTime() + 1000), () => {});
    const { similar: rows } = await later.byArticle.load({ articleId: await idOf(SAEPPYOL.slug), limit: 20 });
    expect(rows.map((row) => row.relatedId)).toContain(await idOf(article.slug));
  });

  it('reports the articles whose lists a refresh changed, and none when nothing did', async () => {
    const article = await kin('KCNA carries the leader’s speech');
    const { publishArticle } = await desk.editor.request(DeskPublishDocument, { id: article.id });
    expect(publishArticle.userErrors).toEqual([]);
    const em = desk.t.app.orm.em.fork();
    const piece = await idOf(article.slug);
    expect(await inTransaction(em.fork(), (tx) => refreshSimilar(tx, piece))).toEqual([]);

    // Its tags removed behind the service's back, then rolled back: the refresh names the piece and the story it left.
    const tx = em.fork();
    await tx.begin();
    let changed: number[];
    try {
      await tx.getConnection().execute(tx.getKnex()('article_tag').where('article_id', piece).delete(), [], 'run', tx.getTransactionContext());
      changed = await refreshSimilar(tx, piece);
    } finally {
      await tx.rollback();
    }
    expect(changed).toEqual(expect.arrayContaining([piece, await idOf(SAEPPYOL.slug)]));
  });

  // SQLite only: PostgreSQL reads the piece's own row (related.loaders.ts).
  it.skipIf(onPostgres)('keeps each stored row’s copy of its piece’s status and publication time, which the read filters on', async () => {
    // Rows written by saves, by publishing, scheduling and unpublishing (the tests above), and by the seed's rebuild.
    const article = await kin('Saeppyol Street residents honoured');
    const { publishArticle } = await desk.editor.request(DeskPublishDocument, { id: article.id });
    expect(publishArticle.userErrors).toEqual([]);
    expect(await listsHolding(article.slug)).not.toEqual([]);
    const { unpublishArticle } = await desk.editor.request(DeskUnpublishDocument, { id: article.id });
    expect(unpublishArticle.userErrors).toEqual([]);

    const knex = desk.t.app.orm.em.getKnex();
    const rows: { stored: string | null; status: string; storedAt: unknown; publishedAt: unknown }[] = await knex({ s: 'article_similar' })
      .join({ a: 'article' }, 'a.id', 's.similar_id')
      .select('s.similar_status as stored', 'a.status', 's.similar_published_at as storedAt', 'a.published_at as publishedAt');
    expect(rows.length).toBeGreaterThan(0);
    const time = (value: unknown) => (value === null ? null : new Date(value as string).getTime());
    const drifted = rows.filter((row) => row.stored !== row.status || time(row.storedAt) !== time(row.publishedAt));
    expect(drifted).toEqual([]);
  });
});
