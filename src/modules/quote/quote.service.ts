import type { Knex } from '@mikro-orm/knex';
import { objectKey } from '../../cache/cache-scope';
import { canPreview } from '../../auth/viewer';
import { statusParts, whereStatus, type StatusPart } from '../../auth/visibility';
import type { EntityManager } from '@mikro-orm/knex';
import { Role } from '../../auth/viewer';
import { invalid, notFound, Problems, Refusal } from '../../errors/errors';
import { ConnectionResult } from '../../pagination/connection.type';
import { compare, orderBy, whereAfter, type SortColumn, type SortKey } from '../../pagination/keyset';
import { pageRequest, toPage, totalCountOf, type PageRequest } from '../../pagination/page';
import { containsPattern, toDate } from '../../database/reader';
import { foldForLookup } from '../search/search.fold';
import type { RequestContext, WriteResult } from '../../request';
import { checkQueryLength } from '../search/search.query';
import { paragraphIndex, type ArticleEditor } from '../article/article-editor.service';
import { LIMITS } from '../article/article.limits';
import { Tag } from '../tag/tag.entity';
import { fromGlobalIdOf, inputIdOf, tryGlobalIdOf } from '../node/global-id';
import { asNodes } from '../node/node.type';
import { sentenceAround } from '../analysis/analysis.context';
import type { FoundQuote } from '../analysis/analysis.quotes';
import type { Article } from '../article/article.entity';
import { ArticleStatus } from '../article/article.enums';
import type { ArticleService } from '../article/article.service';
import { quotableText, type StoredBlock } from '../body/body.blocks';
import { Quote, QuoteDismissal } from './quote.entity';
import { QuoteOrigin } from './quote.enums';
import type { AddQuoteInput, QuoteFilterInput, UpdateQuoteInput } from './quote.inputs';
import { QUOTE_COLUMNS } from './quote.loaders';
import type { QuoteRow } from './quote.type';

export interface QuoteListArgs {
  filter?: QuoteFilterInput | null;
  first?: number | null;
  after?: string | null;
}

/** Newest article first, then reading order within each article. */
const SORT: SortColumn[] = [
  { column: 'a.published_at', direction: 'desc' },
  { column: 'q.article_id', direction: 'desc' },
  { column: 'q.position', direction: 'asc' },
];

/** A quote's copies of its article's status and publication time (Quote.articleStatus), for visibility. */
const ARTICLE_OF_QUOTE = { status: 'q.article_status', publishedAt: 'q.article_published_at' };

/** SORT on the quote's own columns, the order of quote_speaker_feed_index within a speaker and status. */
const FEED_SORT: SortColumn[] = [{ column: 'q.article_published_at', direction: 'desc' }, ...SORT.slice(1)];

/**
 * The date a draft's quotes sort and page by (drafts have no publication time; only the newsroom sees
 * them), so they come after every dated quote on both databases (which put nulls at opposite ends)
 * and a cursor can stand on one: long before any news, and a year of four digits, as V8 reads
 * PostgreSQL's text for years under 100 as 19xx or 20xx.
 */
const UNDATED = new Date('1000-01-01T00:00:00.000Z');

/** A sort key's column, to select under a name of one's own. */
function selected(knex: Knex, column: string | Knex.Raw): Knex.Ref<string, Record<string, string>> | Knex.Raw {
  return typeof column === 'string' ? knex.ref(column) : column;
}

/** `sort` with its date read as `column`, undated rows taking UNDATED: for lists that may hold drafts. */
function datedSort(knex: Knex, sort: SortColumn[], column: string): SortKey[] {
  return [{ column: knex.raw('coalesce(??, ?)', [column, UNDATED]), direction: sort[0].direction }, ...sort.slice(1)];
}

/**
 * A quote is visible when its article is (ArticleService), and a change to it is saved with its
 * article (ArticleEditor). Each is built on first use: the desk calls back here for what import finds.
 */
export interface QuoteDeps {
  articles: () => Pick<ArticleService, 'byId'>;
  articleEditor: () => Pick<ArticleEditor, 'loadForQuotes' | 'saveQuotes'>;
}

export class QuoteService {
  constructor(
    private readonly context: RequestContext,
    private readonly deps: QuoteDeps,
  ) {}

  /** A quote is visible when its article is. */
  async byId(id: number): Promise<QuoteRow | null> {
    const quote = await this.context.loaders.quote.byId.load(id);
    return quote && (await this.deps.articles().byId(quote.articleId)) ? quote : null;
  }

  /**
   * Who said what, across articles. `speakerId` fixes the speaker for Tag.quotes. `counted`: the
   * request asks for totalCount, which is then sent beside the page rather than after it.
   */
  async list(args: QuoteListArgs, speakerId?: number, counted = false): Promise<ConnectionResult<QuoteRow & { publishedAt: Date }>> {
    const { reader } = this.context;
    // Which quotes show depends on their articles' visibility too.
    this.context.cache.list('Quote');
    this.context.cache.list('Article');
    const articleId = args.filter?.article ? fromGlobalIdOf('Article', args.filter.article, 'filter.article') : undefined;
    checkQueryLength(args.filter?.query, 'filter.query');
    const request = pageRequest(args, 'SPEAKER', ['time', 'id', 'number']);
    const speaker = args.filter?.speaker?.trim().toLowerCase();
    const words = quoteWords(args.filter?.query);
    if (articleId === undefined && !words.length && (speakerId === undefined) !== !speaker) return this.bySpeaker(speakerId ?? speaker!, request, counted);
    const preview = canPreview(this.context.viewer);
    const filtered = (): Knex.QueryBuilder => {
      const knex = reader.knex;
      const query = knex({ q: 'quote' }).join({ a: 'article' }, 'a.id', 'q.article_id');
      if (!preview) whereStatus(query, this.context.now, null);
      if (speakerId !== undefined) query.where('q.speaker_id', speakerId);
      if (speaker) query.whereIn('q.speaker_id', knex('tag').select('id').where('slug', speaker));
      // null: an ID beyond any stored one, which no quote is in.
      if (articleId === null) query.whereRaw('1 = 0');
      else if (articleId !== undefined) query.where('q.article_id', articleId);
      // Every word must appear in the words or the speaker's credit, in any order: "pride Pyongyang"
      // finds "…a pride of Pyongyang…", and "Kim Jong Un" finds what he said.
      for (const word of words) query.whereRaw("q.search_text like ? escape '\\'", [containsPattern(word)]);
      return query;
    };
    // The newsroom's list holds drafts' quotes too.
    const sort = preview ? datedSort(reader.knex, SORT, 'a.published_at') : SORT;
    const query = filtered().select([...QUOTE_COLUMNS, reader.knex.raw('? as ??', [selected(reader.knex, sort[0].column), 'publishedAt'])]);
    if (request.after) whereAfter(query, sort, [new Date(request.after[0]), request.after[1], request.after[2]]);
    orderBy(query, sort).limit(request.first + 1);
    const totalCount = totalCountOf(counted, () => reader.count(filtered()));
    const rows = asNodes('Quote', await reader.all<QuoteRow & { publishedAt: Date }>(query));
    for (const row of rows) row.publishedAt = toDate(row.publishedAt);
    return new ConnectionResult(
      toPage(rows, request, 'SPEAKER', (row) => [row.publishedAt.getTime(), row.articleId, row.position], totalCount),
    );
  }

  /**
   * The quotes of one speaker (a tag's id, or its slug), as list() would give them, from the speaker's
   * range of quote_speaker_feed_index: each status part (statusParts; every status for the newsroom)
   * reads its first rows in list order from the quotes' copies of their articles' status and time,
   * and the few rows they give are sorted. The join list() makes read and sorted all of a speaker's
   * quotes: thousands, for someone quoted in every third story.
   */
  private async bySpeaker(speaker: number | string, request: PageRequest, counted: boolean): Promise<ConnectionResult<QuoteRow & { publishedAt: Date }>> {
    const { reader, now } = this.context;
    const preview = canPreview(this.context.viewer);
    const limit = request.first + 1;
    const after = request.after && [new Date(request.after[0]), request.after[1], request.after[2]];
    // Everything the statements depend on but the speaker, the instant and the cursor, bound at each run.
    const shape = JSON.stringify([typeof speaker, preview, limit]);
    const { knex } = reader;
    const ofSpeaker = (query: Knex.QueryBuilder, value: number | string, column = 'q.speaker_id') =>
      query.where(column, typeof speaker === 'number' ? value : knex('tag').select('id').where('slug', value));
    const count = async () => {
      const [row] = await reader.compiled<{ n: number | string }, { speaker: number | string; now: Date }>(`quote.bySpeaker.count ${JSON.stringify([typeof speaker, preview])}`, { speaker, now }, (values) => {
        // The settled statuses from speaker_quote_count, which triggers keep as quotes and their
        // articles are written (migration 20261206000000); due scheduled pieces, whose visibility
        // turns with the clock, from the speaker's index. Counting the rows cost 16 times as much
        // for the speaker quoted in every third story as for one quoted in a few.
        const settled = preview ? Object.values(ArticleStatus) : [ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED];
        const kept = ofSpeaker(knex({ c: 'speaker_quote_count' }), values.speaker, 'c.speaker_id')
          .whereIn('c.status', settled)
          .select(knex.raw('coalesce(sum(c.quotes), 0)'));
        if (preview) return knex.raw('select (?) as n', [kept]);
        const due = ofSpeaker(knex({ q: 'quote' }), values.speaker).where(ARTICLE_OF_QUOTE.status, ArticleStatus.SCHEDULED).where(ARTICLE_OF_QUOTE.publishedAt, '<=', values.now).count({ n: '*' });
        return knex.raw('select (?) + (?) as n', [kept, due]);
      });
      return Number(row?.n ?? 0);
    };
    const totalCount = totalCountOf(counted, count);
    const rows = await reader.compiled<QuoteRow & { publishedAt: Date }, { speaker: number | string; now: Date; after: (string | number | Date)[] | null }>(
      `quote.bySpeaker ${shape}`,
      { speaker, now, after },
      (values) => {
        // Each part with the sort its rows take: drafts' quotes (the newsroom's alone) are undated.
        const parts: { part: StatusPart; sort: SortKey[] }[] = preview
          ? Object.values(ArticleStatus).map((status) => ({
              part: (qb: Knex.QueryBuilder) => qb.where(ARTICLE_OF_QUOTE.status, status),
              sort: status === ArticleStatus.DRAFT ? datedSort(knex, FEED_SORT, ARTICLE_OF_QUOTE.publishedAt) : FEED_SORT,
            }))
          : statusParts(values.now, null, ARTICLE_OF_QUOTE).map((part) => ({ part, sort: FEED_SORT }));
        const scans = parts.map(({ part, sort }, index) => {
          const query = part(ofSpeaker(knex({ q: 'quote' }), values.speaker)).select('q.id', knex.raw('? as ??', [selected(knex, sort[0].column), 'article_published_at']), 'q.article_id', 'q.position');
          if (values.after) {
            // The bound alone is an index range; whereAfter's OR then drops the rows of that instant already seen.
            compare(query, sort[0].column, '<=', values.after[0]);
            whereAfter(query, sort, values.after);
          }
          // Wrapped, as SQLite takes no parenthesized member of a compound select.
          return knex.select('*').from(orderBy(query, sort).limit(limit).as(`p${index}`));
        });
        const merged = knex.from(scans[0].unionAll(scans.slice(1)).as('x')).select('x.id');
        const ids = orderBy(merged, FEED_SORT.map((column) => ({ ...column, column: column.column.replace(/^q\./, 'x.') }))).limit(limit);
        const sort = preview ? datedSort(knex, FEED_SORT, ARTICLE_OF_QUOTE.publishedAt) : FEED_SORT;
        return orderBy(knex({ q: 'quote' }).select([...QUOTE_COLUMNS, knex.raw('? as ??', [selected(knex, sort[0].column), 'publishedAt'])]).whereIn('q.id', ids), sort);
      },
    );
    for (const row of asNodes('Quote', rows)) row.publishedAt = toDate(row.publishedAt);
    return new ConnectionResult(
      toPage(rows, request, 'SPEAKER', (row) => [row.publishedAt.getTime(), row.articleId, row.position], totalCount),
    );
  }

  /**
   * Puts the quotes the copy analysis found on an article, inside an import's or a reanalysis's
   * transaction, and answers whether its quotes changed. Quotes an editor added or corrected stay as
   * they are, and a found quote whose words overlap one of theirs, or that an editor removed before
   * (quote_dismissal), is left out; earlier found quotes are updated when found again and removed when
   * not (with their pull quotes in the body). All end in reading order. `tagOf` gives the tag of a
   * speaker or outlet by the name the analysis credits.
   */
  async applyFound(tx: EntityManager, article: Article, found: readonly FoundQuote[], tagOf: (name: string | null) => number | null, fresh: boolean): Promise<boolean> {
    const existing = fresh ? [] : await tx.find(Quote, { article }, { orderBy: { position: 'asc' } });
    const dismissed = new Set(fresh ? [] : (await tx.find(QuoteDismissal, { article })).map((row) => row.text));
    const signature = (quotes: Quote[]) => JSON.stringify(quotes.map((quote) => [quote.text, quote.speakerName, quote.speaker?.id ?? null, quote.reportedBy?.id ?? null, quote.blockIndex ?? null]));
    const before = signature(existing);
    const editors = existing.filter((quote) => quote.origin === QuoteOrigin.EDITOR);
    const earlier = new Map(existing.filter((quote) => quote.origin === QuoteOrigin.ANALYSIS).map((quote) => [quote.text, quote]));
    const tag = (name: string | null) => {
      const id = tagOf(name);
      return id === null ? null : tx.getReference(Tag, id);
    };
    const quotes = [...editors];
    for (const quote of found) {
      if (dismissed.has(quote.text) || editors.some((editor) => editor.text.includes(quote.text) || quote.text.includes(editor.text))) continue;
      const fields = {
        blockIndex: quote.blockIndex,
        speakerName: (quote.speakerName ?? '').slice(0, LIMITS.speakerName),
        speaker: tag(quote.speakerName),
        reportedBy: tag(quote.reportedBy),
        context: sentenceAround(quotableText(article.body[quote.blockIndex]) ?? '', quote.text, LIMITS.quoteContext),
      };
      const same = earlier.get(quote.text);
      earlier.delete(quote.text);
      if (same) quotes.push(tx.assign(same, fields));
      else quotes.push(tx.create(Quote, { ...fields, article, position: 0, text: quote.text.slice(0, LIMITS.quote), origin: QuoteOrigin.ANALYSIS }));
    }
    for (const gone of earlier.values()) tx.remove(gone);
    const goneIds = new Set([...earlier.values()].map((quote) => quote.id));
    if (goneIds.size) article.body = article.body.filter((block) => block.type !== 'QUOTE' || !goneIds.has(block.quoteId));
    inReadingOrder(article.body, quotes).forEach((quote, position) => (quote.position = position));
    return signature(quotes.sort((a, b) => a.position - b.position)) !== before;
  }

  /** Adds a quote found in one of the article's paragraphs, in reading order; a change to the article like any other. */
  add(input: AddQuoteInput): Promise<WriteResult<number>> {
    return this.context.write('addQuote', Role.CONTRIBUTOR, async (tx, viewer) => {
      const problems = new Problems();
      const articleId = inputIdOf('Article', input.articleId, ['input', 'articleId'], problems);
      const text = problems.text(['input', 'text'], input.text, LIMITS.quote, true);
      const speakerName = problems.text(['input', 'speakerName'], input.speakerName, LIMITS.speakerName, true);
      const context = problems.text(['input', 'context'], input.context, LIMITS.quoteContext, false);
      const speakerId = input.speakerId ? inputIdOf('Tag', input.speakerId, ['input', 'speakerId'], problems) : null;
      const reportedById = input.reportedById ? inputIdOf('Tag', input.reportedById, ['input', 'reportedById'], problems) : null;
      problems.check();
      const article = await this.deps.articleEditor().loadForQuotes(tx, viewer, articleId!, ['input', 'articleId'], 'addQuote');
      await expectTag(tx, speakerId, ['input', 'speakerId']);
      await expectTag(tx, reportedById, ['input', 'reportedById']);
      const blockIndex = paragraphIndex(article.body, text!);
      if (blockIndex < 0) throw new Refusal([invalid(['input', 'text'], 'These words are in no paragraph or list of the article; quote them exactly as printed.')]);
      const quotes = await tx.find(Quote, { article }, { orderBy: { position: 'asc' } });
      const quote = tx.create(Quote, {
        article,
        position: 0,
        blockIndex,
        text: text!,
        speakerName: speakerName!,
        speaker: speakerId === null ? null : tx.getReference(Tag, speakerId),
        reportedBy: reportedById === null ? null : tx.getReference(Tag, reportedById),
        context,
      });
      // Reading order: after every quote in this paragraph or an earlier one.
      const at = quotes.findIndex((other) => other.blockIndex === null || other.blockIndex === undefined || other.blockIndex > blockIndex);
      quotes.splice(at < 0 ? quotes.length : at, 0, quote);
      quotes.forEach((other, position) => (other.position = position));
      await this.deps.articleEditor().saveQuotes(tx, viewer, 'addQuote', article, ['quotes']);
      return { value: quote.id, subject: { type: 'Quote', id: quote.id }, changes: ['quotes'], alsoChanged: [objectKey('Article', article.id)] };
    });
  }

  /**
   * Corrects a quote: its words, who said it, the outlet, its context. The article must still be at
   * `expectedVersion` (quotes are part of it); a corrected quote is an editor's, kept by reanalysis.
   */
  update(input: UpdateQuoteInput): Promise<WriteResult<number>> {
    return this.context.write('updateQuote', Role.CONTRIBUTOR, async (tx, viewer) => {
      const problems = new Problems();
      const quoteId = inputIdOf('Quote', input.id, ['input', 'id'], problems);
      const text = input.text === undefined ? undefined : problems.text(['input', 'text'], input.text, LIMITS.quote, true);
      const speakerName = input.speakerName === undefined ? undefined : problems.text(['input', 'speakerName'], input.speakerName, LIMITS.speakerName, false);
      const context = input.context === undefined ? undefined : problems.text(['input', 'context'], input.context, LIMITS.quoteContext, false);
      const tagId = (given: string | null | undefined, name: string) => (given === undefined ? undefined : given ? inputIdOf('Tag', given, ['input', name], problems) : null);
      const speakerId = tagId(input.speakerId, 'speakerId');
      const reportedById = tagId(input.reportedById, 'reportedById');
      problems.check();
      const quote = await tx.findOne(Quote, quoteId!);
      if (!quote) throw new Refusal([notFound(['input', 'id'], 'No quote has this ID.')]);
      const article = await this.deps.articleEditor().loadForQuotes(tx, viewer, quote.article.id, ['input', 'id'], 'updateQuote', input.expectedVersion);
      if (speakerId) await expectTag(tx, speakerId, ['input', 'speakerId']);
      if (reportedById) await expectTag(tx, reportedById, ['input', 'reportedById']);
      if (text !== undefined && text !== null) {
        const blockIndex = paragraphIndex(article.body, text);
        if (blockIndex < 0) throw new Refusal([invalid(['input', 'text'], 'These words are in no paragraph or list of the article; quote them exactly as printed.')]);
        quote.text = text;
        quote.blockIndex = blockIndex;
      }
      // null or empty: the copy does not say who spoke.
      if (speakerName !== undefined) quote.speakerName = speakerName ?? '';
      if (speakerId !== undefined) quote.speaker = speakerId === null ? null : tx.getReference(Tag, speakerId);
      if (reportedById !== undefined) quote.reportedBy = reportedById === null ? null : tx.getReference(Tag, reportedById);
      if (context !== undefined) quote.context = context;
      quote.origin = QuoteOrigin.EDITOR;
      const quotes = await tx.find(Quote, { article }, { orderBy: { position: 'asc' } });
      inReadingOrder(article.body, quotes).forEach((other, position) => (other.position = position));
      await this.deps.articleEditor().saveQuotes(tx, viewer, 'updateQuote', article, ['quotes']);
      return { value: quote.id, subject: { type: 'Quote', id: quote.id }, changes: ['quotes'], alsoChanged: [objectKey('Article', article.id)] };
    });
  }

  /** Removes a quote, and any pull quote of it in the body; answers with the quote as it was. */
  remove(id: string): Promise<WriteResult<QuoteRow>> {
    return this.context.write('removeQuote', Role.CONTRIBUTOR, async (tx, viewer) => {
      const quoteId = tryGlobalIdOf('Quote', id);
      const quote = quoteId === null ? null : await tx.findOne(Quote, quoteId);
      if (!quote) throw new Refusal([notFound(['id'], 'No quote has this ID.')]);
      const article = await this.deps.articleEditor().loadForQuotes(tx, viewer, quote.article.id, ['id'], 'removeQuote');
      const removed: QuoteRow = {
        __typename: 'Quote',
        id: quote.id,
        articleId: article.id,
        position: quote.position,
        blockIndex: quote.blockIndex ?? null,
        text: quote.text,
        speakerName: quote.speakerName,
        speakerId: quote.speaker?.id ?? null,
        reportedById: quote.reportedBy?.id ?? null,
        context: quote.context ?? null,
        origin: quote.origin,
      };
      tx.remove(quote);
      // Words the analysis found and an editor took out stay out when the article is reanalysed.
      if (quote.origin === QuoteOrigin.ANALYSIS) tx.create(QuoteDismissal, { article, text: quote.text });
      const rest = (await tx.find(Quote, { article, id: { $ne: quote.id } }, { orderBy: { position: 'asc' } }));
      rest.forEach((other, position) => (other.position = position));
      const body = article.body.filter((block) => block.type !== 'QUOTE' || block.quoteId !== quote.id);
      const changes = body.length === article.body.length ? ['quotes'] : ['quotes', 'body'];
      article.body = body;
      await this.deps.articleEditor().saveQuotes(tx, viewer, 'removeQuote', article, changes);
      return { value: removed, subject: { type: 'Quote', id: removed.id }, changes, alsoChanged: [objectKey('Article', article.id)] };
    });
  }
}

/** Quotes sorted by the block that holds them (none: last), then by where their words start in it. */
function inReadingOrder(body: StoredBlock[], quotes: Quote[]): Quote[] {
  const offset = (quote: Quote) => {
    const text = quotableText(quote.blockIndex === null || quote.blockIndex === undefined ? undefined : body[quote.blockIndex]) ?? '';
    const at = text.indexOf(quote.text.split(' ').slice(0, 3).join(' '));
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const place = (quote: Quote) => [quote.blockIndex ?? Number.MAX_SAFE_INTEGER, offset(quote)];
  return quotes
    .map((quote) => ({ quote, at: place(quote) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1])
    .map(({ quote }) => quote);
}

async function expectTag(tx: EntityManager, id: number | null, field: string[]): Promise<void> {
  if (id !== null && !(await tx.count(Tag, { id }))) throw new Refusal([notFound(field, 'No tag has this ID.')]);
}

/** The words of a quote search, folded as quote.search_text is (foldForLookup), without the punctuation around them; at most 12 count. */
function quoteWords(query: string | null | undefined): string[] {
  return foldForLookup(query ?? '')
    .split(/\s+/)
    .map((word) => word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter(Boolean)
    .slice(0, 12);
}
