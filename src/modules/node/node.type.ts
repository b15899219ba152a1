import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeTypeName } from './global-id';

/** What every row handed to GraphQL as a Node carries: its type and its database id. */
export interface NodeRow {
  __typename: NodeTypeName;
  id: number;
}

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque ID.',
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Globally unique and opaque; stable for the life of the object.' })
  id!: string;
}

/** Marks plain rows with their GraphQL type so `Node` and unions can tell them apart. */
export function asNodes<T extends NodeRow>(typename: T['__typename'], rows: T[]): T[] {
  for (const row of rows) row.__typename = typename;
  return rows;
}
