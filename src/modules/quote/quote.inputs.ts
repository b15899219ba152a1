import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_QUERY_LENGTH } from '../search/search.query';

@InputType('QuoteFilter', { description: 'Narrows a list of quotes; every field given must match.' })
export class QuoteFilterInput {
  @Field(() => String, { nullable: true, description: "The slug of the speaker's tag." })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'The article the quotes appear in.' })
  article?: string | null;

  @Field(() => String, { nullable: true, description: `Words that the quote's text or its speaker's credited name contains, every one of them (at most ${MAX_QUERY_LENGTH} characters).` })
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

@InputType('UpdateQuoteInput', { description: 'A correction to a quote; fields left out stay as they are.' })
export class UpdateQuoteInput {
  @Field(() => ID, { description: 'The quote to correct.' })
  id!: string;

  @Field(() => Int, { description: "The version of the quote's article the correction was made to; a newer one refuses it (CONFLICT)." })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "The quoted words, exactly as in a paragraph of the article's body." })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'The speaker as credited in the article; null or empty when the article does not say who spoke.' })
  speakerName?: string | null;

  @Field(() => ID, { nullable: true, description: "The speaker's tag; null for none." })
  speakerId?: string | null;

  @Field(() => ID, { nullable: true, description: "The tag of the outlet that carried the words; null for none." })
  reportedById?: string | null;

  @Field(() => String, { nullable: true, description: 'The sentence in which the quote appears; null for none.' })
  context?: string | null;
}
