import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { manyByKey } from '../../database/batch';
import { toDate, type SqlReader } from '../../database/reader';

export interface CorrectionRow {
  articleId: number;
  text: string;
  publishedAt: Date;
}

/** Corrections belong to their article: a new one is an article mutation. */
export function createCorrectionLoaders(reader: SqlReader, scope: CacheScope) {
  return {
    /** Each article's corrections, oldest first, as they were published. */
    byArticle: new DataLoader<number, CorrectionRow[]>(async (articleIds) => {
      scope.objects('Article', articleIds);
      // Compiled once: every article page asks, and knex formatting the SQL each time cost as much as running it.
      const rows = await reader.compiled<CorrectionRow, { ids: readonly number[] }>('correction.byArticle', { ids: articleIds }, (values) =>
        reader
          .knex('correction')
          .select('article_id as articleId', 'text', 'published_at as publishedAt')
          .whereIn('article_id', values.ids)
          .orderBy(['article_id', 'published_at', 'id']),
      );
      for (const row of rows) row.publishedAt = toDate(row.publishedAt);
      return manyByKey(articleIds, rows, (row) => row.articleId);
    }),
  };
}
