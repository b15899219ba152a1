import { badUserInput } from '../../errors/errors';
import type { RequestContext } from '../../request';
import type { ArticleService } from '../article/article.service';
import type { LiveblogService } from '../liveblog/liveblog.service';
import type { QuoteService } from '../quote/quote.service';
import { fromGlobalId } from './global-id';
import type { NodeRow } from './node.type';

/** The services that decide who may see an article, a quote or a liveblog entry, each built on first use. */
export interface NodeDeps {
  articles: () => Pick<ArticleService, 'byId'>;
  quotes: () => Pick<QuoteService, 'byId'>;
  liveblogs: () => Pick<LiveblogService, 'byId'>;
}

/** Fetches any node by global ID through the same loaders and visibility rules as every other path. */
export class NodeService {
  constructor(
    private readonly context: RequestContext,
    private readonly deps: NodeDeps,
  ) {}

  async resolve(globalId: string, argument: string): Promise<NodeRow | null> {
    const { type, id } = fromGlobalId(globalId, argument);
    // Beyond any stored id: no such object, like any other unknown ID.
    if (id === null) return null;
    const { loaders } = this.context;
    switch (type) {
      case 'Article':
        return this.deps.articles().byId(id);
      case 'Quote':
        return this.deps.quotes().byId(id);
      case 'LiveblogEntry':
        return this.deps.liveblogs().byId(id);
      case 'Section':
        return loaders.section.byId.load(id);
      case 'Tag':
        return loaders.tag.byId.load(id);
      case 'Author':
        return loaders.author.byId.load(id);
      case 'Image':
        return loaders.image.byId.load(id);
      default:
        throw badUserInput(`"${argument}" is not an ID this service gave out.`, argument);
    }
  }
}
