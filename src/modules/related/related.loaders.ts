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

/** As many SIMILAR pieces as relatedCoverage may ever show, so one fetch serves any `first`. */
const MAX_SIMILAR = 20;

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
     * scheduled pieces go public and links change without touching the stored lists.
     */
    byArticle: new DataLoader<number, CoverageCandidates>(async (articleIds) => {
      const knex = reader.knex;
      const ids = articleIds as number[];
      const similar = knex({ s: 'article_similar' })
        .join({ a: 'article' }, 'a.id', 's.similar_id')
        .whereIn('s.article_id', ids)
        .whereNotExists(knex({ r: 'related_link' }).select(knex.raw('1')).whereRaw('r.article_id = s.article_id and r.related_id = s.similar_id'))
        .select('s.article_id as articleId', 's.similar_id as relatedId', knex.raw('? as relation', [CoverageRelation.SIMILAR]), knex.raw('1 as similar'), knex.raw('0 as position'), 's.score', 'a.published_at');
      whereStatus(similar, reader, now, ArticleStatus.PUBLISHED);
      const rows = await reader.all<RelatedLinkRow & { similar: number; score: number | null }>(
        knex
          .from('related_link')
          .whereIn('article_id', ids)
          .select('article_id as articleId', 'related_id as relatedId', 'relation', knex.raw('0 as similar'), 'position', knex.raw('null as score'), knex.raw('null as published_at'))
          .unionAll(similar)
          .orderBy([
            'articleId',
            'similar',
            'position',
            { column: 'score', order: 'desc' },
            { column: 'published_at', order: 'desc' },
            { column: 'relatedId', order: 'desc' },
          ]),
      );
      return manyByKey(articleIds, rows, (row) => row.articleId).map((group) => ({
        curated: group.filter((row) => row.similar === 0).map(({ articleId, relatedId, relation }) => ({ articleId, relatedId, relation })),
        similar: group
          .filter((row) => row.similar === 1)
          .slice(0, MAX_SIMILAR)
          .map(({ articleId, relatedId, score }) => ({ articleId, relatedId, score: Number(score) })),
      }));
    }),
  };
}
