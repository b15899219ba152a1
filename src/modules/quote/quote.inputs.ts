import { Field, ID, InputType } from 'type-graphql';
import { MAX_QUERY_LENGTH } from '../search/search.query';

@InputType('QuoteFilter', { description: 'Narrows a list of quotes; every field given must match.' })
export class QuoteFilterInput {
  @Field(() => String, { nullable: true, description: "The slug of the speaker's tag." })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'The article the quotes appear in.' })
  article?: string | null;

  @Field(() => String, { nullable: true, description: `Words that the quote's text contains (at most ${MAX_QUERY_LENGTH} characters).` })
  query?: string | null;
}

@InputType('AddQuoteInput', { description: "Words someone said, as they appear in one of the article's paragraphs." })
export class AddQuoteInput {
  @Field(() => ID, { description: 'The article the words appear in.' })
  articleId!: string;

  @Field({ description: 'The quoted words, without quotation marks, exactly as in a paragraph of the body.' })
  text!: string;

  @Field({ description: 'The speaker as credited in the article.' })
  speakerName!: string;

  @Field(() => ID, { nullable: true, description: "The speaker's tag (a PERSON or ORGANIZATION), when known." })
  speakerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The tag of the outlet that carried the words, e.g. a news agency.' })
  reportedById?: string | null;

  @Field(() => String, { nullable: true, description: 'The sentence in which the quote appears.' })
  context?: string | null;
}
