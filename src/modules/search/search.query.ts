import { createHash } from 'node:crypto';
import { badUserInput } from '../../errors/errors';

/**
 * Free text to look for (search, and the tag and quote filters) takes at most this many characters:
 * no reader types more, and a longer LIKE pattern is more than SQLite will match.
 */
export const MAX_QUERY_LENGTH = 200;

/** Refuses free text to look for of more than MAX_QUERY_LENGTH characters (once trimmed) as a BAD_USER_INPUT naming the argument. */
export function checkQueryLength(text: string | null | undefined, argument: string): void {
  const length = text?.trim().length ?? 0;
  if (length > MAX_QUERY_LENGTH) throw badUserInput(`"${argument}" takes at most ${MAX_QUERY_LENGTH} characters (got ${length}).`, argument);
}

/**
 * One thing to look for: a word, or several in a row (a phrase); `prefix` lets the last word be a
 * beginning. `completions`: whole words of the index that may stand in for that last word, for the
 * words beginning with it that the stemmed prefix misses (search.engines.ts, completePrefix).
 */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
  completions?: string[];
}

/** A reader's query as tokens: the engines' own syntax is built from these, never from the raw text. */
export interface ParsedQuery {
  include: SearchTerm[];
  exclude: SearchTerm[];
}

/** PostgreSQL's English stop words (Snowball), so both engines ignore the same words. */
const STOP_WORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself ' +
    'they them their theirs themselves what which who whom this that these those am is are was were be been being have has had ' +
    'having do does did doing a an the and but if or because as until while of at by for with about against between into through ' +
    'during before after above below to from up down in out on off over under again further then once here there when where why ' +
    'how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now'
  ).split(' '),
);

/** Longer queries are cut: beyond this many terms a query only costs the engine more. */
const MAX_TERMS = 12;

/** Prefixes shorter than this would match half the vocabulary. */
const MIN_PREFIX = 2;

/** Runs of letters and digits (with their combining marks), as both engines' tokenizers split words. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** `-`word or `-`"phrase", "a phrase", or a bare run of other characters; a quote left open is ignored. */
const PIECE = /(-?)(?:"([^"]*)"|([^\s"]+))/gu;

/**
 * Reads "quoted phrases", -excluded words and plain words; the last plain word also matches as a
 * prefix. Stop words are dropped outside phrases. Null when nothing is left to look for.
 */
export function parseSearchQuery(text: string): ParsedQuery | null {
  const include: SearchTerm[] = [];
  const exclude: SearchTerm[] = [];
  let last: SearchTerm | null = null;
  const normalized = text.normalize('NFC').toLowerCase().replace(/[“”„]/g, '"');
  for (const [, minus, phrase, bare] of normalized.matchAll(PIECE)) {
    const words = (phrase ?? bare).match(WORD) ?? [];
    // A phrase keeps its stop words unless it has nothing else; a lone stop word says nothing.
    if (words.every((word) => STOP_WORDS.has(word))) {
      last = null;
      continue;
    }
    const term: SearchTerm = { words, prefix: false };
    (minus ? exclude : include).push(term);
    last = !minus && phrase === undefined ? term : null;
  }
  if (last && last === include[include.length - 1] && last.words[last.words.length - 1].length >= MIN_PREFIX) last.prefix = true;
  if (include.length === 0) return null;
  return { include: include.slice(0, MAX_TERMS), exclude: exclude.slice(0, MAX_TERMS) };
}

/** A short, stable name for a parsed query, so a cursor is only accepted for the query that made it. */
export function queryFingerprint(query: ParsedQuery): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 12);
}

/**
 * An FTS5 MATCH expression: every word is a double-quoted string (the words hold only letters and
 * digits), so no user text can be read as FTS5 syntax.
 */
export function toFts5Match(query: ParsedQuery): string {
  const term = (t: SearchTerm) => {
    const typed = `"${t.words.join(' ')}"${t.prefix ? ' *' : ''}`;
    if (!t.completions?.length) return typed;
    const before = t.words.slice(0, -1);
    return `(${[typed, ...t.completions.map((word) => `"${[...before, word].join(' ')}"`)].join(' OR ')})`;
  };
  const wanted = query.include.map(term).join(' AND ');
  return query.exclude.length ? `(${wanted}) NOT (${query.exclude.map(term).join(' OR ')})` : wanted;
}

/**
 * to_tsquery text: words single-quoted, phrases joined with <->, prefixes marked :*. `any` matches
 * any one term; `weights` (e.g. 'A') keeps only the words stored with those weights.
 */
export function toTsQuery(query: ParsedQuery, mode: 'all' | 'any', weights = ''): string {
  const phrase = (words: string[], prefix: boolean) => {
    const operands = words.map((word, i) => {
      const label = `${prefix && i === words.length - 1 ? '*' : ''}${weights}`;
      return `'${word}'${label ? `:${label}` : ''}`;
    });
    return operands.length > 1 ? `(${operands.join(' <-> ')})` : operands[0];
  };
  const term = (t: SearchTerm) => {
    const typed = phrase(t.words, t.prefix);
    if (!t.completions?.length) return typed;
    const before = t.words.slice(0, -1);
    return `(${[typed, ...t.completions.map((word) => phrase([...before, word], false))].join(' | ')})`;
  };
  if (mode === 'any') return query.include.map(term).join(' | ');
  return [...query.include.map(term), ...query.exclude.map((t) => `!${term(t)}`)].join(' & ');
}
