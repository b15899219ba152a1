import type { Knex } from '@mikro-orm/knex';
import { canPreview } from '../../auth/viewer';
import { isPublic, whereStatus } from '../../auth/visibility';
import type { Context } from '../../context';
import { forbidden, unauthenticated } from '../../errors/errors';
import { ConnectionResult } from '../../pagination/connection.type';
import { orderBy, whereAfter, type SortColumn } from '../../pagination/keyset';
import { pageRequest, toPage } from '../../pagination/page';
import { normalizeSectionPath } from '../section/section.service';
import { ArticleOrder, ArticleStatus } from './article.enums';
import type { ArticleFilterInput } from './article.inputs';
import { ARTICLE_COLUMNS, selectArticles } from './article.loaders';
import type { ArticleRevisionRow } from './article-revision.type';
import type { ArticleRow } from './article.type';
import { CoverageRelation } from '../related/related.enums';
import type { RelatedCoverageRow } from '../related/related.type';

export interface ArticleListArgs {
  filter?: ArticleFilterInput | null;
  orderBy?: ArticleOrder | null;
  first?: number | null;
  after?: string | null;
}

/** What a parent object fixes about a list: Section.articles, Tag.articles, Author.articles. */
export interface ArticleScope {
  sectionPath?: string;
  includeSubsections?: boolean;
  tagId?: number;
  authorId?: number;
}

/** Reading articles with the viewer's visibility applied. */
export class ArticleService {
  constructor(private readonly context: Context) {}

  /** Newsroom tokens see every status; the public sees what is live. */
  isVisible(article: ArticleRow): boolean {
    return canPreview(this.context.viewer) || isPublic(article, this.context.now);
  }

  async byId(id: number): Promise<ArticleRow | null> {
    return this.visibleOrNull(await this.context.loaders.article.byId.load(id));
  }

  async bySlug(slug: string): Promise<ArticleRow | null> {
    return this.visibleOrNull(await this.context.loaders.article.bySlug.load(slug.trim().toLowerCase()));
  }

  /** Loads several articles at once, keeping only those the viewer may see, in the given order. */
  async visibleByIds(ids: number[]): Promise<ArticleRow[]> {
    const rows = await this.context.loaders.article.byId.loadMany(ids);
    return rows.filter((row): row is ArticleRow => row !== null && !(row instanceof Error) && this.isVisible(row));
  }

  /** Who changed what and when: newsroom business, never shown to readers. */
  async revisions(article: ArticleRow): Promise<ArticleRevisionRow[]> {
    if (!canPreview(this.context.viewer)) throw unauthenticated("An article's revisions are for the newsroom: send a token.");
    return this.context.loaders.article.revisions.load(article.id);
  }

  /** The canonical public path: /<section path>/<slug>. */
  async uri(article: ArticleRow): Promise<string> {
    const section = await this.context.loaders.section.byId.load(article.sectionId);
    return `/${section?.path ?? ''}/${article.slug}`;
  }

  /**
   * The editor's choices first, in the editor's order, leaving out what the viewer may not see; then
   * SIMILAR pieces, best first. Both lists and then all their articles are fetched together, so a
   * page of cards costs the same two statements however many cards it has.
   */
  async relatedCoverage(article: ArticleRow, first: number): Promise<RelatedCoverageRow[]> {
    if (first === 0) return [];
    this.context.cache.objects('Related', [article.id]);
    const { curated: links, similar } = await this.context.loaders.related.byArticle.load({ articleId: article.id, limit: first });
    // SIMILAR rows are published and never curated, so `first` of them always fill what is left.
    const candidates = similar.slice(0, first);
    const found = new Map((await this.visibleByIds([...links, ...candidates].map((link) => link.relatedId))).map((row) => [row.id, row]));
    const pick = (id: number, relation: CoverageRelation, curated: boolean): RelatedCoverageRow[] => {
      const row = found.get(id);
      return row && row.id !== article.id ? [{ article: row, relation, curated }] : [];
    };
    return [
      ...links.flatMap((link) => pick(link.relatedId, link.relation, true)),
      ...candidates.flatMap((candidate) => pick(candidate.relatedId, CoverageRelation.SIMILAR, false)),
    ].slice(0, first);
  }

  async list(args: ArticleListArgs, scope: ArticleScope = {}): Promise<ConnectionResult<ArticleRow>> {
    const filter = args.filter ?? {};
    const status = this.permittedStatus(filter);
    this.context.cache.list('Article');
    const order = args.orderBy ?? ArticleOrder.NEWEST;
    const { columns, dateOf } = articleSort(order, status);
    const ordering = `${order}:${columns[0].column}`;
    const request = pageRequest(args, ordering, ['number', 'number']);
    const { reader } = this.context;

    // A deferred join: the page's ids come from the indexes alone, then only those rows are read.
    // Sorting whole rows (bodies included) of a big section cost 30 times more on SQLite.
    const ids = this.filtered(filter, scope, status).select('a.id');
    if (request.after) whereAfter(ids, columns, [reader.date(new Date(request.after[0])), request.after[1]]);
    orderBy(ids, columns).limit(request.first + 1);
    const query = orderBy(reader.knex({ a: 'article' }).select(ARTICLE_COLUMNS).whereIn('a.id', ids), columns);
    const rows = await selectArticles(reader, query);
    return new ConnectionResult(
      toPage(rows, request, ordering, (row) => [dateOf(row).getTime(), row.id], () =>
        reader.count(this.filtered(filter, scope, status)),
      ),
    );
  }

  /** The articles a filter selects, with the same rules as a list: a query on `article a` with no select (search narrows its hits with it). */
  matching(filter: ArticleFilterInput): Knex.QueryBuilder {
    this.context.cache.list('Article');
    return this.filtered(filter, {}, this.permittedStatus(filter));
  }

  /** The status a filter asks for, once the viewer is known to be allowed it; null means what the public sees. */
  private permittedStatus(filter: ArticleFilterInput): ArticleStatus | null {
    const status = filter.status ?? null;
    if (status && status !== ArticleStatus.PUBLISHED && !canPreview(this.context.viewer)) {
      throw forbidden(`Only the newsroom may list ${status} articles: send an editor's or contributor's token.`);
    }
    return status;
  }

  private filtered(filter: ArticleFilterInput, scope: ArticleScope, status: ArticleStatus | null): Knex.QueryBuilder {
    const { reader, now } = this.context;
    const knex = reader.knex;
    const query = knex({ a: 'article' });
    whereStatus(query, reader, now, status);
    for (const path of [filter.section, scope.sectionPath]) {
      if (path === undefined || path === null) continue;
      const normalized = normalizeSectionPath(path);
      const sections = knex('section').select('id').where('path', normalized);
      if (path === filter.section || scope.includeSubsections !== false) sections.orWhere('path', 'like', `${normalized}/%`);
      query.whereIn('a.section_id', sections);
    }
    if (filter.tag) {
      query.whereIn('a.id', knex({ at: 'article_tag' }).select('at.article_id').join({ t: 'tag' }, 't.id', 'at.tag_id').where('t.slug', filter.tag));
    }
    if (scope.tagId !== undefined) query.whereIn('a.id', knex('article_tag').select('article_id').where('tag_id', scope.tagId));
    if (filter.author) {
      query.whereIn('a.id', knex({ aa: 'article_author' }).select('aa.article_id').join({ au: 'author' }, 'au.id', 'aa.author_id').where('au.slug', filter.author));
    }
    if (scope.authorId !== undefined) query.whereIn('a.id', knex('article_author').select('article_id').where('author_id', scope.authorId));
    if (filter.publishedAfter) query.where('a.published_at', '>', reader.date(filter.publishedAfter));
    if (filter.publishedBefore) query.where('a.published_at', '<', reader.date(filter.publishedBefore));
    return query;
  }

  private visibleOrNull(row: ArticleRow | null): ArticleRow | null {
    return row && this.isVisible(row) ? row : null;
  }
}

/** The keyset of an ordering: a date column then the id, and how to read the date off a row. */
function articleSort(order: ArticleOrder, status: ArticleStatus | null): { columns: SortColumn[]; dateOf: (row: ArticleRow) => Date } {
  if (order === ArticleOrder.RECENTLY_UPDATED) {
    return { columns: [{ column: 'a.updated_at', direction: 'desc' }, { column: 'a.id', direction: 'desc' }], dateOf: (row) => row.updatedAt };
  }
  const direction = order === ArticleOrder.OLDEST ? 'asc' : 'desc';
  // Drafts have no publication date, so "newest" among drafts means newest created.
  if (status === ArticleStatus.DRAFT) {
    return { columns: [{ column: 'a.created_at', direction }, { column: 'a.id', direction }], dateOf: (row) => row.createdAt };
  }
  return { columns: [{ column: 'a.published_at', direction }, { column: 'a.id', direction }], dateOf: (row) => row.publishedAt ?? row.createdAt };
}
