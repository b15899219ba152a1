import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page } from './page';

@ObjectType('PageInfo', { simpleResolvers: true, description: "Where a page sits in its list (Relay's cursor connections)." })
export class PageInfo {
  @Field({ description: 'Whether another page follows; ask for it with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'Always false: lists page forward only.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item on this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item on this page.' })
  endCursor!: string | null;
}

/** A page shaped as a Relay connection; `totalCount` is a getter so its query runs only when asked. */
export class ConnectionResult<T> {
  constructor(private readonly page: Page<T>) {}

  get edges(): { cursor: string; node: T }[] {
    return this.page.items.map((node, index) => ({ cursor: this.page.cursors[index], node }));
  }

  get nodes(): T[] {
    return this.page.items;
  }

  get pageInfo(): PageInfo {
    const { cursors } = this.page;
    return {
      hasNextPage: this.page.hasNextPage,
      hasPreviousPage: false,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    };
  }

  get totalCount(): Promise<number> {
    return this.page.totalCount();
  }
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${what} in a list, with the cursor to continue after it.` })
  class Edge {
    @Field({ description: 'Pass as `after` to get the items that follow this one.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${what}s.` })
  class Connection {
    @Field(() => [Edge], { description: `The ${what}s on this page, each with its cursor.` })
    edges!: Edge[];

    @Field(() => [nodeType], { description: `The ${what}s on this page.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo!: PageInfo;

    // Not simple: the count is a promise, run only when asked, and a compiled plan awaits a value
    // only where the field has a resolver.
    @Field(() => Int, { simple: false, description: `How many ${what}s the whole list holds.` })
    totalCount!: number;
  }
  return Connection;
}
