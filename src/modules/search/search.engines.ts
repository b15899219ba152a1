import type { Knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../../config/config';
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
  rank: (knex) => [
    knex.raw('-bm25(article_search, 10.0, 4.0, 4.0, 1.0) as rank'),
    knex.raw('bm25(article_search, 1.0, 0.0, 0.0, 0.0) < 0 as head'),
  ],
  // One probe of the index per hit, by rowid, first with the last word taken whole: a prefix probe
  // rebuilds the prefix's whole match list (milliseconds for a common one), so it runs only for hits
  // that the whole word does not find.
  excerpts: (knex, query, parsed) => {
    const probe = `(select ${EXCERPTS.map((column) => `snippet(article_search, ${FTS5_COLUMN[column]}, char(2), char(3), '…', ${EXCERPT_WORDS})`).join(' || char(1) || ')} from article_search where article_search match ? and rowid = a.id)`;
    const whole = toFts5Match({ ...parsed, include: parsed.include.map((term) => ({ ...term, prefix: false })) });
    return query.select(knex.raw(`coalesce(${probe}, ${probe}) as excerpts`, [whole, toFts5Match(parsed)]));
  },
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
