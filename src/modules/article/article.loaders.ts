import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import type { Knex } from '@mikro-orm/knex';
import { manyByKey, oneByKey } from '../../database/batch';
import { fromJson, toDate, toDateOrNull, type SqlReader } from '../../database/reader';
import type { StoredBlock } from '../body/body.blocks';
import type { ArticleSnapshot } from './article-revision.entity';
import type { ArticleRevisionRow } from './article-revision.type';
import type { ArticleRow } from './article.type';
import { ARTICLE_FIELDS } from './article.fields';

/** The columns of an article row, for any query on `article` aliased `a`. */
export const ARTICLE_COLUMNS = [
  'a.id',
  'a.slug',
  ...ARTICLE_FIELDS.columns('a'),
  'a.status',
  'a.section_id as sectionId',
  'a.main_image_id as mainImageId',
  'a.liveblog',
  'a.embargoed',
  'a.first_published_at as firstPublishedAt',
  'a.published_at as publishedAt',
  'a.created_at as createdAt',
  'a.updated_at as updatedAt',
  'a.version',
];

/**
 * Turns raw column values (numbers or Dates) into the row the API reads. The body is not among them:
 * cards and related items never show it, and copying every card's body out of the database was a
 * fifth of a front's SQL time and most of its garbage (loaders.body fetches it when asked for).
 */
export function toArticleRow(raw: Record<string, unknown>): ArticleRow {
  return {
    __typename: 'Article',
    id: raw.id as number,
    slug: raw.slug as string,
    ...ARTICLE_FIELDS.fromRow(raw),
    status: raw.status as ArticleRow['status'],
    sectionId: raw.sectionId as number,
    mainImageId: (raw.mainImageId as number | null) ?? null,
    liveblog: (raw.liveblog as ArticleRow['liveblog']) ?? null,
    embargoed: Boolean(raw.embargoed),
    firstPublishedAt: toDateOrNull(raw.firstPublishedAt),
    publishedAt: toDateOrNull(raw.publishedAt),
    createdAt: toDate(raw.createdAt),
    updatedAt: toDate(raw.updatedAt),
    version: raw.version as number,
  };
}

/**
 * Whatever their status: callers decide what the viewer may see. Each article read sets how long the
 * answer may be kept (`scope`); a slug lookup depends on every article, as a new one may take the slug.
 */
export function createArticleLoaders(reader: SqlReader, scope: CacheScope, now: Date, prefetchSections: () => void) {
  const select = () => reader.knex({ a: 'article' }).select(ARTICLE_COLUMNS);
  const read = async (shape: string, keys: readonly unknown[], where: (query: Knex.QueryBuilder, keys: readonly unknown[]) => Knex.QueryBuilder) => {
    // An article's uri names its section: the section tree, read once a request, goes with the first
    // articles rather than in a round trip after them.
    prefetchSections();
    const raw = await reader.compiled<Record<string, unknown>, { keys: readonly unknown[] }>(shape, { keys }, (values) => where(select(), values.keys));
    const rows = raw.map(toArticleRow);
    for (const row of rows) scope.article(row, now);
    return rows;
  };
  const byId = new DataLoader<number, ArticleRow | null>(async (ids) => {
    scope.objects('Article', ids);
    return oneByKey(ids, await read('article.byId', ids, (query, keys) => query.whereIn('a.id', keys as number[])), (row) => row.id);
  });
  // Rows other reads brought along, by id, each as byId answers it (prime keeps the first).
  const brought = new Map<number, ArticleRow>();
  return {
    byId,
    /** Rows another read fetched along the way (related coverage): byId answers them without a statement. */
    known(rows: ArticleRow[]): void {
      scope.objects('Article', rows.map((row) => row.id));
      for (const row of rows) {
        scope.article(row, now);
        byId.prime(row.id, row);
        if (!brought.has(row.id)) brought.set(row.id, row);
      }
    },
    /**
     * The rows of these ids at once, when another read brought every one of them (`known`); undefined
     * otherwise. Related coverage reads its articles with its candidates, and awaiting byId for each
     * of a front's sixty cost more than the lookup (ArticleService.visibleByIds).
     */
    allKnown(ids: readonly number[]): ArticleRow[] | undefined {
      const rows: ArticleRow[] = [];
      for (const id of ids) {
        const row = brought.get(id);
        if (!row) return undefined;
        rows.push(row);
      }
      return rows;
    },
    bySlug: new DataLoader<string, ArticleRow | null>(async (slugs) => {
      return oneByKey(slugs, scope.found('Article', slugs.length, await read('article.bySlug', slugs, (query, keys) => query.whereIn('a.slug', keys as string[]))), (row) => row.slug);
    }),
    /** Each article's body blocks; empty for an article that does not exist. */
    body: new DataLoader<number, StoredBlock[]>(async (ids) => {
      const rows = await reader.compiled<{ id: number; body: unknown }, { ids: readonly number[] }>('article.body', { ids }, (values) =>
        reader.knex('article').select('id', 'body').whereIn('id', values.ids),
      );
      const byId = new Map(rows.map((row) => [row.id, fromJson<StoredBlock[]>(row.body)]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
    /** Each article's revisions, newest first. */
    revisions: new DataLoader<number, ArticleRevisionRow[]>(async (ids) => {
      scope.objects('Article', ids);
      const raw = await reader.all<Record<string, unknown>>(
        reader
          .knex('article_revision')
          .select('article_id as articleId', 'version', 'saved_at as savedAt', 'saved_by as savedBy', 'saved_by_role as savedByRole', 'action', 'changes', 'snapshot')
          .whereIn('article_id', ids as number[])
          .orderBy([{ column: 'article_id' }, { column: 'version', order: 'desc' }]),
      );
      const rows = raw.map((row): ArticleRevisionRow => {
        const snapshot = fromJson<ArticleSnapshot>(row.snapshot);
        return {
          articleId: row.articleId as number,
          version: row.version as number,
          savedAt: toDate(row.savedAt),
          savedBy: row.savedBy as string,
          savedByRole: row.savedByRole as ArticleRevisionRow['savedByRole'],
          action: row.action as string,
          changes: fromJson<string[]>(row.changes),
          ...ARTICLE_FIELDS.fromSnapshot(snapshot),
          slug: snapshot.slug,
          status: snapshot.status as ArticleRevisionRow['status'],
          body: snapshot.body,
        };
      });
      return manyByKey(ids, rows, (row) => row.articleId);
    }),
  };
}
