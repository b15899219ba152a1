import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

export enum BodyBlockType {
  PARAGRAPH = 'PARAGRAPH',
  HEADING = 'HEADING',
  QUOTE = 'QUOTE',
  IMAGE = 'IMAGE',
  LIST = 'LIST',
}

registerEnumType(BodyBlockType, { name: 'BodyBlockType', description: 'The kind of a body block given as input.' });

@InputType('BodyBlockInput', { description: "One block of an article's body; which fields it needs depends on its type." })
export class BodyBlockInput {
  @Field(() => BodyBlockType, { description: 'Which kind of block this is; it decides the fields that are needed.' })
  type!: BodyBlockType;

  @Field(() => String, { nullable: true, description: 'PARAGRAPH and HEADING: the words, as plain text (use bodyMarkdown for links and emphasis).' })
  text?: string | null;

  @Field(() => Int, { nullable: true, description: 'HEADING: the level, 2 to 4.' })
  level?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'LIST: true for a numbered list; bulleted when left out.' })
  ordered?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'LIST: the items, as plain text.' })
  items?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'IMAGE: the picture to show.' })
  imageId?: string | null;

  @Field(() => ID, { nullable: true, description: "QUOTE: one of the article's own quotes, set apart as a pull quote." })
  quoteId?: string | null;
}
