/**
 * What one response depends on, recorded while it is computed: the objects it read (`Article:12`),
 * the collections it listed or searched (`Article:list`) and how long it may be kept. The response
 * cache files the response under these keys, the `Surrogate-Key` header lists them for CDN purges,
 * and a mutation evicts the keys of what it changed (keysWrittenBy).
 */
export type CacheKeyType = 'Article' | 'Author' | 'Image' | 'Quote' | 'Related' | 'Section' | 'Tag';

/** A response holding one object, e.g. `Article:12`; `Related:12` is article 12's SIMILAR coverage. */
export function objectKey(type: CacheKeyType, id: number): string {
  return `${type}:${id}`;
}

/** A response that listed, searched or looked up by anything but id depends on the whole collection. */
export function listKey(type: CacheKeyType): string {
  return `${type}:list`;
}

/** Seconds a response may be reused: fronts and lists change all day, settled pieces rarely. */
export const MAX_AGE = {
  list: 60,
  fresh: 300,
  settled: 3_600,
  archived: 86_400,
} as const;

/** A published piece this old is settled: corrections still come, but rarely. */
const SETTLED_AFTER_MS = 7 * 24 * 3_600_000;

export class CacheScope {
  readonly keys = new Set<string>();
  /** Set once Apollo knows the operation: only queries are ever cached. */
  operation: 'query' | 'mutation' | 'subscription' | null = null;
  /** An answer with errors is never cached: a failure must not outlive its cause. */
  failed = false;
  /** The shortest lifetime any part of the response allows; MAX_AGE.archived when nothing asked for less. */
  maxAge: number = MAX_AGE.archived;

  objects(type: CacheKeyType, ids: readonly number[]): void {
    for (const id of ids) this.keys.add(objectKey(type, id));
  }

  /** A list or search: lists of articles and quotes change all day; sections, tags and authors are only added now and then. */
  list(type: CacheKeyType): void {
    this.lookup(type);
    this.hint(type === 'Article' || type === 'Quote' ? MAX_AGE.list : MAX_AGE.settled);
  }

  /** A lookup by slug or path: any new object may take it, but it lives as long as what it finds. */
  lookup(type: CacheKeyType): void {
    this.keys.add(listKey(type));
  }

  /**
   * The result of a lookup by slug or path: what it found changes only with those objects, what it
   * missed may appear with any new or moved one. Returns the rows.
   */
  found<R extends { id: number }>(type: CacheKeyType, asked: number, rows: R[]): R[] {
    for (const row of rows) this.keys.add(objectKey(type, row.id));
    if (rows.length < asked) this.lookup(type);
    return rows;
  }

  hint(seconds: number): void {
    if (seconds < this.maxAge) this.maxAge = seconds;
  }

  /** Hints from an article's state: archived pieces keep longest, fresh news shortest. */
  article(row: { status: string; publishedAt: Date | null }, now: Date): void {
    if (row.status === 'ARCHIVED') this.hint(MAX_AGE.archived);
    else if (row.publishedAt && now.getTime() - row.publishedAt.getTime() > SETTLED_AFTER_MS) this.hint(MAX_AGE.settled);
    else this.hint(MAX_AGE.fresh);
  }
}

/** What a mutation names as changed: its subject, plus keys its service knows it also changed. */
export interface ChangedSubject {
  subject: { type: string; id: number };
  /** e.g. the article of a quote, or the articles whose SIMILAR coverage moved. */
  alsoChanged?: string[];
}

/**
 * The keys a mutation evicts. Changing an object can move it in or out of any list of its kind; an
 * article also carries its quotes into the quote lists. API tokens are never in a cached response.
 */
export function keysWrittenBy(written: ChangedSubject): string[] {
  const { type, id } = written.subject;
  if (type === 'ApiToken') return [];
  // An entry is cached as part of its liveblog's article, which the mutation names in alsoChanged.
  if (type === 'LiveblogEntry') return written.alsoChanged ?? [];
  const keys = [objectKey(type as CacheKeyType, id), listKey(type as CacheKeyType), ...(written.alsoChanged ?? [])];
  if (type === 'Article') keys.push(listKey('Quote'), objectKey('Related', id));
  return keys;
}
