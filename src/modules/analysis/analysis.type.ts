import { Field, Int, ObjectType } from 'type-graphql';
import { ListSize } from '../../protection/cost';
import { UserErrorType } from '../../errors/user-error.type';
import type { UserErrorValue } from '../../errors/errors';
import { TagKind } from '../tag/tag.enums';
import { TagType, type TagRow } from '../tag/tag.type';

@ObjectType('SuggestedTag', { simpleResolvers: true, description: 'A person, organization or place the copy names, as import would tag it.' })
export class SuggestedTagType {
  @Field({ description: 'The fullest name the copy gives.' })
  name!: string;

  @Field(() => TagKind, { description: 'What it is: PERSON, ORGANIZATION or PLACE.' })
  kind!: TagKind;

  @ListSize(3)
  @Field(() => [String], { description: 'Other names the copy gives it, e.g. an acronym in brackets.' })
  aliases!: string[];

  @Field(() => Int, { description: 'How often the copy names it.' })
  mentions!: number;

  @Field(() => TagType, { nullable: true, description: 'The tag already in the newsroom by that name or alias, which import uses; null when import would create one.' })
  existing!: TagRow | null;
}

@ObjectType('AnalyzedQuote', { simpleResolvers: true, description: 'A direct quotation the copy holds, with whom it credits it to.' })
export class AnalyzedQuoteType {
  @Field({ description: 'The quoted words, without the quotation marks.' })
  text!: string;

  @Field(() => Int, { description: 'The body block (paragraph or list) the words stand in, counting from 0.' })
  blockIndex!: number;

  @Field(() => String, { nullable: true, description: 'Who said it, by the fullest name the copy gives; null when the copy does not say.' })
  speakerName!: string | null;

  @Field(() => SuggestedTagType, { nullable: true, description: 'The speaker as a tag suggestion; null when the copy does not say who spoke.' })
  speaker!: SuggestedTagType | null;

  @Field(() => SuggestedTagType, { nullable: true, description: 'The outlet the copy credits for the words ("according to …", "told …").' })
  reportedBy!: SuggestedTagType | null;
}

@ObjectType('CopyAnalysis', { simpleResolvers: true, description: 'What import would make of a piece of copy; reading it saves nothing.' })
export class CopyAnalysisType {
  @Field(() => Int, { description: 'Words in the copy, as an article counts them.' })
  wordCount!: number;

  @ListSize(10)
  @Field(() => [String], { description: 'The subheadings, in order.' })
  headings!: string[];

  @Field(() => Int, { description: 'Paragraphs and lists in the body.' })
  paragraphs!: number;

  @ListSize(20)
  @Field(() => [AnalyzedQuoteType], { description: 'The direct quotations, in reading order.' })
  quotes!: AnalyzedQuoteType[];

  @ListSize(30)
  @Field(() => [SuggestedTagType], { description: 'The people, organizations and places named, most named first.' })
  tags!: SuggestedTagType[];
}

@ObjectType('CopyAnalysisPayload', { simpleResolvers: true, description: 'The analysis, or the userErrors that stopped it.' })
export class CopyAnalysisPayload {
  @Field(() => CopyAnalysisType, { nullable: true, description: 'What import would make of the copy; null when the copy cannot be read.' })
  analysis!: CopyAnalysisType | null;

  @ListSize(3)
  @Field(() => [UserErrorType], { description: 'What was wrong with the copy; empty when it was read.' })
  userErrors!: UserErrorValue[];
}
