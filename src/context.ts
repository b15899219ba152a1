import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { requireRole, type Role, type Viewer } from './auth/viewer';
import { CacheScope, keysWrittenBy } from './cache/cache-scope';
import { duplicate, Refusal, wrongTransport } from './errors/errors';
import { LiveFeed, type SharedReads } from './events/feed';
import type { EventBus, LiveEvent } from './events/live-events';
import { AuditService, recordAudit } from './modules/audit/audit.service';
import type { DatabaseConfig } from './config/config';
import { type CompiledQueries, SqlReader } from './database/reader';
import { RequestMeter } from './protection/meter';
import { Lazy, Loaders, type RequestContext, type WriteResult, type Written } from './request';
import { AnalysisService } from './modules/analysis/analysis.service';
import { ArticleEditor } from './modules/article/article-editor.service';
import { ArticleService } from './modules/article/article.service';
import { ChangeFeedService } from './modules/changes/changes.service';
import { LiveblogService } from './modules/liveblog/liveblog.service';
import { AuthorService } from './modules/author/author.service';
import { NodeService } from './modules/node/node.service';
import { QuoteService } from './modules/quote/quote.service';
import { RouteService } from './modules/route/route.service';
import { SearchService } from './modules/search/search.service';
import { SectionService } from './modules/section/section.service';
import { TagService } from './modules/tag/tag.service';
import { TokenAdmin } from './modules/token/token.service';
import { inTransaction } from './database/transaction';

/** A request's own EntityManager, which counts the statements it sends for the request's log line (orm.ts). */
export function requestFork(em: EntityManager, meter: RequestMeter): EntityManager {
  return em.fork({ loggerContext: { countStatement: () => meter.statement() } });
}

/** What the subscribers of one event share (SharedReads): its instant and its loaders. */
export interface EventReads {
  now: Date;
  loaders: Loaders;
}

export interface ContextOptions {
  /** What the request forks its EntityManager from, on first use (Context.em). */
  em: EntityManager;
  dialect: DatabaseConfig['kind'];
  /** The app's compiled SQL (SqlReader.compiled); a context of its own has its own. */
  compiledQueries?: CompiledQueries;
  viewer: Viewer | null;
  requestId?: string;
  /** Evicts cached answers holding what a mutation changed; resolves once no instance serves them. */
  invalidate?: (keys: string[]) => Promise<void>;
  /** The request's account (cost, budget, statements), which also stops its SQL past its deadline. */
  meter?: RequestMeter;
  /** Hands a committed mutation's events to subscribers (src/events). */
  publish?: (events: LiveEvent[]) => Promise<void>;
  /** A subscription's: the events it follows, and how to cut off a subscriber that falls behind. */
  live?: { bus: EventBus; drop: () => void; shared: SharedReads<EventReads> };
}

/**
 * Everything one request owns: its EntityManager fork, its loaders (so batching and caching never
 * cross requests or viewers), who is asking, and one `now` so every visibility check agrees. It
 * builds the request's services, each given this plumbing (RequestContext) and the services it calls.
 */
export class Context implements RequestContext {
  private readonly base: EntityManager;
  private forked: EntityManager | null = null;
  readonly reader: SqlReader;
  readonly viewer: Viewer | null;
  readonly requestId: string;
  private instant = new Date();
  private scope = new CacheScope();
  private readonly invalidate: (keys: string[]) => Promise<void>;
  private readonly publish: (events: LiveEvent[]) => Promise<void>;
  private readonly live: ContextOptions['live'];
  readonly meter: RequestMeter;

  constructor(options: ContextOptions) {
    this.base = options.em;
    this.viewer = options.viewer;
    this.requestId = options.requestId ?? options.meter?.requestId ?? randomUUID();
    this.meter = options.meter ?? new RequestMeter(this.requestId, { kind: 'anonymous', id: 'local' }, 'local');
    // Plain reads need no fork of their own: they go to the driver, on the connection pool.
    this.reader = new SqlReader(this.base, options.dialect, options.compiledQueries, this.meter);
    this.invalidate = options.invalidate ?? (async () => {});
    this.publish = options.publish ?? (async () => {});
    this.live = options.live;
    this.currentLoaders = new Loaders(this.reader, this.now, this.cache);
  }

  private currentLoaders: Loaders;

  /**
   * The request's own EntityManager, forked on first use: most reads never touch an entity, and a
   * fork (a unit of work, its configuration copied) cost 2.5% of an article page's CPU.
   */
  get em(): EntityManager {
    return (this.forked ??= requestFork(this.base, this.meter));
  }

  get loaders(): Loaders {
    return this.currentLoaders;
  }

  /** One instant, so every visibility check agrees (a subscription takes a new one for each event). */
  get now(): Date {
    return this.instant;
  }

  /** What the answer depends on and how long it may be kept (src/cache). */
  get cache(): CacheScope {
    return this.scope;
  }

  follow<E extends LiveEvent>(accept: (event: LiveEvent) => event is E, visible: (event: E) => Promise<boolean>): AsyncIterableIterator<E> {
    if (!this.live) throw wrongTransport('Subscriptions run over the WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP.');
    const renewed = async (event: E) => {
      this.renew(event);
      return visible(event);
    };
    return new LiveFeed(this.live.bus, accept, renewed, this.live.drop);
  }

  /**
   * A subscription lives for hours: each event is read at its own instant with fresh loaders and
   * services, as a new request would be, so nothing cached for an earlier event answers a later one.
   */
  private renew(event: LiveEvent): void {
    const reads = this.live!.shared.for(event, () => {
      const now = new Date();
      return { now, loaders: new Loaders(this.reader, now, new CacheScope()) };
    });
    this.instant = reads.now;
    this.scope = new CacheScope();
    this.currentLoaders = reads.loaders;
    this.lazy.clear();
  }

  /**
   * Runs one mutation as one transaction, after checking the caller's role: `work` writes through the
   * transaction's EntityManager (never through the loaders, which read outside it) and names what it
   * acted on, and the audit entry joins the same transaction. A Refusal rolls everything back and
   * becomes the payload's userErrors. After the commit, cached answers holding what changed are
   * evicted before the mutation answers. The loaders start afresh so the payload reads what was saved.
   */
  async write<T>(action: string, role: Role, work: (tx: EntityManager, viewer: Viewer) => Promise<Written<T>>): Promise<WriteResult<T>> {
    const viewer = requireRole(this.viewer, role, action);
    // A transaction PostgreSQL picked as a deadlock's victim (SQLSTATE 40P01) or could not serialise
    // (40001) was rolled back whole: it runs again from the start, in a fresh transaction, up to
    // `attempts` times in all. Nothing of a failed try is kept: its audit entry went with it, caches
    // are evicted only after a commit, and the finally below clears the EntityManager between tries.
    // MikroORM turns both codes into a DeadlockException where it runs the statement (flush, find),
    // copying the driver error's fields; SQL sent through the connection itself (the search index,
    // the SIMILAR lists, plain reads) fails with the driver's error. Either way `code` is the SQLSTATE.
    const attempts = 3;
    const transient = (error: unknown) => ['40P01', '40001'].includes(String((error as { code?: unknown } | null)?.code));
    for (let attempt = 1; ; attempt += 1) {
      // A request past its deadline, or a database that is away, starts no transaction (nor another try).
      this.meter.check();
      try {
        const written = await inTransaction(this.em, async (tx) => {
          const result = await work(tx, viewer);
          recordAudit(tx, viewer, action, result);
          return result;
        });
        await this.invalidate(keysWrittenBy(written));
        await this.publish(written.events ?? []);
        return { value: written.value, userErrors: [] };
      } catch (error) {
        if (error instanceof Refusal) return { value: null, userErrors: error.userErrors };
        if (attempt < attempts && transient(error)) {
          // Jittered, so the transactions that collided do not meet again on the next try.
          await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
          continue;
        }
        // SQL the services send themselves reaches here as the driver's error, with PostgreSQL's code.
        if (error instanceof UniqueConstraintViolationException || (error as { code?: unknown }).code === '23505') {
          return { value: null, userErrors: [duplicate(null, 'Someone saved the same slug or name at the same moment; try again.')] };
        }
        throw error;
      } finally {
        this.em.clear();
        this.currentLoaders = new Loaders(this.reader, this.now, this.cache);
      }
    }
  }

  private readonly lazy = new Lazy<Context>(this);

  private service<T>(name: string, create: (context: Context) => T): T {
    return this.lazy.get(name, create);
  }

  get articles(): ArticleService {
    return this.service('articles', (context) => new ArticleService(context));
  }
  get articleEditor(): ArticleEditor {
    return this.service('articleEditor', (context) => new ArticleEditor(context, { analysis: () => context.analysis, quotes: () => context.quotes, tags: () => context.tags }));
  }
  get audit(): AuditService {
    return this.service('audit', (context) => new AuditService(context));
  }
  get authors(): AuthorService {
    return this.service('authors', (context) => new AuthorService(context));
  }
  get changes(): ChangeFeedService {
    return this.service('changes', (context) => new ChangeFeedService(context, { articles: () => context.articles }));
  }
  get liveblogs(): LiveblogService {
    return this.service('liveblogs', (context) => new LiveblogService(context, { articles: () => context.articles, articleEditor: () => context.articleEditor }));
  }
  get nodes(): NodeService {
    return this.service('nodes', (context) => new NodeService(context, { articles: () => context.articles, liveblogs: () => context.liveblogs, quotes: () => context.quotes }));
  }
  get quotes(): QuoteService {
    return this.service('quotes', (context) => new QuoteService(context, { articles: () => context.articles, articleEditor: () => context.articleEditor }));
  }
  get routes(): RouteService {
    return this.service('routes', (context) => new RouteService(context, { articles: () => context.articles, authors: () => context.authors, sections: () => context.sections, tags: () => context.tags }));
  }
  get search(): SearchService {
    return this.service('search', (context) => new SearchService(context, { articles: () => context.articles }));
  }
  get sections(): SectionService {
    return this.service('sections', (context) => new SectionService(context));
  }
  get analysis(): AnalysisService {
    return this.service('analysis', (context) => new AnalysisService({ tagsByNameOrAlias: (names) => context.tags.byNamesOrAliases(names) }));
  }
  get tags(): TagService {
    return this.service('tags', (context) => new TagService(context));
  }
  get tokens(): TokenAdmin {
    return this.service('tokens', (context) => new TokenAdmin(context));
  }
}
