import { Field, InputType } from 'type-graphql';
import { ImportFormat } from '../article/article.inputs';
import { inWords, LIMITS } from '../article/article.limits';

@InputType('AnalyzeCopyInput', { description: 'Copy to read before it is imported.' })
export class AnalyzeCopyInput {
  @Field({ description: `The copy, up to ${inWords(LIMITS.markdown)} characters.` })
  text!: string;

  @Field(() => ImportFormat, { nullable: true, defaultValue: ImportFormat.PLAIN, description: 'How the copy is written.' })
  format?: ImportFormat | null;
}
