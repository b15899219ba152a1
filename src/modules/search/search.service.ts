import { badUserInput } from '../../errors/errors';
import { ConnectionResult } from '../../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize, totalCountOf, type Page } from '../../pagination/page';
import type { RequestContext } from '../../request';
import type { ArticleFilterInput } from '../article/article.inputs';
import { ARTICLE_COLUMNS, toArticleRow } from '../article/article.loaders';
import type { ArticleService } from '../article/article.service';
import type { ArticleRow } from '../article/article.type';
import { escapeHtml } from '../body/body.sanitize';
import { completePrefix, EXCERPT_SEPARATOR, MARK_END, MARK_START, searchEngine } from './search.engines';
import { checkQueryLength, parseSearchQuery, queryFingerprint } from './search.query';

export interface SearchArgs {
  query: string;
  filter?: ArticleFilterInput | null;
  first?: number | null;
  after?: string | null;
}

interface HitExtras {
  score: number;
  highlight: string | null;
}

/**
 * Only the newest this many matches are ranked (and paged through): ranking every match of a common
 * word in a large archive costs far more than readers gain, and news readers want recent pieces.
 */
const CANDIDATES = 1000;

/** A page of hits: a connection of articles whose edges also carry the score and the highlight. */
export class SearchResult extends ConnectionResult<ArticleRow> {
  constructor(
    page: Page<ArticleRow>,
    private readonly extras: HitExtras[],
  ) {
    super(page);
  }

  override get edges(): ({ cursor: string; node: ArticleRow } & HitExtras)[] {
    return super.edges.map((edge, index) => ({ ...edge, ...this.extras[index] }));
  }
}

/** Search ranks the articles the viewer may list; ArticleService, built on first use, knows which. */
export interface SearchDeps {
  articles: () => Pick<ArticleService, 'matching'>;
}

/**
 * Full-text search over the articles the viewer may see, best match first: articles whose headline
 * matches rank above all others, then by the engine's relevance (SQLite FTS5 or PostgreSQL
 * tsvector, see search.engines.ts). `score` = 1 when the headline matches + rank / (1 + rank).
 */
export class SearchService {
  constructor(
    private readonly context: RequestContext,
    private readonly deps: SearchDeps,
  ) {}

  /** `counted`: the request asks for totalCount, which is then counted beside the page, on a connection of its own. */
  async search(args: SearchArgs, counted = false): Promise<SearchResult> {
    const first = pageSize(args.first);
    checkQueryLength(args.query, 'query');
    const typed = parseSearchQuery(args.query);
    // Checked even for an empty query, so a forbidden filter is refused the same way every time.
    const matching = this.deps.articles().matching(args.filter ?? {});
    const ordering = `SEARCH:${typed ? queryFingerprint(typed) : ''}`;
    const offset = args.after ? offsetOf(decodeCursor(args.after, ordering, ['number'])[0] as number) : 0;
    if (!typed) return new SearchResult({ items: [], cursors: [], hasNextPage: false, totalCount: async () => 0 }, []);

    const { reader, now } = this.context;
    // After the fingerprint: a cursor names the query as typed, whatever words the index holds meanwhile.
    const parsed = await completePrefix(reader, typed);
    const { knex } = reader;
    const engine = searchEngine(reader.dialect);
    const unfiltered = Object.values(args.filter ?? {}).every((value) => value === null || value === undefined);
    // Without filters the index alone picks the candidates (it holds only what the public can or will
    // see, search.index.ts); filters are applied first, so that narrow ones still fill their pages.
    const matches = () =>
      engine.where(unfiltered ? engine.visible(knex(engine.table), reader, now) : matching.clone().join(engine.table, engine.key, 'a.id'), parsed);
    const ranked = knex
      .from(engine.candidates(knex, matches(), parsed, CANDIDATES).as('m'))
      // rank / (1 + rank), with the rank written once: PostgreSQL would compute it again for each mention.
      .select('m.id', knex.raw('cast(case when m.head then 1.0 else 0.0 end + 1.0 - 1.0 / (1.0 + m.rank) as double precision) as score'))
      .orderBy([{ column: 'score', order: 'desc' }, { column: 'm.published_at', order: 'desc' }, { column: 'm.id', order: 'desc' }])
      .limit(Math.min(first + 1, CANDIDATES - offset))
      .offset(offset);
    // Excerpts only for the page: the engines' highlighters are the costly part.
    const order = ['r.score', 'a.published_at', 'a.id'].map((column) => ({ column, order: 'desc' as const }));
    const page = engine
      .excerpts(knex, knex.from(ranked.as('r')).join({ a: 'article' }, 'a.id', 'r.id').select([...ARTICLE_COLUMNS, 'r.score']), parsed)
      .orderBy(order);
    const totalCount = totalCountOf(counted, () => reader.count(matches()));
    // Hits' uris name their sections: the section tree goes with the page.
    this.context.loaders.section.prefetch();
    const rows = await reader.all<Record<string, unknown>>(page);
    const hits = rows.slice(0, first);
    return new SearchResult(
      {
        items: hits.map(toArticleRow),
        cursors: hits.map((_, index) => encodeCursor(ordering, [offset + index + 1])),
        hasNextPage: rows.length > first,
        totalCount,
      },
      hits.map((raw) => ({ score: Number(raw.score), highlight: toHighlight(typeof raw.excerpts === 'string' ? raw.excerpts.split(EXCERPT_SEPARATOR) : []) })),
    );
  }
}

/** The offset a search cursor holds, if it is one this list could have given out. */
function offsetOf(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > CANDIDATES) {
    throw badUserInput(`"after" is not a cursor from this search; pass the endCursor of a previous page (at most ${CANDIDATES} hits deep).`, 'after');
  }
  return value;
}

/** The first excerpt that shows a match, as HTML: everything escaped, then the match marks turned into <mark>. */
function toHighlight(excerpts: string[]): string | null {
  const excerpt = excerpts.find((text) => text.includes(MARK_START));
  return excerpt === undefined ? null : escapeHtml(excerpt.replace(/\s+/g, ' ').trim()).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}
