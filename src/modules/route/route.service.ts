import type { RequestContext } from '../../request';
import type { ArticleService } from '../article/article.service';
import type { ArticleRow } from '../article/article.type';
import type { AuthorService } from '../author/author.service';
import type { AuthorRow } from '../author/author.type';
import type { SectionService } from '../section/section.service';
import type { SectionRow } from '../section/section.type';
import type { TagService } from '../tag/tag.service';
import type { TagRow } from '../tag/tag.type';
import type { RedirectRow } from './route.type';

export type RouteRow = ArticleRow | SectionRow | TagRow | AuthorRow | RedirectRow;

/** "/World/Asia/slug/?utm=x#top" and "world/asia/slug" are the same path. */
export function normalizePath(path: string): string {
  return path
    .replace(/[?#].*$/, '')
    .trim()
    .toLowerCase()
    .split('/')
    .filter(Boolean)
    .join('/');
}

/** The services a path may name something of, each built on first use. */
export interface RouteDeps {
  articles: () => Pick<ArticleService, 'byId' | 'bySlug' | 'uri'>;
  authors: () => Pick<AuthorService, 'bySlug'>;
  sections: () => Pick<SectionService, 'byPath'>;
  tags: () => Pick<TagService, 'bySlug'>;
}

/**
 * Resolves a public path: /tag/<slug>, /author/<slug>, /<section path>/<article slug>, /<section
 * path>; otherwise a path an article used to live at, answered with a permanent redirect.
 */
export class RouteService {
  constructor(
    private readonly context: RequestContext,
    private readonly deps: RouteDeps,
  ) {}

  async resolve(path: string): Promise<RouteRow | null> {
    const clean = normalizePath(path);
    if (!clean) return null;
    const segments = clean.split('/');
    const last = segments[segments.length - 1];
    if (segments.length === 2 && segments[0] === 'tag') return this.deps.tags().bySlug(last);
    if (segments.length === 2 && segments[0] === 'author') return this.deps.authors().bySlug(last);
    if (segments.length >= 2) {
      const article = await this.deps.articles().bySlug(last);
      if (article) {
        const uri = await this.deps.articles().uri(article);
        // A known slug under the wrong section still finds its piece, by redirect.
        return uri === `/${clean}` ? article : redirect(uri);
      }
    }
    const section = await this.deps.sections().byPath(clean);
    if (section) return section;
    return this.formerPath(`/${clean}`);
  }

  private async formerPath(path: string): Promise<RedirectRow | null> {
    const { reader } = this.context;
    // A path nobody holds today may be taken by any article tomorrow.
    this.context.cache.lookup('Article');
    const moved = await reader.first<{ articleId: number }>(reader.knex('article_path').select('article_id as articleId').where('path', path));
    const article = moved && (await this.deps.articles().byId(moved.articleId));
    return article ? redirect(await this.deps.articles().uri(article)) : null;
  }
}

function redirect(location: string): RedirectRow {
  return { __typename: 'Redirect', location, permanent: true };
}
