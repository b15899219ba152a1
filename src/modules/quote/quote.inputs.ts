import { Field, ID, InputType } from 'type-graphql';

@InputType('QuoteFilter', { description: 'Narrows a list of quotes; every field given must match.' })
export class QuoteFilterInput {
  @Field(() => String, { nullable: true, description: "The slug of the speaker's tag." })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'The article the quotes appear in.' })
  article?: string | null;

  @Field(() => String, { nullable: true, description: "Words that the quote's text contains." })
  query?: string | null;
}
