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

/** A shared person or event says more about a story than a shared place, and far more than a broad topic. */
const KIND_WEIGHT = `case t.kind when 'PERSON' then 3 when 'EVENT' then 3 when 'ORGANIZATION' then 2 when 'SERIES' then 2 when 'PLACE' then 1.5 else 1 end`;

/** Tags on more articles than this say little about likeness and would make the self-join read long lists. */
const COMMON_TAG_LIMIT = 500;

/** How many candidates per article, best by shared tags, are weighed for section and recency. */
const TAG_CANDIDATES = 100;

/** Added to the tag score when both pieces are in the same section. */
const SAME_SECTION = 1;

/** Pieces published this many days apart score half as much as pieces published together. */
const RECENCY_DAYS = 60;

/** An article's related coverage before visibility: the editor's links, then SIMILAR candidates. */
export interface CoverageCandidates {
  curated: RelatedLinkRow[];
  similar: SimilarRow[];
}

export function createRelatedLoaders(reader: SqlReader, now: Date) {
  return {
    /**
     * Each article's curated links in the editor's order, and the published pieces most like it, best
     * first, leaving out the article itself and its curated links. SIMILAR is computed at read time
     * (tags joined with themselves, weighted by rarity, ranked per article with row_number()) in the
     * same statement as the curated links, for every article on a page: nothing to keep current on
     * publish, and a front of any size pays one statement for all its related coverage.
     */
    byArticle: new DataLoader<number, CoverageCandidates>(async (articleIds) => {
      const knex = reader.knex;
      const ids = articleIds as number[];
      // IDF: ln(articles / articles with the tag), times the tag kind's weight. The highest id stands in
      // for the number of articles: read from the primary key, where count(*) reads the whole table.
      const tagWeight = knex({ t: 'tag' })
        .join({ at: 'article_tag' }, 'at.tag_id', 't.id')
        .whereIn('t.id', knex('article_tag').select('tag_id').whereIn('article_id', ids))
        .groupBy('t.id', 't.kind')
        .having(knex.raw('count(*)'), '<=', COMMON_TAG_LIMIT)
        .select('t.id as tag_id', knex.raw(`${KIND_WEIGHT} * ln(((select max(id) from article) + 1.0) / count(*)) as weight`));
      const shared = knex({ s: 'article_tag' })
        .join({ w: 'tag_weight' }, 'w.tag_id', 's.tag_id')
        .join({ c: 'article_tag' }, (on) => on.on('c.tag_id', 's.tag_id').andOn('c.article_id', '<>', 's.article_id'))
        .whereIn('s.article_id', ids)
        .groupBy('s.article_id', 'c.article_id')
        .select('s.article_id as source_id', 'c.article_id as candidate_id', knex.raw('sum(w.weight) as tag_score'));
      // Only the best by shared tags go on to the article rows: section and recency reorder, they do not rescue.
      const best = knex('shared').select('*', knex.raw('row_number() over (partition by source_id order by tag_score desc, candidate_id desc) as tag_rank'));
      const days = reader.daysApart('a.published_at', 'coalesce(src.published_at, src.created_at)');
      const scored = knex({ m: 'best' })
        .where('m.tag_rank', '<=', TAG_CANDIDATES)
        .join({ a: 'article' }, 'a.id', 'm.candidate_id')
        .join({ src: 'article' }, 'src.id', 'm.source_id')
        .whereNotExists(knex({ r: 'related_link' }).select(knex.raw('1')).whereRaw('r.article_id = m.source_id and r.related_id = m.candidate_id'))
        .select(
          'm.source_id',
          'm.candidate_id',
          'a.published_at',
          knex.raw(
            `cast((m.tag_score + case when a.section_id = src.section_id then ${SAME_SECTION} else 0 end) / (1 + ${days} / ${RECENCY_DAYS}) as double precision) as score`,
          ),
        );
      whereStatus(scored, reader, now, ArticleStatus.PUBLISHED);
      const ranked = knex('scored').select(
        'source_id',
        'candidate_id',
        'score',
        knex.raw('cast(row_number() over (partition by source_id order by score desc, published_at desc, candidate_id desc) as integer) as position'),
      );
      const similar = knex
        .from(ranked.as('ranked'))
        .where('position', '<=', MAX_SIMILAR)
        .select('source_id as articleId', 'candidate_id as relatedId', knex.raw('? as relation', [CoverageRelation.SIMILAR]), knex.raw('1 as similar'), 'position', 'score');
      const rows = await reader.all<RelatedLinkRow & { similar: number; score: number | string | null }>(
        knex
          .with('tag_weight', tagWeight)
          .with('shared', shared)
          .with('best', best)
          .with('scored', scored)
          .from('related_link')
          .whereIn('article_id', ids)
          .select('article_id as articleId', 'related_id as relatedId', 'relation', knex.raw('0 as similar'), 'position', knex.raw('null as score'))
          .unionAll(similar)
          .orderBy(['articleId', 'similar', 'position']),
      );
      return manyByKey(articleIds, rows, (row) => row.articleId).map((group) => ({
        curated: group.filter((row) => row.similar === 0).map(({ articleId, relatedId, relation }) => ({ articleId, relatedId, relation })),
        similar: group.filter((row) => row.similar === 1).map(({ articleId, relatedId, score }) => ({ articleId, relatedId, score: Number(score) })),
      }));
    }),
  };
}
