import type { Context } from '../../context';
import { badUserInput } from '../../errors/errors';
import { fromGlobalId } from './global-id';
import type { NodeRow } from './node.type';

/** Fetches any node by global ID through the same loaders and visibility rules as every other path. */
export class NodeService {
  constructor(private readonly context: Context) {}

  async resolve(globalId: string, argument: string): Promise<NodeRow | null> {
    const { type, id } = fromGlobalId(globalId, argument);
    // Beyond any stored id: no such object, like any other unknown ID.
    if (id === null) return null;
    const { loaders } = this.context;
    switch (type) {
      case 'Article':
        return this.context.articles.byId(id);
      case 'Quote':
        return this.context.quotes.byId(id);
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
