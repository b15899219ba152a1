/**
 * The per-request plumbing services are given: its reads, its loaders, who is asking, its `now`, its
 * cache scope, its meter and its writes. It imports no service, so services import it without a
 * circle; src/context.ts builds both and hands each service the other services it calls.
 */
import type { EntityManager } from '@mikro-orm/knex';
import type { Role, Viewer } from './auth/viewer';
import type { CacheScope } from './cache/cache-scope';
import type { SqlReader } from './database/reader';
import type { UserErrorValue } from './errors/errors';
import type { LiveEvent } from './events/live-events';
import type { RequestMeter } from './protection/meter';
import { createArticleLoaders } from './modules/article/article.loaders';
import type { AuditSubjectType } from './modules/audit/audit.type';
import { createAuthorLoaders } from './modules/author/author.loaders';
import { createCorrectionLoaders } from './modules/correction/correction.loaders';
import { createImageLoaders } from './modules/image/image.loaders';
import { createLiveblogLoaders } from './modules/liveblog/liveblog.loaders';
import { createQuoteLoaders } from './modules/quote/quote.loaders';
import { createRelatedLoaders } from './modules/related/related.loaders';
import { createSectionLoaders } from './modules/section/section.loaders';
import { createTagLoaders } from './modules/tag/tag.loaders';

/** Builds each named value on first use and keeps it: a request pays only for what its query touches. */
export class Lazy<Source> {
  private readonly built = new Map<string, unknown>();

  constructor(private readonly source: Source) {}

  get<T>(name: string, create: (source: Source) => T): T {
    if (!this.built.has(name)) this.built.set(name, create(this.source));
    return this.built.get(name) as T;
  }

  /** Forgets what was built: the next use builds afresh. */
  clear(): void {
    this.built.clear();
  }
}

/** The request's DataLoaders, one set per domain. */
export class Loaders {
  private readonly lazy: Lazy<SqlReader>;

  /**
   * `now` is the request's instant, for loaders that must agree with its visibility checks; `scope`
   * records what the response reads, for the response cache.
   */
  constructor(
    reader: SqlReader,
    private readonly now: Date,
    private readonly scope: CacheScope,
  ) {
    this.lazy = new Lazy(reader);
  }

  private once<T>(name: string, create: (reader: SqlReader, scope: CacheScope) => T): T {
    return this.lazy.get(name, (reader) => create(reader, this.scope));
  }

  get article() {
    return this.once('article', (reader, scope) => createArticleLoaders(reader, scope, this.now, () => this.section.prefetch()));
  }
  get author() {
    return this.once('author', createAuthorLoaders);
  }
  get correction() {
    return this.once('correction', createCorrectionLoaders);
  }
  get image() {
    return this.once('image', createImageLoaders);
  }
  get liveblog() {
    return this.once('liveblog', createLiveblogLoaders);
  }
  get quote() {
    return this.once('quote', (reader, scope) => createQuoteLoaders(reader, scope, (tags) => this.tag.known(tags)));
  }
  get related() {
    return this.once('related', (reader) => createRelatedLoaders(reader, this.now, (rows) => this.article.known(rows)));
  }
  get section() {
    return this.once('section', createSectionLoaders);
  }
  get tag() {
    return this.once('tag', createTagLoaders);
  }
}

/** What a mutation's work returns: its result, and what the audit log should say it touched. */
export interface Written<T> {
  value: T;
  subject: { type: AuditSubjectType; id: number };
  changes?: string[];
  /** Cache keys (src/cache/cache-scope.ts) the mutation changed besides its subject's. */
  alsoChanged?: string[];
  /** What subscribers hear once the transaction has committed (never before, never for a failed one). */
  events?: LiveEvent[];
}

/** What a mutation's service hands back: the saved value, or the user errors that stopped it. */
export interface WriteResult<T> {
  value: T | null;
  userErrors: UserErrorValue[];
}

/** What one request gives its services (Context builds it): who is asking, its reads, and its writes. */
export interface RequestContext {
  /** The request's EntityManager fork, for reads through entities; changes go through `write`. */
  readonly em: EntityManager;
  readonly reader: SqlReader;
  /** Read each time: `write` starts them afresh, so the payload reads what was saved. */
  readonly loaders: Loaders;
  readonly viewer: Viewer | null;
  /** One instant, so every visibility check agrees. */
  readonly now: Date;
  /** What the answer depends on and how long it may be kept (src/cache). */
  readonly cache: CacheScope;
  readonly meter: RequestMeter;
  /**
   * A subscription's events that `accept` takes, each delivered once the request is renewed for it (a
   * new `now`, fresh loaders) and `visible` says this viewer may see it (Context.follow). Only a
   * request that came over the WebSocket has any.
   */
  follow<E extends LiveEvent>(accept: (event: LiveEvent) => event is E, visible: (event: E) => Promise<boolean>): AsyncIterableIterator<E>;
  /** Runs one mutation as one audited transaction, after checking the caller's role (Context.write). */
  write<T>(action: string, role: Role, work: (tx: EntityManager, viewer: Viewer) => Promise<Written<T>>): Promise<WriteResult<T>>;
}
