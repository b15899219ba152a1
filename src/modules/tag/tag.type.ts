import { Field, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../pagination/connection.type';
import { NodeInterface, type NodeRow } from '../node/node.type';
import { TagKind } from './tag.enums';

export interface TagRow extends NodeRow {
  __typename: 'Tag';
  slug: string;
  name: string;
  kind: TagKind;
  description: string | null;
  version: number;
}

@ObjectType('Tag', { simpleResolvers: true, implements: NodeInterface, description: 'A person, organization, place, event, series or topic that articles are about.' })
export class TagType extends NodeInterface {
  @Field({ description: 'The last part of the tag page URI, e.g. kim-jong-un.' })
  slug!: string;

  @Field({ description: 'The name readers see.' })
  name!: string;

  @Field(() => TagKind, { description: 'What the tag stands for.' })
  kind!: TagKind;

  @Field(() => String, { nullable: true, description: 'A line of context for the tag page.' })
  description!: string | null;

  @Field(() => Int, { description: 'Increases with every saved change; updateTag must name the version it edits.' })
  version!: number;
}

export const TagConnection = connectionType(TagType, 'Tag', 'tag');

/** The public path of a tag page. */
export function tagUri(tag: Pick<TagRow, 'slug'>): string {
  return `/tag/${tag.slug}`;
}
