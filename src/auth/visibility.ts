import type { Knex } from '@mikro-orm/knex';
import { toDate, type SqlReader } from '../database/reader';
import { ArticleStatus } from '../modules/article/article.enums';

/**
 * What the public may read: published and archived pieces, and scheduled ones whose time has come.
 * Scheduling needs no job: a due SCHEDULED row simply reads as PUBLISHED from that instant.
 */
export function isPublic(article: { status: ArticleStatus; publishedAt?: Date | null }, now: Date): boolean {
  const status = effectiveStatus(article, now);
  return status === ArticleStatus.PUBLISHED || status === ArticleStatus.ARCHIVED;
}

/** The status readers see: SCHEDULED turns into PUBLISHED when its time comes. */
export function effectiveStatus(article: { status: ArticleStatus; publishedAt?: Date | null }, now: Date): ArticleStatus {
  if (article.status === ArticleStatus.SCHEDULED && article.publishedAt && article.publishedAt <= now) return ArticleStatus.PUBLISHED;
  return article.status;
}

/**
 * Where a query reads an article's status and publication time: the alias of a table with `status`
 * and `published_at` columns, or the two columns by name (a quote's copies of its article's).
 */
export type StatusColumns = string | { status: string; publishedAt: string };

function columnsOf(at: StatusColumns): { status: string; publishedAt: string } {
  return typeof at === 'string' ? { status: `${at}.status`, publishedAt: `${at}.published_at` } : at;
}

/** Restricts an article query (alias `a`) to rows of the given effective status, or to the public set. */
export function whereStatus(qb: Knex.QueryBuilder, now: Date, status: ArticleStatus | null, alias: StatusColumns = 'a'): Knex.QueryBuilder {
  const col = columnsOf(alias);
  const due = (inner: Knex.QueryBuilder) => inner.where(col.status, ArticleStatus.SCHEDULED).where(col.publishedAt, '<=', now);
  switch (status) {
    case null:
      return qb.where((outer) => outer.whereIn(col.status, [ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED]).orWhere(due));
    case ArticleStatus.PUBLISHED:
      return qb.where((outer) => outer.where(col.status, ArticleStatus.PUBLISHED).orWhere(due));
    case ArticleStatus.SCHEDULED:
      return qb.where(col.status, ArticleStatus.SCHEDULED).where(col.publishedAt, '>', now);
    default:
      return qb.where(col.status, status);
  }
}

/** One of the disjoint parts of a status condition (statusParts): restricts a query on `article a` to it. */
export type StatusPart = (qb: Knex.QueryBuilder) => Knex.QueryBuilder;

/**
 * whereStatus as disjoint parts, each one a range of the (section_id, status, published_at) and
 * (status, published_at, id) indexes: `status = ?`, the scheduled part bounded by `now`. A list in
 * publication order can read each part in index order and merge them, where the OR of whereStatus
 * leaves PostgreSQL to read and sort every visible row. Together they select what whereStatus does.
 */
export function statusParts(now: Date, status: ArticleStatus | null, alias: StatusColumns = 'a'): StatusPart[] {
  const col = columnsOf(alias);
  const is = (value: ArticleStatus) => (qb: Knex.QueryBuilder) => qb.where(col.status, value);
  const due = (qb: Knex.QueryBuilder) => qb.where(col.status, ArticleStatus.SCHEDULED).where(col.publishedAt, '<=', now);
  switch (status) {
    case null:
      return [is(ArticleStatus.PUBLISHED), is(ArticleStatus.ARCHIVED), due];
    case ArticleStatus.PUBLISHED:
      return [is(ArticleStatus.PUBLISHED), due];
    default:
      return [(qb) => whereStatus(qb, now, status, alias)];
  }
}

/** The scheduled pieces (embargoed ones among them) whose time came in (from, to], in that order, with their sections. */
export function cameDue(reader: SqlReader, from: Date, to: Date): Promise<{ articleId: number; sectionId: number }[]> {
  return reader.all(
    reader
      .knex({ a: 'article' })
      .select('a.id as articleId', 'a.section_id as sectionId')
      .where('a.status', ArticleStatus.SCHEDULED)
      .where('a.published_at', '>', from)
      .where('a.published_at', '<=', to)
      .orderBy(['a.published_at', 'a.id']),
  );
}

/**
 * When the next scheduled piece goes public, or null: until then, nothing the public can see changes
 * without a mutation, so cached answers may live that long and no longer.
 */
export async function nextScheduledPublication(reader: SqlReader, now: Date): Promise<Date | null> {
  const row = await reader.first<{ at: unknown }>(
    whereStatus(reader.knex({ a: 'article' }), now, ArticleStatus.SCHEDULED).select(reader.knex.raw('min(a.published_at) as at')),
  );
  return row?.at === null || row?.at === undefined ? null : toDate(row.at);
}
