import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { objectKey } from '../../cache/cache-scope';
import { Role } from '../../auth/viewer';
import { conflict, invalid, notFound, Problems, Refusal } from '../../errors/errors';
import { ConnectionResult } from '../../pagination/connection.type';
import { orderBy, whereAfter } from '../../pagination/keyset';
import { decodeCursor, pageRequest, toPage } from '../../pagination/page';
import { EntryChange, type LiveEvent } from '../../events/live-events';
import type { RequestContext, WriteResult } from '../../request';
import type { Article } from '../article/article.entity';
import type { ArticleEditor } from '../article/article-editor.service';
import { LIMITS } from '../article/article.limits';
import { recordChanges } from '../changes/changes.log';
import type { ArticleService } from '../article/article.service';
import { Author } from '../author/author.entity';
import { markdownInputToBlocks } from '../body/body.markdown';
import { fromGlobalIdOf, inputIdOf, toGlobalId, tryGlobalIdOf } from '../node/global-id';
import { LiveblogEntry } from './liveblog.entity';
import { LiveblogState } from './liveblog.enums';
import type { AddLiveblogEntryInput, UpdateLiveblogEntryInput } from './liveblog.inputs';
import { ENTRY_COLUMNS, STREAM_ORDER, toEntryRow } from './liveblog.loaders';
import type { LiveblogEntryChangeValue, LiveblogEntryRow } from './liveblog.type';

export type EntryEvent = Extract<LiveEvent, { kind: 'entry' }>;

export interface EntryPageArgs {
  first?: number | null;
  after?: string | null;
  since?: string | null;
}

/** Cursors of the stream: an entry's publication time and id. */
const ORDERING = 'liveblog';

/** An entry is visible when its liveblog's article is (ArticleService); writes lock that article (ArticleEditor). */
export interface LiveblogDeps {
  articles: () => Pick<ArticleService, 'byId'>;
  articleEditor: () => Pick<ArticleEditor, 'findLocked'>;
}

/**
 * A liveblog's entries: reading the stream, and posting, correcting and removing entries. Entries
 * are written by the people covering the story as it runs, so a CONTRIBUTOR may post to any LIVE
 * liveblog, published or not; turning an article into a liveblog and closing it are article changes
 * (ArticleEditor.setLiveblogState).
 */
export class LiveblogService {
  constructor(
    private readonly context: RequestContext,
    private readonly deps: LiveblogDeps,
  ) {}

  /** An entry by id, if the viewer may see its liveblog. */
  async byId(id: number): Promise<LiveblogEntryRow | null> {
    const entry = await this.context.loaders.liveblog.byId.load(id);
    return entry && (await this.deps.articles().byId(entry.articleId)) ? entry : null;
  }

  /**
   * A page of the stream, newest first. `since` (a cursor the caller holds, such as the stream's
   * first edge) keeps only entries newer than it: a reader polling for what is new asks with it, and
   * pages on with `after` through as many as came in.
   */
  async entries(articleId: number, args: EntryPageArgs): Promise<ConnectionResult<LiveblogEntryRow>> {
    const request = pageRequest(args, ORDERING, ['time', 'id']);
    const since = args.since === null || args.since === undefined ? null : decodeCursor(args.since, ORDERING, ['time', 'id'], 'since');
    const { reader, cache } = this.context;
    cache.objects('Article', [articleId]);
    const limit = request.first + 1;
    const keyOf = (key: (string | number)[] | null) => key && [new Date(key[0]), key[1]];
    const rows = await reader.compiled<Record<string, unknown>, { article: number; after: (number | Date | string)[] | null; since: (number | Date | string)[] | null }>(
      `liveblog.entries ${limit} ${request.after !== null} ${since !== null}`,
      { article: articleId, after: keyOf(request.after), since: keyOf(since) },
      (values) => {
        const query = reader.knex({ e: 'liveblog_entry' }).select(ENTRY_COLUMNS).where('e.article_id', values.article);
        if (values.after) whereAfter(query, STREAM_ORDER, values.after);
        // Newer than `since`: after it in the stream's reverse order.
        if (values.since) whereAfter(query, STREAM_ORDER.map((sort) => ({ ...sort, direction: 'asc' as const })), values.since);
        return orderBy(query, STREAM_ORDER).limit(limit);
      },
    );
    return new ConnectionResult(
      toPage(rows.map(toEntryRow), request, ORDERING, (row) => [row.publishedAt.getTime(), row.id], async () => {
        const [row] = await reader.compiled<{ n: number | string }, { article: number }>('liveblog.count', { article: articleId }, (values) =>
          reader.knex({ e: 'liveblog_entry' }).where('e.article_id', values.article).count({ n: '*' }),
        );
        return Number(row?.n ?? 0);
      }),
    );
  }

  /**
   * The changes to a liveblog's entries from now on, each delivered while this viewer may read the
   * liveblog (a draft's reach no anonymous subscriber, and unpublishing one stops them).
   */
  follow(articleGlobalId: string): AsyncIterableIterator<EntryEvent> {
    const articleId = fromGlobalIdOf('Article', articleGlobalId, 'articleId');
    return this.context.follow(
      (event): event is EntryEvent => event.kind === 'entry' && event.articleId === articleId,
      async () => articleId !== null && (await this.deps.articles().byId(articleId)) !== null,
    );
  }

  /** A change a subscriber hears of, with the entry as it now reads (null once removed). */
  async change(event: EntryEvent): Promise<LiveblogEntryChangeValue> {
    const entry = event.change === EntryChange.REMOVED ? null : await this.context.loaders.liveblog.byId.load(event.entryId);
    return { change: event.change, id: toGlobalId('LiveblogEntry', event.entryId), entry };
  }

  /** Posts an entry at the top of a LIVE liveblog. */
  add(input: AddLiveblogEntryInput): Promise<WriteResult<number>> {
    return this.context.write('addLiveblogEntry', Role.CONTRIBUTOR, async (tx) => {
      const problems = new Problems();
      const articleId = inputIdOf('Article', input.articleId, ['input', 'articleId'], problems);
      const title = problems.text(['input', 'title'], input.title, LIMITS.entryTitle, false);
      const body = readBody(input.bodyMarkdown, problems);
      const authorId = input.authorId ? inputIdOf('Author', input.authorId, ['input', 'authorId'], problems) : null;
      problems.check();
      const article = await this.liveblogOf(tx, articleId!, ['input', 'articleId']);
      if (article.liveblog !== LiveblogState.LIVE) throw new Refusal([conflict(['input', 'articleId'], 'This liveblog has ended; reopen it (setLiveblogState LIVE) to post again.')]);
      await expectAuthor(tx, authorId, ['input', 'authorId']);
      if (input.pinned) await unpinAll(tx, article);
      const entry = tx.create(LiveblogEntry, {
        article,
        title,
        body: body!,
        author: authorId === null ? null : tx.getReference(Author, authorId),
        keyEvent: input.keyEvent ?? false,
        pinned: input.pinned ?? false,
      });
      await tx.flush();
      await tellApps(tx, article);
      return {
        value: entry.id,
        subject: { type: 'LiveblogEntry', id: entry.id },
        changes: ['entries'],
        alsoChanged: [objectKey('Article', article.id)],
        events: [{ kind: 'entry', articleId: article.id, entryId: entry.id, change: EntryChange.ADDED }],
      };
    });
  }

  /** Corrects an entry made from `expectedRevision`; it keeps its place in the stream and shows when it was corrected. */
  update(input: UpdateLiveblogEntryInput): Promise<WriteResult<number>> {
    return this.context.write('updateLiveblogEntry', Role.CONTRIBUTOR, async (tx) => {
      const problems = new Problems();
      const entryId = inputIdOf('LiveblogEntry', input.id, ['input', 'id'], problems);
      const title = input.title === undefined ? undefined : problems.text(['input', 'title'], input.title, LIMITS.entryTitle, false);
      const body = input.bodyMarkdown === undefined ? undefined : readBody(input.bodyMarkdown, problems);
      const authorId = input.authorId === undefined ? undefined : input.authorId ? inputIdOf('Author', input.authorId, ['input', 'authorId'], problems) : null;
      if (input.keyEvent === null) problems.add(invalid(['input', 'keyEvent'], 'keyEvent is true or false; leave it out to keep it.'));
      if (input.pinned === null) problems.add(invalid(['input', 'pinned'], 'pinned is true or false; leave it out to keep it.'));
      problems.check();
      const entry = await this.entryOf(tx, entryId!, ['input', 'id'], ['input', 'expectedRevision'], input.expectedRevision);
      if (authorId) await expectAuthor(tx, authorId, ['input', 'authorId']);
      const changes: string[] = [];
      if (title !== undefined && title !== (entry.title ?? null)) (entry.title = title), changes.push('title');
      if (body !== undefined && JSON.stringify(body) !== JSON.stringify(entry.body)) (entry.body = body!), changes.push('body');
      if (authorId !== undefined && authorId !== (entry.author?.id ?? null)) (entry.author = authorId === null ? null : tx.getReference(Author, authorId)), changes.push('author');
      if (input.keyEvent !== undefined && input.keyEvent !== entry.keyEvent) (entry.keyEvent = input.keyEvent!), changes.push('keyEvent');
      if (input.pinned !== undefined && input.pinned !== entry.pinned) {
        // The old pin goes first, so the one-pin index never sees two.
        if (input.pinned) await unpinAll(tx, entry.article);
        entry.pinned = input.pinned!;
        changes.push('pinned');
      }
      await flushEntry(tx, ['input', 'expectedRevision'], input.expectedRevision);
      if (changes.length) await tellApps(tx, entry.article);
      return {
        value: entry.id,
        subject: { type: 'LiveblogEntry', id: entry.id },
        changes,
        alsoChanged: [objectKey('Article', entry.article.id)],
        events: changes.length ? [{ kind: 'entry', articleId: entry.article.id, entryId: entry.id, change: EntryChange.UPDATED }] : [],
      };
    });
  }

  /** Removes an entry made from `expectedRevision`; answers with the entry as it was. */
  remove(id: string, expectedRevision: number): Promise<WriteResult<LiveblogEntryRow>> {
    return this.context.write('removeLiveblogEntry', Role.CONTRIBUTOR, async (tx) => {
      const entryId = tryGlobalIdOf('LiveblogEntry', id);
      if (entryId === null) throw new Refusal([notFound(['id'], 'No liveblog entry has this ID.')]);
      const entry = await this.entryOf(tx, entryId, ['id'], ['expectedRevision'], expectedRevision);
      const removed: LiveblogEntryRow = {
        __typename: 'LiveblogEntry',
        id: entry.id,
        articleId: entry.article.id,
        title: entry.title ?? null,
        body: entry.body,
        authorId: entry.author?.id ?? null,
        keyEvent: entry.keyEvent,
        pinned: entry.pinned,
        publishedAt: entry.publishedAt,
        updatedAt: entry.updatedAt,
        revision: entry.revision,
      };
      tx.remove(entry);
      await flushEntry(tx, ['expectedRevision'], expectedRevision);
      await tellApps(tx, entry.article);
      return {
        value: removed,
        subject: { type: 'LiveblogEntry', id: removed.id },
        changes: ['removed'],
        alsoChanged: [objectKey('Article', removed.articleId)],
        events: [{ kind: 'entry', articleId: removed.articleId, entryId: removed.id, change: EntryChange.REMOVED }],
      };
    });
  }

  /** The article, locked against a concurrent close, if it is a liveblog. */
  private async liveblogOf(tx: EntityManager, articleId: number, field: string[]): Promise<Article> {
    const article = await this.deps.articleEditor().findLocked(tx, articleId);
    if (!article) throw new Refusal([notFound(field, 'No article has this ID.')]);
    if (!article.liveblog) throw new Refusal([invalid(field, 'This article is not a liveblog; make it one first (setLiveblogState LIVE).')]);
    return article;
  }

  /** The entry, its liveblog locked, if it is still at `expectedRevision`. */
  private async entryOf(tx: EntityManager, entryId: number, field: string[], revisionField: string[], expectedRevision: number): Promise<LiveblogEntry> {
    const found = await tx.findOne(LiveblogEntry, entryId);
    if (!found) throw new Refusal([notFound(field, 'No liveblog entry has this ID.')]);
    await this.liveblogOf(tx, found.article.id, field);
    if (found.revision !== expectedRevision) throw new Refusal([staleRevision(revisionField, found.revision, expectedRevision)]);
    return found;
  }
}

/** An entry's Markdown as blocks; every entry has some text. */
function readBody(markdown: string | null | undefined, problems: Problems) {
  const text = markdown?.trim() ?? '';
  if (!text) {
    problems.add(invalid(['input', 'bodyMarkdown'], 'An entry needs some text.'));
    return undefined;
  }
  if (text.length > LIMITS.entryMarkdown) {
    problems.add(invalid(['input', 'bodyMarkdown'], `The entry is too long: at most ${LIMITS.entryMarkdown} characters.`));
    return undefined;
  }
  return markdownInputToBlocks(text, ['input', 'bodyMarkdown'], problems);
}

async function expectAuthor(tx: EntityManager, id: number | null, field: string[]): Promise<void> {
  if (id !== null && !(await tx.count(Author, { id }))) throw new Refusal([notFound(field, 'No author has this ID.')]);
}

/**
 * An entry posted, corrected or removed changes its liveblog's page: apps that sync (changes) hear of
 * the article, as of any save, in the same transaction.
 */
async function tellApps(tx: EntityManager, article: Article): Promise<void> {
  await recordChanges(tx, [{ articleId: article.id, sectionId: article.section.id }]);
}

async function unpinAll(tx: EntityManager, article: Article): Promise<void> {
  await tx.nativeUpdate(LiveblogEntry, { article, pinned: true }, { pinned: false });
}

/** Flushes a corrected or removed entry; a correction saved in between (the optimistic lock) refuses it. */
async function flushEntry(tx: EntityManager, field: string[], expectedRevision: number): Promise<void> {
  try {
    await tx.flush();
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error;
    throw new Refusal([staleRevision(field, null, expectedRevision)]);
  }
}

function staleRevision(field: string[], current: number | null, expected: number) {
  const now = current === null ? 'someone corrected it since' : `it is now at revision ${current}`;
  return conflict(field, `You edited revision ${expected} of this entry; ${now}. Reload it, reapply your change and save again.`);
}
