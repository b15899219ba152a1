import DataLoader from 'dataloader';
import { manyByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import type { CoverageRelation } from './related.enums';

export interface RelatedLinkRow {
  articleId: number;
  relatedId: number;
  relation: CoverageRelation;
}

export function createRelatedLoaders(reader: SqlReader) {
  return {
    /** The editor's choices for each article, in the editor's order. */
    curatedByArticle: new DataLoader<number, RelatedLinkRow[]>(async (articleIds) => {
      const rows = await reader.all<RelatedLinkRow>(
        reader
          .knex('related_link')
          .select('article_id as articleId', 'related_id as relatedId', 'relation')
          .whereIn('article_id', articleIds as number[])
          .orderBy(['article_id', 'position']),
      );
      return manyByKey(articleIds, rows, (row) => row.articleId);
    }),
  };
}
