import { Field, ID, InputType, Int } from 'type-graphql';
import { TagKind } from './tag.enums';
import { MAX_ALIAS_LENGTH, MAX_ALIASES } from './tag.names';

const ALIASES_RULE = `up to ${MAX_ALIASES}, each up to ${MAX_ALIAS_LENGTH} characters; an alias that is already another tag's name or alias (in any letter case) is a DUPLICATE`;

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

  @Field(() => [String], { nullable: true, description: `Other names of the tag, e.g. KCNA for Korean Central News Agency: ${ALIASES_RULE}.` })
  aliases?: string[] | null;
}

@InputType('UpdateTagInput', { description: "Changes to a tag; fields left out stay as they are. The slug, and so the tag page's URI, never changes." })
export class UpdateTagInput {
  @Field(() => ID, { description: 'The tag to change.' })
  id!: string;

  @Field(() => Int, { description: 'The version the change was made from; a stale version is a CONFLICT and changes nothing.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "A new name, up to 200 characters; another tag's alias is a DUPLICATE." })
  name?: string | null;

  @Field(() => [String], { nullable: true, description: `Replaces the aliases, in order (an empty list removes them): ${ALIASES_RULE}.` })
  aliases?: string[] | null;
}
