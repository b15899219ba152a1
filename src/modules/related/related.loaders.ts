import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/knex';
import { whereStatus } from '../../auth/visibility';
import { manyByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { ArticleStatus } from '../article/article.enums';
import { ARTICLE_COLUMNS, toArticleRow } from '../article/article.loaders';
import type { ArticleRow } from '../article/article.type';
import { CoverageRelation } from './related.enums';

export interface RelatedLinkRow {
  articleId: number;
  relatedId: number;
  relation: CoverageRelation;
}

export interface SimilarRow {
  articleId: number;
  relatedId: number;
  /** Higher is more alike. */
  score: number;
}

/** As many SIMILAR pieces as relatedCoverage may ever show. */
const MAX_SIMILAR = 20;

/** An article, and how many SIMILAR pieces its caller will show at most. */
export interface CoverageKey {
  articleId: number;
  limit: number;
}

/** An article's related coverage before visibility: the editor's links, then SIMILAR candidates. */
export interface CoverageCandidates {
  curated: RelatedLinkRow[];
  similar: SimilarRow[];
}

/** `known` takes the rows of the articles read along with the candidates, for the article loaders to answer from. */
export function createRelatedLoaders(reader: SqlReader, now: Date, known: (rows: ArticleRow[]) => void) {
  return {
    /**
     * Each article's curated links in the editor's order, and the published pieces most like it, best
     * first, leaving out its curated links: one statement for every article on a page. SIMILAR lists
     * are computed on save (related.similar.ts); visibility and curated links are applied here, since
     * scheduled pieces go public and links change without touching the stored lists. Each article's
     * candidates are read in index order (score, then newest id, as related.similar.ts trims them) and
     * only until the largest `first` asked for is filled: a front of twenty cards with three items each
     * reads about sixty rows, where ranking every stored candidate read five hundred. The rows of the
     * chosen articles come with them, so the cards' related articles cost no statement of their own.
     */
    byArticle: new DataLoader<CoverageKey, CoverageCandidates, string>(
      async (keys) => {
        const ids = [...new Set(keys.map((key) => key.articleId))];
        const limit = Math.min(MAX_SIMILAR, Math.max(...keys.map((key) => key.limit)));
        const rows = await reader.compiled<RelatedLinkRow & { similar: number; position: number; score: number | null } & Record<string, unknown>, { ids: number[]; now: Date }>(
          `related.byArticle ${limit}`,
          { ids, now },
          (values) => {
            const knex = reader.knex;
            // The columns of a SIMILAR row, from the list (`s`) or from a subquery that renamed them (`c`).
            const similarFields = (at: 's' | 'c') => [
              ...(at === 's' ? ['s.article_id as articleId', 's.similar_id as relatedId'] : ['c.articleId', 'c.relatedId']),
              knex.raw('? as relation', [CoverageRelation.SIMILAR]),
              knex.raw('1 as similar'),
              knex.raw('0 as position'),
              `${at}.score`,
            ];
            // One article's SIMILAR rows in list order, less its curated links; `article` is its id, or the column that holds it.
            const listOf = (article: number | Knex.Ref<string, Record<string, string>>) =>
              knex({ s: 'article_similar' })
                .where('s.article_id', article)
                .whereNotExists(knex({ r: 'related_link' }).select(knex.raw('1')).whereRaw('r.article_id = s.article_id and r.related_id = s.similar_id'))
                .orderBy([{ column: 's.score', order: 'desc' }, { column: 's.similar_id', order: 'desc' }])
                .limit(limit);
            // PostgreSQL runs one subquery for each id through a LATERAL join (a union of twenty took
            // longer to plan than to run), reading each candidate's row for its visibility and card:
            // saves run at once there, and a stored copy of the status written beside a concurrent
            // unpublish could show a piece just taken down.
            const similar =
              reader.dialect === 'postgresql'
                ? knex
                    .select('c.*')
                    .from(knex.raw('unnest(cast(? as integer[])) as k(id)', [values.ids]))
                    .crossJoin(
                      knex.raw('lateral (?) as c', [
                        whereStatus(listOf(knex.ref('k.id')).join({ a: 'article' }, 'a.id', 's.similar_id'), values.now, ArticleStatus.PUBLISHED).select(
                          ...similarFields('s'),
                          ...ARTICLE_COLUMNS,
                        ),
                      ]),
                    )
                : // SQLite, which has no LATERAL, gets one union member per id, each from the list's index
                  // alone: every row carries its piece's status and publication time (triggers keep them,
                  // and one writer at a time keeps them exact). The chosen pieces' rows are joined after.
                  knex
                    .from(
                      values.ids
                        .map((id) =>
                          knex
                            .select('*')
                            .from(
                              whereStatus(listOf(id), values.now, ArticleStatus.PUBLISHED, { status: 's.similar_status', publishedAt: 's.similar_published_at' })
                                .select('s.article_id as articleId', 's.similar_id as relatedId', 's.score')
                                .as('c'),
                            ),
                        )
                        .reduce((union, member) => union.unionAll(member))
                        .as('c'),
                    )
                    .join({ a: 'article' }, 'a.id', 'c.relatedId')
                    .select(...similarFields('c'), ...ARTICLE_COLUMNS);
            return knex({ l: 'related_link' })
              .join({ a: 'article' }, 'a.id', 'l.related_id')
              .whereIn('l.article_id', values.ids)
              .select('l.article_id as articleId', 'l.related_id as relatedId', 'l.relation', knex.raw('0 as similar'), 'l.position', knex.raw('null as score'), ...ARTICLE_COLUMNS)
              .unionAll(similar);
          },
        );
        known(rows.map(toArticleRow));
        return manyByKey(
          keys.map((key) => key.articleId),
          rows,
          (row) => row.articleId,
        ).map((group, index) => ({
          curated: group
            .filter((row) => Number(row.similar) === 0)
            .sort((x, y) => x.position - y.position)
            .map(({ articleId, relatedId, relation }) => ({ articleId, relatedId, relation })),
          similar: group
            .filter((row) => Number(row.similar) === 1)
            .map(({ articleId, relatedId, score }) => ({ articleId, relatedId, score: Number(score) }))
            .sort((x, y) => y.score - x.score || y.relatedId - x.relatedId)
            .slice(0, keys[index].limit),
        }));
      },
      // SQLite allows 500 terms in a compound select: one per article, and the curated links.
      { cacheKeyFn: (key) => `${key.articleId}:${key.limit}`, maxBatchSize: 250 },
    ),
  };
}
