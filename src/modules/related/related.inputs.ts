import { Field, ID, InputType } from 'type-graphql';
import { CoverageRelation } from './related.enums';

@InputType('RelatedCoverageInput', { description: 'One piece of coverage an editor places beside an article.' })
export class RelatedCoverageInput {
  @Field(() => ID, { description: 'The related article.' })
  articleId!: string;

  @Field(() => CoverageRelation, { description: 'Why it belongs there; SIMILAR is for the service alone.' })
  relation!: CoverageRelation;
}
