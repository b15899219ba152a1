import { ArgsType, Field, Int } from 'type-graphql';

/** Forward paging arguments shared by every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'How many to return: 20 when left out, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Continue after this cursor (a previous page's endCursor)." })
  after?: string | null;
}
