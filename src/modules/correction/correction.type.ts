import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../schema/date-time.scalar';

@ObjectType('Correction', { simpleResolvers: true, description: 'A published correction to an article; corrections are never edited away.' })
export class CorrectionType {
  @Field({ description: 'What was wrong and what is right.' })
  text!: string;

  @Field(() => DateTimeScalar, { description: 'When the correction was published.' })
  publishedAt!: Date;
}
