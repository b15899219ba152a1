import DataLoader from 'dataloader';
import { whereStatus } from '../../auth/visibility';
import { manyByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { ArticleStatus } from '../article/article.enums';
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

export function createRelatedLoaders(reader: SqlReader, now: Date) {
  return {
    /**
     * Each article's curated links in the editor's order, and the published pieces most like it, best
     * first, leaving out its curated links: one statement for every article on a page. SIMILAR lists
     * are computed on save (related.similar.ts); visibility and curated links are applied here, since
     * scheduled pieces go public and links change without touching the stored lists. Keys carry the
     * caller's `first`, so a front of three-item lists reads three SIMILAR rows per card, not twenty.
     */
    byArticle: new DataLoader<CoverageKey, CoverageCandidates, string>(
      async (keys) => {
        const knex = reader.knex;
        const ids = [...new Set(keys.map((key) => key.articleId))];
        // Only as many per article as the largest `first` asked: a front shows three per card, not twenty.
        const limit = Math.min(MAX_SIMILAR, Math.max(...keys.map((key) => key.limit)));
        const candidates = knex({ s: 'article_similar' })
          .join({ a: 'article' }, 'a.id', 's.similar_id')
          .whereIn('s.article_id', ids)
          .whereNotExists(knex({ r: 'related_link' }).select(knex.raw('1')).whereRaw('r.article_id = s.article_id and r.related_id = s.similar_id'))
          .select(
            's.article_id',
            's.similar_id',
            's.score',
            knex.raw('row_number() over (partition by s.article_id order by s.score desc, a.published_at desc, s.similar_id desc) as similar_rank'),
          );
        whereStatus(candidates, reader, now, ArticleStatus.PUBLISHED);
        const similar = knex
          .from(candidates.as('c'))
          .where('c.similar_rank', '<=', limit)
          .select('c.article_id as articleId', 'c.similar_id as relatedId', knex.raw('? as relation', [CoverageRelation.SIMILAR]), knex.raw('1 as similar'), 'c.similar_rank as position', 'c.score');
        const rows = await reader.all<RelatedLinkRow & { similar: number; score: number | null }>(
          knex
            .from('related_link')
            .whereIn('article_id', ids)
            .select('article_id as articleId', 'related_id as relatedId', 'relation', knex.raw('0 as similar'), 'position', knex.raw('null as score'))
            .unionAll(similar)
            .orderBy(['articleId', 'similar', 'position']),
        );
        return manyByKey(
          keys.map((key) => key.articleId),
          rows,
          (row) => row.articleId,
        ).map((group, index) => ({
          curated: group.filter((row) => row.similar === 0).map(({ articleId, relatedId, relation }) => ({ articleId, relatedId, relation })),
          similar: group
            .filter((row) => row.similar === 1)
            .slice(0, keys[index].limit)
            .map(({ articleId, relatedId, score }) => ({ articleId, relatedId, score: Number(score) })),
        }));
      },
      { cacheKeyFn: (key) => `${key.articleId}:${key.limit}` },
    ),
  };
}
