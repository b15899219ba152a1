import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { manyByKey, oneByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { TagRow } from '../tag/tag.type';
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

/** A speaker's tag columns, read with an article's quotes (byArticle). */
const SPEAKER_COLUMNS = ['s.slug as speakerSlug', 's.name as speakerTagName', 's.kind as speakerKind', 's.description as speakerDescription', 's.version as speakerVersion'];

type QuoteWithSpeaker = QuoteRow & { speakerSlug: string | null; speakerTagName: string; speakerKind: TagRow['kind']; speakerDescription: string | null; speakerVersion: number };

/**
 * Quotes whatever their article's status: callers check the article is visible. An article's quotes
 * are part of it: quote mutations evict their article too (QuoteService). `knownSpeakers` takes the
 * speakers' tags read along with an article's quotes, for the tag loaders to answer from: a front's
 * quotes and their speakers then come in one statement, where the speakers waited for the quotes.
 */
export function createQuoteLoaders(reader: SqlReader, scope: CacheScope, knownSpeakers: (tags: TagRow[]) => void) {
  const select = () => reader.knex({ q: 'quote' }).select(QUOTE_COLUMNS);
  return {
    byId: new DataLoader<number, QuoteRow | null>(async (ids) => {
      scope.objects('Quote', ids);
      return oneByKey(ids, asNodes('Quote', await reader.compiled<QuoteRow, { ids: readonly number[] }>('quote.byId', { ids }, (values) => select().whereIn('q.id', values.ids))), (row) => row.id);
    }),
    /** Each article's quotes in reading order. */
    byArticle: new DataLoader<number, QuoteRow[]>(async (articleIds) => {
      scope.objects('Article', articleIds);
      const raw = await reader.compiled<QuoteWithSpeaker, { ids: readonly number[] }>('quote.byArticle', { ids: articleIds }, (values) =>
        select()
          .select(SPEAKER_COLUMNS)
          .leftJoin({ s: 'tag' }, 's.id', 'q.speaker_id')
          .whereIn('q.article_id', values.ids)
          .orderBy(['q.article_id', 'q.position']),
      );
      const speakers: TagRow[] = [];
      const rows = raw.map(({ speakerSlug, speakerTagName, speakerKind, speakerDescription, speakerVersion, ...quote }) => {
        if (quote.speakerId !== null && speakerSlug !== null) {
          speakers.push({ __typename: 'Tag', id: quote.speakerId, slug: speakerSlug, name: speakerTagName, kind: speakerKind, description: speakerDescription, version: speakerVersion });
        }
        return quote as QuoteRow;
      });
      knownSpeakers(speakers);
      return manyByKey(articleIds, asNodes('Quote', rows), (row) => row.articleId);
    }),
  };
}
