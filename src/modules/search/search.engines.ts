import type { Knex } from '@mikro-orm/knex';
import { whereStatus } from '../../auth/visibility';
import type { DatabaseConfig } from '../../config/config';
import type { SqlReader } from '../../database/reader';
import { ArticleStatus } from '../article/article.enums';
import { toFts5Match, toTsQuery, type ParsedQuery } from './search.query';

/** What the highlighter puts around a match; control characters never reach the index (search.index.ts). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
export const EXCERPT_SEPARATOR = '\u0001';

/** Words in a highlight excerpt, roughly. */
const EXCERPT_WORDS = 24;

/** Where a highlight may come from, best first: the body reads best around a match, the headline is shown anyway. */
const EXCERPTS = ['body', 'standfirst', 'headline'] as const;

/** FTS5 column numbers of the index (search migrations). */
const FTS5_COLUMN = { headline: 0, standfirst: 1, tags: 2, body: 3 };

/**
 * How one database finds, ranks and excerpts matches in the index table (search.index.ts); the
 * search service owns filters, paging and the final score.
 */
export interface SearchEngine {
  /** The index table, aliased as `key` expects. */
  table: string | Record<string, string>;
  /** The index's article id column: reading matches by it descending (newest added first) needs no sort. */
  key: string;
  /** Keeps the rows of a query on the index table that match. */
  where(query: Knex.QueryBuilder, parsed: ParsedQuery): Knex.QueryBuilder;
  /** Keeps the rows of a query on the index table alone that the public may see now (it also holds the scheduled pieces still to come). */
  visible(query: Knex.QueryBuilder, reader: SqlReader, now: Date): Knex.QueryBuilder;
  /**
   * The newest `limit` rows of a query of matches, as `id`, `published_at`, `rank` (positive, higher
   * is better) and `head` (true when the headline matches).
   */
  candidates(knex: Knex, matches: Knex.QueryBuilder, parsed: ParsedQuery, limit: number): Knex.QueryBuilder;
  /** Adds `excerpts`: one per column of EXCERPTS, joined by EXCERPT_SEPARATOR, matches between MARK_START and MARK_END. */
  excerpts(knex: Knex, query: Knex.QueryBuilder, parsed: ParsedQuery): Knex.QueryBuilder;
}

/**
 * SQLite FTS5: bm25 with the headline weighted 10, standfirst and tags 4, body 1 (FTS5's bm25 is
 * negative, better is lower). A headline-only bm25 is below zero exactly when the headline matches.
 */
const fts5: SearchEngine = {
  table: 'article_search',
  key: 'article_search.rowid',
  where: (query, parsed) => query.whereRaw('article_search match ?', [toFts5Match(parsed)]),
  // The index has no status: the few pieces still to come are looked up in article.
  visible: (query, reader, now) =>
    query.whereNotIn('article_search.rowid', whereStatus(reader.knex({ a: 'article' }).select('a.id'), reader, now, ArticleStatus.SCHEDULED)),
  // bm25() only exists inside the MATCH query, which FTS5 walks newest first and stops.
  candidates: (knex, matches, _parsed, limit) =>
    knex
      .from(
        matches
          .select('article_search.rowid as id', knex.raw('-bm25(article_search, 10.0, 4.0, 4.0, 1.0) as rank'), knex.raw('bm25(article_search, 1.0, 0.0, 0.0, 0.0) < 0 as head'))
          .orderBy('article_search.rowid', 'desc')
          .limit(limit)
          .as('c'),
      )
      .join({ p: 'article' }, 'p.id', 'c.id')
      .select('c.id', 'p.published_at', 'c.rank', 'c.head'),
  // One probe of the index per hit, by rowid, first with the last word taken whole: a prefix probe
  // rebuilds the prefix's whole match list (milliseconds for a common one), so it runs only for hits
  // that the whole word does not find.
  excerpts: (knex, query, parsed) => {
    const probe = `(select ${EXCERPTS.map((column) => `snippet(article_search, ${FTS5_COLUMN[column]}, char(2), char(3), '…', ${EXCERPT_WORDS})`).join(' || char(1) || ')} from article_search where article_search match ? and rowid = a.id)`;
    const whole = toFts5Match({ ...parsed, include: parsed.include.map((term) => ({ ...term, prefix: false })) });
    return query.select(knex.raw(`coalesce(${probe}, ${probe}) as excerpts`, [whole, toFts5Match(parsed)]));
  },
};

/**
 * PostgreSQL: the stored tsvector (headline A, standfirst and tags B, body C), ranked by ts_rank.
 * Each row also holds its article's status and published_at, and keeps its texts and tsvector in
 * TOAST (Migration20261127080000_search_visibility): finding, counting and ordering matches reads
 * the GIN index and narrow rows, and a tsvector is fetched only to rank a candidate.
 */
const tsvector: SearchEngine = {
  table: { s: 'article_search' },
  key: 's.article_id',
  where: (query, parsed) => query.whereRaw("s.document @@ to_tsquery('english', ?)", [toTsQuery(parsed, 'all')]),
  visible: (query, reader, now) => whereStatus(query, reader, now, null, 's'),
  // The newest matches are picked first, then ranked: ranked in the same select, every match would be.
  // Fetched again as `any(array(…))`, one primary key probe each, where a join would scan the table.
  candidates: (knex, matches, parsed, limit) =>
    knex({ c: 'article_search' })
      .select(
        'c.article_id as id',
        'c.published_at',
        knex.raw("ts_rank(c.document, to_tsquery('english', ?)) as rank", [toTsQuery(parsed, 'all')]),
        knex.raw("c.document @@ to_tsquery('english', ?) as head", [toTsQuery(parsed, 'any', 'A')]),
      )
      .whereRaw('c.article_id = any(array(?))', [matches.select('s.article_id').orderBy('s.article_id', 'desc').limit(limit)]),
  excerpts: (knex, query, parsed) =>
    query.join({ s: 'article_search' }, 's.article_id', 'a.id').select(
      knex.raw(
        `${EXCERPTS.map((column) => `ts_headline('english', s.${column}, to_tsquery('english', :query), :options)`).join(` || chr(1) || `)} as excerpts`,
        {
          query: toTsQuery(parsed, 'any'),
          options: `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${EXCERPT_WORDS}, MinWords=${EXCERPT_WORDS / 2}`,
        },
      ),
    ),
};

export function searchEngine(dialect: DatabaseConfig['kind']): SearchEngine {
  return dialect === 'sqlite' ? fts5 : tsvector;
}
