import { badUserInput } from '../errors/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A cursor is the sort key of the last row seen, tagged with the ordering it belongs to. */
export type CursorKey = (string | number)[];

export interface PageRequest {
  /** How many rows the caller wants. */
  first: number;
  /** The sort key to continue after, or null for the first page. */
  after: CursorKey | null;
}

/** `first` defaults to 20; anything outside 0..100 is refused rather than silently capped. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`"${argument}" must be between 0 and ${MAX_PAGE_SIZE} (got ${first}).`, argument);
  }
  return first;
}

export function encodeCursor(ordering: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([ordering, ...key]), 'utf8').toString('base64url');
}

/**
 * What each place of a cursor's key holds, so a forged cursor cannot reach the database with a value
 * its column refuses: `string` text a column can hold (no NUL, no half surrogate pair), `id` a row id
 * (1..2^31-1, PostgreSQL's integer), `time` an instant in whole ms from year 1 to the last a Date
 * holds, `number` a whole number 0..2^31-1 (a position or an offset).
 */
export type CursorPart = 'string' | 'id' | 'time' | 'number';

/** The largest PostgreSQL `integer`: ids and positions live in such columns. */
const MAX_INT4 = 2_147_483_647;
/** 0001-01-01T00:00:00Z: PostgreSQL refuses instants before 4713 BC, and no piece is dated before year 1. */
const MIN_TIME = -62_135_596_800_000;
/** The last instant a Date can hold (ECMAScript's 100,000,000 days from the epoch); PostgreSQL goes further. */
const MAX_TIME = 8.64e15;
/** NUL, which PostgreSQL text cannot hold, and halves of surrogate pairs. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function fits(type: CursorPart, value: unknown): boolean {
  if (type === 'string') return typeof value === 'string' && !UNSTORABLE.test(value);
  if (typeof value !== 'number' || !Number.isInteger(value)) return false;
  if (type === 'time') return value >= MIN_TIME && value <= MAX_TIME;
  return value >= (type === 'id' ? 1 : 0) && value <= MAX_INT4;
}

/** Reads a cursor this list gave out for the same ordering; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, ordering: string, shape: CursorPart[], argument = 'after'): CursorKey {
  let parsed: unknown;
  try {
    parsed = /^[A-Za-z0-9_-]{1,512}$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === shape.length + 1 &&
    parsed[0] === ordering &&
    shape.every((type, index) => fits(type, parsed[index + 1]));
  if (!valid) throw badUserInput(`"${argument}" is not a cursor from this list and ordering; pass the endCursor of a previous page.`, argument);
  return (parsed as unknown[]).slice(1) as CursorKey;
}

export function pageRequest(
  args: { first?: number | null; after?: string | null },
  ordering: string,
  shape: CursorPart[],
): PageRequest {
  return {
    first: pageSize(args.first),
    after: args.after === null || args.after === undefined ? null : decodeCursor(args.after, ordering, shape),
  };
}

/**
 * A page's totalCount: counted when asked for, or, when the request asks for it (`counted`), sent
 * now, beside the page, so that both go to the database together. A count sent now and never awaited
 * (the page failed first) is left unhandled by nothing.
 */
export function totalCountOf(counted: boolean, count: () => Promise<number>): () => Promise<number> {
  if (!counted) return count;
  const total = count();
  total.catch(() => {});
  return () => total;
}

/** A page as resolvers hand it to GraphQL; `totalCount` runs its query only when asked for. */
export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

/** Builds a page from rows fetched with `limit first + 1`: the extra row only says there is more. */
export function toPage<T>(
  rows: T[],
  request: PageRequest,
  ordering: string,
  keyOf: (row: T) => CursorKey,
  totalCount: () => Promise<number>,
): Page<T> {
  const items = rows.slice(0, request.first);
  return {
    items,
    cursors: items.map((row) => encodeCursor(ordering, keyOf(row))),
    hasNextPage: rows.length > request.first,
    totalCount,
  };
}
