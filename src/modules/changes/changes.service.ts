import { cameDue, effectiveStatus } from '../../auth/visibility';
import { badUserInput, resyncRequired } from '../../errors/errors';
import { decodeCursor, encodeCursor, pageSize } from '../../pagination/page';
import { toDateOrNull } from '../../database/reader';
import type { RequestContext } from '../../request';
import type { ArticleService } from '../article/article.service';
import { ArticleStatus } from '../article/article.enums';
import type { ArticleRow } from '../article/article.type';
import { toGlobalId } from '../node/global-id';
import { normalizeSectionPath } from '../section/section.service';
import { FEED_RETENTION_DAYS } from './changes.log';
import { ChangeKind, type ChangeFeedValue, type ChangeValue } from './changes.type';

export interface ChangesArgs {
  since?: string | null;
  first?: number | null;
  section?: string | null;
  latest?: number | null;
}

/** Cursors of the feed: the last change seen, and the section followed ('' for all). */
const ORDERING = 'changes';

/** An article's reading of the feed is upserts and deletes, and what is visible is what the public sees. */
export interface ChangeFeedDeps {
  articles: () => Pick<ArticleService, 'list' | 'section'>;
}

/**
 * The sync feed for readers' apps (Contentful's sync, for news): from a cursor, each article that
 * changed since, once, in the order of its last commit, as it now reads: UPSERT while it is published
 * (in the section followed), DELETE once it is not (unpublished, archived, moved away). Scheduled and
 * embargoed pieces join at the moment they go public, with no one acting: the publication clock
 * writes them into the feed (recordLifts), and until it has, a read adds what came due since it last
 * did. Cursors hold nothing but a position, so every instance answers one alike. The feed is the public's
 * whoever asks, and it names no piece that has never been public (no DELETE of a draft's id).
 */
export class ChangeFeedService {
  constructor(
    private readonly context: RequestContext,
    private readonly deps: ChangeFeedDeps,
  ) {}

  async read(args: ChangesArgs): Promise<ChangeFeedValue> {
    const { reader, now, cache } = this.context;
    // Every answer is for one app at one moment: never kept.
    cache.hint(0);
    const size = pageSize(args.first);
    const cursor = args.since ? this.decode(args.since) : null;
    const section = cursor ? cursor.section : normalizeSectionPath(args.section ?? '');
    if (cursor && args.section !== undefined && args.section !== null && normalizeSectionPath(args.section) !== section) {
      throw badUserInput('This cursor follows another section: keep following it, or start again without `since`.', 'section');
    }
    const [head] = await reader.all<{ seq: number | string; prunedThrough: number | string; dueThrough: unknown }>(
      reader.knex('feed_head').select('seq', 'pruned_through as prunedThrough', 'due_through as dueThrough').where('id', 1),
    );
    const headSeq = Number(head?.seq ?? 0);
    if (!cursor) {
      if (section && !(await this.context.loaders.section.byPath.load(section))) throw badUserInput(`No section has the path "${section}".`, 'section');
      if (args.latest !== undefined && args.latest !== null && (args.latest < 0 || args.latest > 100)) throw badUserInput(`"latest" must be between 0 and 100 (got ${args.latest}).`, 'latest');
      const latest = args.latest ? (await this.deps.articles().list({ filter: { section: section || null }, first: args.latest })).nodes : [];
      return { changes: latest.map((article) => this.upsert(article)), cursor: this.encode(headSeq, section), hasMore: false };
    }
    if (cursor.seq < Number(head?.prunedThrough ?? 0) || cursor.seq > headSeq) {
      throw resyncRequired(`This cursor is older than the ${FEED_RETENTION_DAYS} days the feed keeps (or from another feed): read the articles afresh and start again without \`since\`.`);
    }
    const query = reader
      .knex('article_change')
      .select('article_id as articleId')
      .max({ seq: 'seq' })
      .where('seq', '>', cursor.seq)
      .where('seq', '<=', headSeq)
      .groupBy('article_id')
      .orderBy('seq')
      .limit(size + 1);
    if (section) query.whereIn('section_id', (await this.context.loaders.section.under(section, true)) as number[]);
    const changed = await reader.all<{ articleId: number; seq: number | string }>(query);
    const hasMore = changed.length > size;
    const page = changed.slice(0, size);
    // Pieces that came due and that no clock has written into the feed yet join once every commit
    // before this read is in; the clock's record of them comes later, and says the same.
    const dueThrough = toDateOrNull(head?.dueThrough);
    const due = hasMore || !dueThrough ? [] : (await cameDue(reader, dueThrough, now)).map((row) => row.articleId);
    const saved = new Set(page.map((row) => row.articleId));
    const ids = [...saved, ...due.filter((id) => !saved.has(id))];
    const rows = await this.context.loaders.article.byId.loadMany(ids);
    const changes: ChangeValue[] = [];
    for (const [index, row] of rows.entries()) {
      if (row instanceof Error) throw row;
      if (row && (await this.inFeed(row, section))) changes.push(this.upsert(row));
      // Dropped: a saved piece no longer in the feed, unless it was never public (a draft, one not
      // yet out), which the feed does not name; a piece that came due elsewhere is none of its business.
      else if (saved.has(ids[index]) && (!row || (row.firstPublishedAt && row.firstPublishedAt <= now))) {
        changes.push({ kind: ChangeKind.DELETE, id: toGlobalId('Article', ids[index]), article: null });
      }
    }
    const seq = hasMore ? Number(page[page.length - 1].seq) : headSeq;
    return { changes, cursor: this.encode(seq, section), hasMore };
  }

  private async inFeed(article: ArticleRow, section: string): Promise<boolean> {
    if (effectiveStatus(article, this.context.now) !== ArticleStatus.PUBLISHED) return false;
    if (!section) return true;
    const path = (await this.deps.articles().section(article))?.path ?? '';
    return path === section || path.startsWith(`${section}/`);
  }

  private upsert(article: ArticleRow): ChangeValue {
    return { kind: ChangeKind.UPSERT, id: toGlobalId('Article', article.id), article };
  }

  private encode(seq: number, section: string): string {
    return encodeCursor(ORDERING, [seq, section]);
  }

  private decode(since: string): { seq: number; section: string } {
    const [seq, section] = decodeCursor(since, ORDERING, ['number', 'string'], 'since');
    return { seq: seq as number, section: section as string };
  }
}
