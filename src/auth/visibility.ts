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

/** Restricts an article query (alias `a`) to rows of the given effective status, or to the public set. */
export function whereStatus(qb: Knex.QueryBuilder, reader: SqlReader, now: Date, status: ArticleStatus | null, alias = 'a'): Knex.QueryBuilder {
  const col = (name: string) => `${alias}.${name}`;
  const due = (inner: Knex.QueryBuilder) => inner.where(col('status'), ArticleStatus.SCHEDULED).where(col('published_at'), '<=', reader.date(now));
  switch (status) {
    case null:
      return qb.where((outer) => outer.whereIn(col('status'), [ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED]).orWhere(due));
    case ArticleStatus.PUBLISHED:
      return qb.where((outer) => outer.where(col('status'), ArticleStatus.PUBLISHED).orWhere(due));
    case ArticleStatus.SCHEDULED:
      return qb.where(col('status'), ArticleStatus.SCHEDULED).where(col('published_at'), '>', reader.date(now));
    default:
      return qb.where(col('status'), status);
  }
}

/**
 * When the next scheduled piece goes public, or null: until then, nothing the public can see changes
 * without a mutation, so cached answers may live that long and no longer.
 */
export async function nextScheduledPublication(reader: SqlReader, now: Date): Promise<Date | null> {
  const row = await reader.first<{ at: unknown }>(
    whereStatus(reader.knex({ a: 'article' }), reader, now, ArticleStatus.SCHEDULED).select(reader.knex.raw('min(a.published_at) as at')),
  );
  return row?.at === null || row?.at === undefined ? null : toDate(row.at);
}
