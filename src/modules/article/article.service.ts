import type { Knex } from '@mikro-orm/knex';
import { canPreview, readsEmbargoed } from '../../auth/viewer';
import { effectiveStatus, isPublic, statusParts, whereStatus, type StatusPart } from '../../auth/visibility';
import { badUserInput, forbidden, unauthenticated } from '../../errors/errors';
import type { LiveEvent } from '../../events/live-events';
import { fromGlobalIdOf } from '../node/global-id';
import { ConnectionResult } from '../../pagination/connection.type';
import { orderBy, whereAfter, type SortColumn } from '../../pagination/keyset';
import { pageRequest, toPage, totalCountOf } from '../../pagination/page';
import type { RequestContext } from '../../request';
import { normalizeSectionPath } from '../section/section.service';
import { ArticleOrder, ArticleStatus } from './article.enums';
import type { ArticleFilterInput } from './article.inputs';
import { ARTICLE_COLUMNS, toArticleRow } from './article.loaders';
import type { ArticleRevisionRow } from './article-revision.type';
import type { ArticleRow } from './article.type';
import type { SectionRow } from '../section/section.type';
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

/** How a list is read as a merge of ordered index scans (ArticleService.listPlan). */
interface ListPlan {
  lateral: 'filter' | 'scope' | null;
  /** SQLite, which has no LATERAL: the sections of the `lateral` path, one scan per section and part. */
  sectionIds?: number[];
}

interface FilterOptions {
  part?: StatusPart;
  lateral?: 'filter' | 'scope' | null;
  /** The one section of the `lateral` path to keep (SQLite), instead of the LATERAL join's row. */
  sectionId?: number;
}

/** Reading articles with the viewer's visibility applied. */
export type ArticleEvent = Extract<LiveEvent, { kind: 'article' }>;

export class ArticleService {
  /** The lists this request has read, by their arguments (list). */
  private readonly lists = new Map<string, Promise<ConnectionResult<ArticleRow>>>();

  constructor(private readonly context: RequestContext) {}

  /** Newsroom tokens see every status; the public sees what is live. */
  isVisible(article: ArticleRow): boolean {
    const { viewer, now } = this.context;
    return canPreview(viewer) || isPublic(article, now) || (article.embargoed && readsEmbargoed(viewer) && effectiveStatus(article, now) === ArticleStatus.SCHEDULED);
  }

  async byId(id: number): Promise<ArticleRow | null> {
    return this.visibleOrNull(await this.context.loaders.article.byId.load(id));
  }

  async bySlug(slug: string): Promise<ArticleRow | null> {
    return this.visibleOrNull(await this.context.loaders.article.bySlug.load(slug.trim().toLowerCase()));
  }

  /** Loads several articles at once, keeping only those the viewer may see, in the given order. */
  async visibleByIds(ids: number[]): Promise<ArticleRow[]> {
    const { article } = this.context.loaders;
    const rows: (ArticleRow | Error | null)[] = article.allKnown(ids) ?? (await article.byId.loadMany(ids));
    return rows.filter((row): row is ArticleRow => row !== null && !(row instanceof Error) && this.isVisible(row));
  }

  /** Who changed what and when: newsroom business, never shown to readers. */
  async revisions(article: ArticleRow): Promise<ArticleRevisionRow[]> {
    const { viewer } = this.context;
    if (!viewer) throw unauthenticated("An article's revisions are for the newsroom: send a token.");
    if (!canPreview(viewer)) throw forbidden(`An article's revisions are for the newsroom; the token "${viewer.name}" is ${viewer.role}.`);
    return this.context.loaders.article.revisions.load(article.id);
  }

  /** The canonical public path: /<section path>/<slug>; at once when the request has read the sections. */
  uri(article: ArticleRow): string | Promise<string> {
    const path = (section: SectionRow | null) => `/${section?.path ?? ''}/${article.slug}`;
    const known = this.context.loaders.section.byIdNow(article.sectionId);
    return known === undefined ? this.context.loaders.section.byId.load(article.sectionId).then(path) : path(known);
  }

  /**
   * Articles put out from now on in a section (and its subsections), each delivered when this viewer
   * may read it: a scheduled piece's publish is heard when it is published, not when it is scheduled.
   */
  async followPublished(sectionPath: string, includeSubsections: boolean): Promise<AsyncIterableIterator<ArticleEvent>> {
    const path = normalizeSectionPath(sectionPath);
    if (!(await this.context.loaders.section.byPath.load(path))) throw badUserInput(`No section has the path "${path}".`, 'sectionPath');
    return this.context.follow(
      (event): event is ArticleEvent => event.kind === 'article' && event.published,
      async (event) => {
        const article = await this.byId(event.articleId);
        const section = article && (await this.section(article));
        return Boolean(section && (section.path === path || (includeSubsections && section.path.startsWith(`${path}/`))));
      },
    );
  }

  /** Every save of one article from now on, while this viewer may read it. */
  followUpdates(articleGlobalId: string): AsyncIterableIterator<ArticleEvent> {
    const articleId = fromGlobalIdOf('Article', articleGlobalId);
    return this.context.follow(
      (event): event is ArticleEvent => event.kind === 'article' && event.articleId === articleId,
      async (event) => (await this.byId(event.articleId)) !== null,
    );
  }

  /** The section an article is filed in; at once when the request has read the sections. */
  section(article: ArticleRow): SectionRow | null | Promise<SectionRow | null> {
    const known = this.context.loaders.section.byIdNow(article.sectionId);
    return known === undefined ? this.context.loaders.section.byId.load(article.sectionId) : known;
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

  /**
   * A page of articles. `counted`: the request asks for totalCount, which is then sent beside the page
   * rather than after it. Asked again in the request with the same arguments (a list started early,
   * or twice in one query), the same read answers.
   */
  list(args: ArticleListArgs, scope: ArticleScope = {}, counted = false): Promise<ConnectionResult<ArticleRow>> {
    const key = keyOf([args, scope, counted]);
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = this.readList(args, scope, counted)));
    return list;
  }

  /**
   * Starts a list the request will ask for once another read is in, so that both go to the database
   * together: a section front's page beside the section (PostgreSQL selects the sections by path in
   * the list's own statement). Its failure is the later list()'s to report.
   */
  prefetchList(args: ArticleListArgs, scope: ArticleScope, counted: boolean): void {
    this.list(args, scope, counted).catch(() => {});
  }

  private async readList(args: ArticleListArgs, scope: ArticleScope, counted: boolean): Promise<ConnectionResult<ArticleRow>> {
    const { filter, status } = this.permitted(args.filter ?? {});
    this.context.cache.list('Article');
    const order = args.orderBy ?? ArticleOrder.NEWEST;
    const { columns, dateOf } = articleSort(order, status);
    const ordering = `${order}:${columns[0].column}`;
    const request = pageRequest(args, ordering, ['time', 'id']);
    const { reader, now } = this.context;
    const after = request.after && [new Date(request.after[0]), request.after[1]];
    const plan = await this.listPlan(filter, scope, status, columns);
    const limit = request.first + 1;
    // Everything the statements depend on but the instant and the cursor, which are bound at each run.
    const shape = JSON.stringify([filter, scope, status, order, plan, limit]);
    const count = async () => {
      const kept = plan && !filter.publishedAfter && !filter.publishedBefore;
      const [row] = await reader.compiled<{ n: number | string | null }, { now: Date }>(`article.count ${shape}`, { now }, (values) =>
        kept ? this.keptCount(filter, scope, status, values.now) : this.filtered(filter, scope, status, values.now).count({ n: '*' }),
      );
      return Number(row?.n ?? 0);
    };
    const totalCount = totalCountOf(counted, count);
    // Cards' uris name their sections: the section tree (read already for a front) goes with the page.
    this.context.loaders.section.prefetch();

    const rows = await reader.compiled<Record<string, unknown>, { now: Date; after: (string | number | Date)[] | null }>(
      `article.list ${shape}`,
      { now, after },
      (values) => {
        // A deferred join: the page's ids come from the indexes alone, then only those rows are read.
        // Sorting whole rows (bodies included) of a big section cost 30 times more on SQLite.
        let ids: Knex.QueryBuilder;
        if (plan) {
          ids = this.mergedIds(filter, scope, status, plan, columns, values, limit);
        } else {
          ids = this.filtered(filter, scope, status, values.now).select('a.id');
          if (values.after) whereAfter(ids, columns, values.after);
          orderBy(ids, columns).limit(limit);
        }
        return orderBy(reader.knex({ a: 'article' }).select(ARTICLE_COLUMNS).whereIn('a.id', ids), columns);
      },
    );
    return new ConnectionResult(
      toPage(rows.map(toArticleRow), request, ordering, (row) => [dateOf(row).getTime(), row.id], totalCount),
    );
  }

  /**
   * Whether a list is read as a merge of ordered index scans (mergedIds) rather than as one query, and
   * how: lists in publication order with no tag or author to narrow them, of a section or of
   * everything with more than one status part. One query there ORs the statuses together, and the
   * database then reads and sorts every visible row of the section (a section with subsections of
   * 100,000 articles: 170 ms on PostgreSQL, 6.5 ms on SQLite) where the merge reads about a page's
   * worth of index entries per part. PostgreSQL loops over the sections with a LATERAL join; SQLite
   * has none, so its scans are spelled out per section, from the request's section tree.
   */
  private async listPlan(filter: ArticleFilterInput, scope: ArticleScope, status: ArticleStatus | null, columns: SortColumn[]): Promise<ListPlan | null> {
    const { reader } = this.context;
    if (columns[0].column !== 'a.published_at') return null;
    if (filter.tag || filter.author || scope.tagId !== undefined || scope.authorId !== undefined) return null;
    const parts = statusParts(this.context.now, status).length;
    const section = scope.sectionPath ?? filter.section;
    if (section !== undefined && section !== null) {
      const lateral = scope.sectionPath !== undefined ? 'scope' : 'filter';
      if (reader.dialect === 'postgresql') return { lateral };
      const sectionIds = await this.context.loaders.section.under(normalizeSectionPath(section), lateral === 'filter' || scope.includeSubsections !== false);
      // SQLite takes at most 500 members in a compound select; a site that deep is read by one query.
      if (sectionIds.length === 0 || sectionIds.length * parts > MAX_SCANS) return null;
      return { lateral, sectionIds };
    }
    return parts > 1 ? { lateral: null } : null;
  }

  /**
   * The ids of a page as a merge: each status part (and on PostgreSQL each section, through a LATERAL
   * join on the sections the path selects) reads its first `limit` rows in index order, and the few
   * rows they give are sorted. The same rows, in the same order, as the single query.
   */
  private mergedIds(
    filter: ArticleFilterInput,
    scope: ArticleScope,
    status: ArticleStatus | null,
    plan: ListPlan,
    columns: SortColumn[],
    { now, after }: { now: Date; after: (string | number | Date)[] | null },
    limit: number,
  ): Knex.QueryBuilder {
    const { knex } = this.context.reader;
    const [date, id] = columns;
    const name = (column: SortColumn) => column.column.replace(/^a\./, '');
    const parts = scansOf(plan, statusParts(now, status)).map((scan, index) => {
      const query = this.filtered(filter, scope, status, now, scan).select(date.column, id.column);
      if (after) {
        // The bound alone is an index range; whereAfter's OR then drops the rows of that instant already seen.
        query.where(date.column, date.direction === 'asc' ? '>=' : '<=', after[0]);
        whereAfter(query, columns, after);
      }
      // Wrapped, as SQLite takes no parenthesized member of a compound select.
      return knex.select('*').from(orderBy(query, columns).limit(limit).as(`p${index}`));
    });
    const merged = parts.length > 1 ? parts[0].unionAll(parts.slice(1)) : parts[0];
    const ids: Knex.QueryBuilder = plan.lateral && !plan.sectionIds ? this.sectionsOf(filter, scope, plan.lateral).crossJoin(knex.raw('lateral (?) as x', [merged])) : knex.from(merged.as('x'));
    return orderBy(ids.select('x.id'), columns.map((column) => ({ ...column, column: `x.${name(column)}` }))).limit(limit);
  }

  /**
   * totalCount of a list of a section, or of everything, with no other filter: the settled statuses
   * from section_article_count, which triggers keep as articles are written (migration
   * 20261127100000), and the scheduled pieces, whose visibility turns with the clock, from their index.
   * Counting a big section's rows took 3 ms on SQLite and 8 ms on PostgreSQL at 100,000 articles.
   */
  private keptCount(filter: ArticleFilterInput, scope: ArticleScope, status: ArticleStatus | null, now: Date): Knex.Raw {
    const { knex } = this.context.reader;
    const inSections = (query: Knex.QueryBuilder, column: string) => {
      for (const { path, subsections } of sectionPaths(filter, scope)) query.whereIn(column, this.sections(knex('section').select('id'), path, subsections));
      return query;
    };
    const settled = status === null ? [ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED] : status === ArticleStatus.SCHEDULED ? [] : [status];
    const kept = inSections(knex({ c: 'section_article_count' }).whereIn('c.status', settled), 'c.section_id').select(knex.raw('coalesce(sum(c.articles), 0)'));
    // Scheduled pieces already due read as published; those still to come are the SCHEDULED list.
    const dueOnly = status === null || status === ArticleStatus.PUBLISHED;
    const scheduled = inSections(knex({ a: 'article' }).where('a.status', ArticleStatus.SCHEDULED), 'a.section_id')
      .where('a.published_at', dueOnly ? '<=' : '>', now)
      .count({ n: '*' });
    if (filter.embargoed !== undefined && filter.embargoed !== null) whereEmbargoed(scheduled, filter.embargoed);
    if (!dueOnly && status !== ArticleStatus.SCHEDULED) return knex.raw('select (?) as n', [kept]);
    return knex.raw('select (?) + (?) as n', [kept, scheduled]);
  }

  /** The articles a filter selects, with the same rules as a list: a query on `article a` with no select (search narrows its hits with it). */
  matching(filter: ArticleFilterInput): Knex.QueryBuilder {
    this.context.cache.list('Article');
    const { filter: permitted, status } = this.permitted(filter);
    return this.filtered(permitted, {}, status, this.context.now);
  }

  /**
   * The filter as the viewer may have it, and its status (null: what the public sees). A partner's
   * SCHEDULED list holds the pieces under embargo alone.
   */
  private permitted(filter: ArticleFilterInput): { filter: ArticleFilterInput; status: ArticleStatus | null } {
    const status = filter.status ?? null;
    const { viewer } = this.context;
    if (filter.embargoed !== undefined && filter.embargoed !== null && status !== ArticleStatus.SCHEDULED) {
      throw badUserInput('"embargoed" narrows a list of SCHEDULED pieces: ask for status SCHEDULED with it.', 'filter');
    }
    if (status === ArticleStatus.SCHEDULED && !canPreview(viewer) && readsEmbargoed(viewer)) {
      if (filter.embargoed === false) throw forbidden('Partners may list pieces under embargo only (embargoed: true).');
      return { filter: { ...filter, embargoed: true }, status };
    }
    if (status && status !== ArticleStatus.PUBLISHED && !canPreview(viewer)) {
      throw forbidden(`Only the newsroom may list ${status} articles: send an editor's or contributor's token.`);
    }
    return { filter, status };
  }

  /**
   * `options.part` replaces the status condition with one of its parts (statusParts); `options.lateral`
   * names the section path (scope or filter) whose sections come from `sec`, the row of a LATERAL join.
   */
  private filtered(filter: ArticleFilterInput, scope: ArticleScope, status: ArticleStatus | null, now: Date, options: FilterOptions = {}): Knex.QueryBuilder {
    const { knex } = this.context.reader;
    const query = knex({ a: 'article' });
    if (options.part) options.part(query);
    else whereStatus(query, now, status);
    for (const { path, from, subsections } of sectionPaths(filter, scope)) {
      if (from === options.lateral) query.where('a.section_id', options.sectionId ?? knex.ref('sec.id'));
      else query.whereIn('a.section_id', this.sections(knex('section').select('id'), path, subsections));
    }
    if (filter.tag) {
      query.whereIn('a.id', knex({ at: 'article_tag' }).select('at.article_id').join({ t: 'tag' }, 't.id', 'at.tag_id').where('t.slug', filter.tag));
    }
    if (scope.tagId !== undefined) query.whereIn('a.id', knex('article_tag').select('article_id').where('tag_id', scope.tagId));
    if (filter.author) {
      query.whereIn('a.id', knex({ aa: 'article_author' }).select('aa.article_id').join({ au: 'author' }, 'au.id', 'aa.author_id').where('au.slug', filter.author));
    }
    if (scope.authorId !== undefined) query.whereIn('a.id', knex('article_author').select('article_id').where('author_id', scope.authorId));
    if (filter.publishedAfter) query.where('a.published_at', '>', filter.publishedAfter);
    if (filter.publishedBefore) query.where('a.published_at', '<', filter.publishedBefore);
    if (filter.embargoed !== undefined && filter.embargoed !== null) whereEmbargoed(query, filter.embargoed);
    return query;
  }

  /** Keeps the sections of a query on `section` that a path selects: that section, and its subsections if asked. */
  private sections(query: Knex.QueryBuilder, path: string, subsections: boolean, alias = 'section'): Knex.QueryBuilder {
    const normalized = normalizeSectionPath(path);
    return query.where((inner) => {
      inner.where(`${alias}.path`, normalized);
      if (subsections) inner.orWhere(`${alias}.path`, 'like', `${normalized}/%`);
    });
  }

  /** The sections (as `sec`) that the laterally joined path selects. */
  private sectionsOf(filter: ArticleFilterInput, scope: ArticleScope, lateral: 'filter' | 'scope'): Knex.QueryBuilder {
    const path = (lateral === 'filter' ? filter.section : scope.sectionPath) as string;
    return this.sections(this.context.reader.knex({ sec: 'section' }), path, lateral === 'filter' || scope.includeSubsections !== false, 'sec');
  }

  private visibleOrNull(row: ArticleRow | null): ArticleRow | null {
    return row && this.isVisible(row) ? row : null;
  }
}

/** The section paths a list is narrowed to: the filter's (always with its subsections) and the parent section's. */
function sectionPaths(filter: ArticleFilterInput, scope: ArticleScope): { path: string; from: 'filter' | 'scope'; subsections: boolean }[] {
  const paths: { path: string; from: 'filter' | 'scope'; subsections: boolean }[] = [];
  if (filter.section !== undefined && filter.section !== null) paths.push({ path: filter.section, from: 'filter', subsections: true });
  if (scope.sectionPath !== undefined) paths.push({ path: scope.sectionPath, from: 'scope', subsections: scope.includeSubsections !== false });
  return paths;
}

/** Index scans a merged list is made of: one per status part, and on SQLite per section too. */
const MAX_SCANS = 240;

function scansOf(plan: ListPlan, parts: StatusPart[]): FilterOptions[] {
  const sections = plan.sectionIds ?? [undefined];
  return sections.flatMap((sectionId) => parts.map((part) => ({ part, lateral: plan.lateral, sectionId })));
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

/** Pieces under embargo (true) or not (false); a null column reads as false. */
function whereEmbargoed(query: Knex.QueryBuilder, embargoed: boolean): Knex.QueryBuilder {
  return embargoed ? query.where('a.embargoed', true) : query.where((inner) => inner.whereNull('a.embargoed').orWhere('a.embargoed', false));
}

/** The same key for equal arguments, whether type-graphql built them (class instances) or a selection did (plain objects, keys in another order). */
function keyOf(value: unknown): string {
  return JSON.stringify(value, (_key, part: unknown) =>
    part && typeof part === 'object' && !Array.isArray(part) ? Object.fromEntries(Object.entries(part).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : part,
  );
}
