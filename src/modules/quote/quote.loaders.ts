import DataLoader from 'dataloader';
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
];

/** Quotes whatever their article's status: callers check the article is visible. */
export function createQuoteLoaders(reader: SqlReader) {
  const select = () => reader.knex({ q: 'quote' }).select(QUOTE_COLUMNS);
  return {
    byId: new DataLoader<number, QuoteRow | null>(async (ids) =>
      oneByKey(ids, asNodes('Quote', await reader.all<QuoteRow>(select().whereIn('q.id', ids as number[]))), (row) => row.id),
    ),
    /** Each article's quotes in reading order. */
    byArticle: new DataLoader<number, QuoteRow[]>(async (articleIds) => {
      const rows = await reader.all<QuoteRow>(select().whereIn('q.article_id', articleIds as number[]).orderBy(['q.article_id', 'q.position']));
      return manyByKey(articleIds, asNodes('Quote', rows), (row) => row.articleId);
    }),
  };
}
