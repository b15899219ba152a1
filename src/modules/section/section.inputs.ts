import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateSectionInput', { description: 'A new section, at the top or under a parent.' })
export class CreateSectionInput {
  @Field({ description: 'The name readers see, up to 120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: "Made from the name when left out; 'tag' and 'author' are taken by routes at the top level." })
  slug?: string | null;

  @Field(() => ID, { nullable: true, description: 'The parent section; a top-level section when left out.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the section covers, for its front page.' })
  description?: string | null;
}
