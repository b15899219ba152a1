import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { manyByKey, oneByKey } from '../../database/batch';
import { toDate, type SqlReader } from '../../database/reader';
import type { StoredBlock } from '../body/body.blocks';
import type { LiveblogEntryRow } from './liveblog.type';

export const ENTRY_COLUMNS = [
  'e.id',
  'e.article_id as articleId',
  'e.title',
  'e.body',
  'e.author_id as authorId',
  'e.key_event as keyEvent',
  'e.pinned',
  'e.published_at as publishedAt',
  'e.updated_at as updatedAt',
  'e.revision',
];

/** The stream's order, newest first (liveblog_entry_stream_index). */
export const STREAM_ORDER = [
  { column: 'e.published_at', direction: 'desc' as const },
  { column: 'e.id', direction: 'desc' as const },
];

/** The most key events a liveblog lists. */
export const MAX_KEY_EVENTS = 50;

/** Raw column values (SQLite's 0/1 and ms, PostgreSQL's JSON as text or parsed) as the API reads them. */
export function toEntryRow(raw: Record<string, unknown>): LiveblogEntryRow {
  return {
    __typename: 'LiveblogEntry',
    id: raw.id as number,
    articleId: raw.articleId as number,
    title: (raw.title as string | null) ?? null,
    body: (typeof raw.body === 'string' ? JSON.parse(raw.body) : raw.body) as StoredBlock[],
    authorId: (raw.authorId as number | null) ?? null,
    keyEvent: Boolean(raw.keyEvent),
    pinned: Boolean(raw.pinned),
    publishedAt: toDate(raw.publishedAt),
    updatedAt: toDate(raw.updatedAt),
    revision: raw.revision as number,
  };
}

/**
 * Entries whatever their liveblog's status: callers reach them through an article the viewer may see
 * (or check it, as node(id) does). Entries are part of their article: entry mutations evict it.
 */
export function createLiveblogLoaders(reader: SqlReader, scope: CacheScope) {
  const select = () => reader.knex({ e: 'liveblog_entry' }).select(ENTRY_COLUMNS);
  const rows = async <V extends Record<string, unknown>>(shape: string, values: V, build: (values: V) => ReturnType<typeof select>) =>
    (await reader.compiled<Record<string, unknown>, V>(shape, values, build)).map(toEntryRow);
  return {
    byId: new DataLoader<number, LiveblogEntryRow | null>(async (ids) => {
      const found = await rows('liveblog.byId', { ids }, (values) => select().whereIn('e.id', values.ids));
      scope.objects('Article', found.map((row) => row.articleId));
      return oneByKey(ids, found, (row) => row.id);
    }),
    /** Each liveblog's newest entry, for cards: one index probe per liveblog. */
    latest: new DataLoader<number, LiveblogEntryRow | null>(async (articleIds) => {
      scope.objects('Article', articleIds);
      const found = await rows('liveblog.latest', { ids: articleIds }, (values) => {
        const knex = reader.knex;
        const newest = knex({ x: 'liveblog_entry' }).select('x.id').whereRaw('x.article_id = a.id').orderBy([{ column: 'x.published_at', order: 'desc' }, { column: 'x.id', order: 'desc' }]).limit(1);
        return select().whereIn('e.id', knex({ a: 'article' }).select(newest.as('newest')).whereIn('a.id', values.ids));
      });
      return oneByKey(articleIds, found, (row) => row.articleId);
    }),
    pinned: new DataLoader<number, LiveblogEntryRow | null>(async (articleIds) => {
      scope.objects('Article', articleIds);
      const found = await rows('liveblog.pinned', { ids: articleIds }, (values) => select().whereIn('e.article_id', values.ids).where('e.pinned', true));
      return oneByKey(articleIds, found, (row) => row.articleId);
    }),
    /** Each liveblog's key events, newest first, at most MAX_KEY_EVENTS (callers cut to what they show). */
    keyEvents: new DataLoader<number, LiveblogEntryRow[]>(async (articleIds) => {
      scope.objects('Article', articleIds);
      const found = await rows('liveblog.keyEvents', { ids: articleIds }, (values) => {
        const knex = reader.knex;
        const ranked = select()
          .select(knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as n', ['e.article_id', 'e.published_at', 'e.id']))
          .whereIn('e.article_id', values.ids)
          .where('e.key_event', true);
        return knex.select('*').from(ranked.as('e')).where('e.n', '<=', MAX_KEY_EVENTS).orderBy(['e.articleId', { column: 'e.publishedAt', order: 'desc' }, { column: 'e.id', order: 'desc' }]) as unknown as ReturnType<typeof select>;
      });
      return manyByKey(articleIds, found, (row) => row.articleId);
    }),
  };
}
