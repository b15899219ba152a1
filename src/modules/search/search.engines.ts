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
  /**
   * Adds `excerpts`: one per column of EXCERPTS, joined by EXCERPT_SEPARATOR, matches between
   * MARK_START and MARK_END; or only the first of them that shows a match (what the service keeps).
   */
  excerpts(knex: Knex, query: Knex.QueryBuilder, parsed: ParsedQuery): Knex.QueryBuilder;
  /** The words of a text as the index spells them before it stems them: what article_search_word holds (search.index.ts). */
  words(text: string): string[];
  /** What completions() looks for when the last word of a query is typed this far. */
  completing(word: string): Completing;
  /**
   * As `word`, at most MAX_COMPLETIONS words of article_search_word that begin with what was typed
   * but that it, taken as a prefix, does not find: the index stems the prefix as it stems whole
   * words, and the stem of a word need not begin with it (completePrefix). Only the first
   * MAX_SCANNED words beginning with it are weighed. Built with `values` as they are (SqlReader.compiled).
   */
  completions(knex: Knex, values: Completing): Knex.QueryBuilder;
}

/** The words from `from` (what was typed, as the index spells it) up to `to`; `prefix`: what was typed as the engine's prefix syntax. */
export interface Completing extends Record<string, unknown> {
  from: string;
  to: string;
  prefix: string;
}

/** Words beginning with what was typed that completions() weighs at most: only a prefix of three or four letters has more, in a large archive. */
const MAX_SCANNED = 2000;

/** Completions of one prefix at most: words whose stems part from what was typed are few. */
const MAX_COMPLETIONS = 32;

/** An upper bound for the words that begin with `word`, in code point (and UTF-8 byte) order. */
const PAST = '\u{10FFFF}';

/**
 * The index's own letters, diacritics removed as its unicode61 tokenizer removes them
 * (Migration20261127060000_search); runs of letters and digits are its words.
 */
const foldFts5 = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

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
    query.whereNotIn('article_search.rowid', whereStatus(reader.knex({ a: 'article' }).select('a.id'), now, ArticleStatus.SCHEDULED)),
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
  words: (text) => foldFts5(text).match(/[\p{L}\p{N}]+/gu) ?? [],
  completing: (word) => {
    const folded = foldFts5(word);
    return { from: folded, to: folded + PAST, prefix: `"${folded}" *` };
  },
  // The words that the stemmed prefix finds are those that article_search_word_stem (the same words,
  // stemmed as the index stems them) matches with it.
  completions: (knex, values) =>
    knex
      .from(knex('article_search_word').select('id', 'word').where('word', '>=', values.from).where('word', '<', values.to).orderBy('word').limit(MAX_SCANNED).as('w'))
      .whereNotIn('w.id', knex('article_search_word_stem').select('rowid').whereRaw('article_search_word_stem match ?', [values.prefix]))
      .select('w.word')
      .orderBy('w.word')
      .limit(MAX_COMPLETIONS),
};

/** Characters of body text around the first likely match that PostgreSQL highlights (about 80 words). */
const WINDOW_BEFORE = 240;
const WINDOW_LENGTH = 560;

/**
 * What to look for in the lowercased body to find a match cheaply: the start of each included term.
 * English stemming only rewrites the end of a word, so its first letters (all but the last three, at
 * least three) begin every form that matches it ("ferr" finds ferry and ferries); a phrase is looked
 * for as written, its last word shortened so. A probe may find something else ("port" in "report") or
 * miss a match the tsvector has: then the whole body is highlighted, as it always was.
 */
export function excerptProbes(parsed: ParsedQuery): string[] {
  const stem = (word: string) => (word.length <= 3 ? word : word.slice(0, Math.max(3, word.length - 3)));
  return [...new Set(parsed.include.map((term) => [...term.words.slice(0, -1), stem(term.words[term.words.length - 1])].join(' ')))];
}

/**
 * PostgreSQL: the stored tsvector (headline A, standfirst and tags B, body C), ranked by ts_rank.
 * Each row also holds its article's status and published_at, and keeps its texts (one array) and
 * tsvector in TOAST (Migration20261127080000_search_visibility, Migration20261127090000_search_texts):
 * finding, counting and ordering matches reads the GIN index and narrow rows, a tsvector is fetched
 * only to rank a candidate, and texts only to excerpt a hit.
 */
const tsvector: SearchEngine = {
  table: { s: 'article_search' },
  key: 's.article_id',
  where: (query, parsed) => query.whereRaw("s.document @@ to_tsquery('english', ?)", [toTsQuery(parsed, 'all')]),
  visible: (query, _reader, now) => whereStatus(query, now, null, 's'),
  // The newest matches are picked first, then ranked: ranked in the same select, every match would be.
  // The pick carries each candidate's tsvector as it lies in the row (a TOAST pointer: nothing is
  // read yet), so ranking fetches it straight from TOAST, once (the array detoasts it: the rank and
  // the headline test would each fetch it again, and fetching is what ranking costs).
  candidates: (knex, matches, parsed, limit) =>
    knex
      .from(matches.select('s.article_id', 's.published_at', 's.document').orderBy('s.article_id', 'desc').limit(limit).as('c'))
      .crossJoin(knex.raw('lateral (select (array[c.document])[1] as document offset 0) as d'))
      .select(
        'c.article_id as id',
        'c.published_at',
        knex.raw("ts_rank(d.document, to_tsquery('english', ?)) as rank", [toTsQuery(parsed, 'all')]),
        knex.raw("d.document @@ to_tsquery('english', ?) as head", [toTsQuery(parsed, 'any', 'A')]),
      ),
  // One excerpt, from the first of EXCERPTS that shows a match: ts_headline parses and stems
  // all the text it is given, so it is given as little as will do. The body only when its part of the
  // tsvector (weight C) matches, and then first only a window from a little before the first word
  // that looks like a match (excerptProbes), cut after its last whole word; the whole body only when
  // that window shows no match. Then the standfirst, then the headline, each only if nothing before
  // it showed a match. Every step is a subquery of its own (`offset 0`), so nothing is computed twice.
  excerpts: (knex, query, parsed) => {
    const probes = excerptProbes(parsed);
    const headline = (text: string) => `ts_headline('english', ${text}, to_tsquery('english', :any), :options)`;
    const marked = (text: string, from = '') => `(select e from (select ${headline(text)} as e ${from} offset 0) as h where strpos(e, chr(2)) > 0)`;
    const first = `least(${probes.map((_, i) => `nullif(strpos(lower(b.body), :probe${i}), 0)`).join(', ')})`;
    const start = `(select greatest(${first} - ${WINDOW_BEFORE}, 1) as start offset 0) as p`;
    const cut = `(select substr(b.body, p.start, ${WINDOW_LENGTH}) as text, p.start + ${WINDOW_LENGTH} <= length(b.body) as cut from ${start} where p.start is not null offset 0) as w`;
    const window = marked(`case when w.cut then left(w.text, length(w.text) - strpos(reverse(w.text), ' ')) else w.text end`, `from ${cut}`);
    const bindings: Record<string, string> = {
      any: toTsQuery(parsed, 'any'),
      body: toTsQuery(parsed, 'any', 'C'),
      options: `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${EXCERPT_WORDS}, MinWords=${EXCERPT_WORDS / 2}`,
    };
    probes.forEach((probe, i) => (bindings[`probe${i}`] = probe));
    return (
      query
        .join({ s: 'article_search' }, 's.article_id', 'a.id')
        // The texts out of TOAST once (concatenating detoasts the array), however many steps read them.
        .crossJoin(
          knex.raw(
            "lateral (select t.texts[1] as headline, t.texts[2] as standfirst, t.texts[4] as body from (select s.texts || cast('{}' as text[]) as texts offset 0) as t offset 0) as b",
          ),
        )
        .select(
          knex.raw(
            `coalesce(case when s.document @@ to_tsquery('english', :body) then coalesce(${window}, ${marked('b.body')}) end, ${marked('b.standfirst')}, ${headline('b.headline')}) as excerpts`,
            bindings,
          ),
        )
    );
  },
  // Lowercased, diacritics kept: the english configuration keeps them.
  words: (text) => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [],
  completing: (word) => ({ from: word, to: word + PAST, prefix: `'${word}':*` }),
  // Each word stemmed as the index stems it, tested against the prefix as a search states it. Stop
  // words are left out: to_tsquery drops them, and a phrase would lose its last word.
  completions: (knex, values) =>
    knex
      .from(knex('article_search_word').select('word').where('word', '>=', values.from).where('word', '<', values.to).orderBy('word').limit(MAX_SCANNED).as('w'))
      .crossJoin(knex.raw("lateral (select to_tsvector('english', w.word) as stemmed) as x"))
      .whereRaw("x.stemmed <> cast('' as tsvector) and not x.stemmed @@ to_tsquery('english', ?)", [values.prefix])
      .select('w.word')
      .orderBy('w.word')
      .limit(MAX_COMPLETIONS),
};

export function searchEngine(dialect: DatabaseConfig['kind']): SearchEngine {
  return dialect === 'sqlite' ? fts5 : tsvector;
}

/**
 * Completions are looked up for a last word of three letters or more: FTS5's Porter stemmer leaves
 * shorter words as they are, no English stem ends within two letters, and two letters begin a large
 * part of the vocabulary.
 */
const MIN_COMPLETED = 3;

/** A completion goes into the engines' query syntax as a word of a query does: letters and digits only. */
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*$/u;

/**
 * Lets the last word of a query, typed as far as the reader got, find every word of the index that
 * begins with it. The engines match it as a prefix of stems, stemmed itself: "pyongy" is stemmed
 * pyongi, which begins no stem of Pyongyang, and the stem of running is run, which "runni" does not
 * begin. So the words of the index that begin with it and that the prefix misses are looked up
 * (SearchEngine.completions) and matched as whole words beside it: stemmed, each finds its other
 * forms too, as a whole word of the query does. One lookup of the index's words, by range.
 */
export async function completePrefix(reader: SqlReader, parsed: ParsedQuery): Promise<ParsedQuery> {
  const last = parsed.include[parsed.include.length - 1];
  const word = last?.prefix ? last.words[last.words.length - 1] : '';
  if (word.length < MIN_COMPLETED) return parsed;
  const engine = searchEngine(reader.dialect);
  const rows = await reader.compiled<{ word: string }, Completing>(`search.completions ${reader.dialect}`, engine.completing(word), (values) =>
    engine.completions(reader.knex, values),
  );
  const completions = rows.map((row) => row.word).filter((completion) => WORD.test(completion));
  if (!completions.length) return parsed;
  return { ...parsed, include: [...parsed.include.slice(0, -1), { ...last, completions }] };
}
