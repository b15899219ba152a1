import { Field, InputType } from 'type-graphql';

@InputType('CreateAuthorInput', { description: 'A new journalist for bylines.' })
export class CreateAuthorInput {
  @Field({ description: 'The name as bylines show it, up to 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Made from the name when left out; an author with the same slug is a DUPLICATE.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Asia correspondent.' })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'A short biography for the author page.' })
  bio?: string | null;
}
