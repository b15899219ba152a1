import type { Knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../../config/config';
import { toFts5Match, toTsQuery, type ParsedQuery } from './search.query';

/** What the highlighter puts around a match; control characters never reach the index (search.index.ts). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Words in a highlight excerpt, roughly. */
const EXCERPT_WORDS = 24;

/** Where a highlight may come from, best first: the body reads best around a match, the headline is shown anyway. */
export const EXCERPTS = ['body', 'standfirst', 'headline'] as const;

/** FTS5 column numbers of the index (search migrations). */
const FTS5_COLUMN = { headline: 0, standfirst: 1, tags: 2, body: 3 };

/**
 * How one database finds, ranks and excerpts matches in the index table (search.index.ts); the
 * search service owns visibility, filters, paging and the final score.
 */
export interface SearchEngine {
  /** The index table, aliased as `key` expects. */
  table: string | Record<string, string>;
  /** The index's article id column: reading matches by it descending (newest added first) needs no sort. */
  key: string;
  /** Keeps the rows of a query on the index table that match. */
  where(query: Knex.QueryBuilder, parsed: ParsedQuery): Knex.QueryBuilder;
  /** Select expressions for matched rows: `rank` (positive, higher is better) and `head` (true when the headline matches). */
  rank(knex: Knex, parsed: ParsedQuery): Knex.Raw[];
  /** Adds one excerpt per column of EXCERPTS (named `<column>_excerpt`) to a query on `article a`, matches between MARK_START and MARK_END. */
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
  rank: (knex) => [
    knex.raw('-bm25(article_search, 10.0, 4.0, 4.0, 1.0) as rank'),
    knex.raw('bm25(article_search, 1.0, 0.0, 0.0, 0.0) < 0 as head'),
  ],
  // A CROSS JOIN keeps the page outermost: joined plainly, SQLite may scan every match and re-rank for each.
  excerpts: (knex, query, parsed) =>
    fts5
      .where(query.crossJoin('article_search', 'article_search.rowid', 'a.id'), parsed)
      .select(EXCERPTS.map((column) => knex.raw(`snippet(article_search, ${FTS5_COLUMN[column]}, char(2), char(3), '…', ${EXCERPT_WORDS}) as ${column}_excerpt`))),
};

/** PostgreSQL: the stored tsvector (headline A, standfirst and tags B, body C), ranked by ts_rank. */
const tsvector: SearchEngine = {
  table: { s: 'article_search' },
  key: 's.article_id',
  where: (query, parsed) => query.whereRaw("s.document @@ to_tsquery('english', ?)", [toTsQuery(parsed, 'all')]),
  rank: (knex, parsed) => [
    knex.raw("ts_rank(s.document, to_tsquery('english', ?)) as rank", [toTsQuery(parsed, 'all')]),
    knex.raw("ts_filter(s.document, '{a}') @@ to_tsquery('english', ?) as head", [toTsQuery(parsed, 'any')]),
  ],
  excerpts: (knex, query, parsed) =>
    query.join({ s: 'article_search' }, 's.article_id', 'a.id').select(
      EXCERPTS.map((column) =>
        knex.raw(`ts_headline('english', s.${column}, to_tsquery('english', ?), ?) as ${column}_excerpt`, [
          toTsQuery(parsed, 'any'),
          `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${EXCERPT_WORDS}, MinWords=${EXCERPT_WORDS / 2}`,
        ]),
      ),
    ),
};

export function searchEngine(dialect: DatabaseConfig['kind']): SearchEngine {
  return dialect === 'sqlite' ? fts5 : tsvector;
}
