import { Field, InputType } from 'type-graphql';
import { TagKind } from './tag.enums';

@InputType('CreateTagInput', { description: 'A new tag.' })
export class CreateTagInput {
  @Field({ description: 'The name readers see, up to 200 characters.' })
  name!: string;

  @Field(() => TagKind, { description: 'What the tag stands for.' })
  kind!: TagKind;

  @Field(() => String, { nullable: true, description: 'Made from the name when left out; a tag with the same slug is a DUPLICATE.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'What the tag page says about it.' })
  description?: string | null;
}
