import { Field, InputType } from 'type-graphql';
import { ImportFormat } from '../article/article.inputs';

@InputType('AnalyzeCopyInput', { description: 'Copy to read before it is imported.' })
export class AnalyzeCopyInput {
  @Field({ description: 'The copy, up to 200,000 characters.' })
  text!: string;

  @Field(() => ImportFormat, { nullable: true, defaultValue: ImportFormat.PLAIN, description: 'How the copy is written.' })
  format?: ImportFormat | null;
}
