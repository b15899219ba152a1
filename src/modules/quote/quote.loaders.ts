import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { manyByKey, oneByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { QuoteRow } from './quote.type';

export const QUOTE_COLUMNS = [
  'q.id',
  'q.article_id as articleId',
  'q.position',
  'q.block_index as blockIndex',
  'q.text',
  'q.speaker_name as speakerName',
  'q.speaker_id as speakerId',
  'q.reported_by_id as reportedById',
  'q.context',
  'q.origin',
];

/** Quotes whatever their article's status: callers check the article is visible. */
/** An article's quotes are part of it: quote mutations evict their article too (QuoteService). */
export function createQuoteLoaders(reader: SqlReader, scope: CacheScope) {
  const select = () => reader.knex({ q: 'quote' }).select(QUOTE_COLUMNS);
  return {
    byId: new DataLoader<number, QuoteRow | null>(async (ids) => {
      scope.objects('Quote', ids);
      return oneByKey(ids, asNodes('Quote', await reader.compiled<QuoteRow, { ids: readonly number[] }>('quote.byId', { ids }, (values) => select().whereIn('q.id', values.ids))), (row) => row.id);
    }),
    /** Each article's quotes in reading order. */
    byArticle: new DataLoader<number, QuoteRow[]>(async (articleIds) => {
      scope.objects('Article', articleIds);
      const rows = await reader.compiled<QuoteRow, { ids: readonly number[] }>('quote.byArticle', { ids: articleIds }, (values) =>
        select().whereIn('q.article_id', values.ids).orderBy(['q.article_id', 'q.position']),
      );
      return manyByKey(articleIds, asNodes('Quote', rows), (row) => row.articleId);
    }),
  };
}
