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

/** Reads a cursor this list gave out for the same ordering; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, ordering: string, shape: ('string' | 'number')[], argument = 'after'): CursorKey {
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
    shape.every((type, index) => typeof parsed[index + 1] === type && (type === 'string' || Number.isFinite(parsed[index + 1])));
  if (!valid) throw badUserInput(`"${argument}" is not a cursor from this list and ordering; pass the endCursor of a previous page.`, argument);
  return (parsed as unknown[]).slice(1) as CursorKey;
}

export function pageRequest(
  args: { first?: number | null; after?: string | null },
  ordering: string,
  shape: ('string' | 'number')[],
): PageRequest {
  return {
    first: pageSize(args.first),
    after: args.after === null || args.after === undefined ? null : decodeCursor(args.after, ordering, shape),
  };
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
