import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { toGlobalId } from './global-id';
import { NodeInterface, type NodeRow } from './node.type';

@Resolver(() => NodeInterface)
export class NodeResolver {
  /** Every Node type inherits this: rows carry their database id, the API shows the global one. */
  @FieldResolver(() => ID, { description: 'Globally unique and opaque; stable for the life of the object.' })
  id(@Root() row: NodeRow): string {
    return toGlobalId(row.__typename, row.id);
  }

  @Query(() => NodeInterface, { nullable: true, description: 'Fetches any object by its global ID; null when it does not exist or is not yours to see.' })
  node(@Arg('id', () => ID, { description: 'A global ID this service gave out.' }) id: string, @Ctx() context: Context): Promise<NodeRow | null> {
    return context.nodes.resolve(id, 'id');
  }

  @Query(() => [NodeInterface], { nullable: 'items', description: 'Fetches objects by global ID, in the order asked; null for each that is missing.' })
  nodes(@Arg('ids', () => [ID], { description: 'Global IDs this service gave out.' }) ids: string[], @Ctx() context: Context): Promise<(NodeRow | null)[]> {
    return Promise.all(ids.map((id, index) => context.nodes.resolve(id, `ids[${index}]`)));
  }
}
