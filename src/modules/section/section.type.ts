import { Field, ObjectType } from 'type-graphql';
import { NodeInterface, type NodeRow } from '../node/node.type';

export interface SectionRow extends NodeRow {
  __typename: 'Section';
  slug: string;
  name: string;
  path: string;
  parentId: number | null;
  position: number;
  description: string | null;
}

@ObjectType('Section', { simpleResolvers: true, implements: NodeInterface, description: 'A part of the site, in a tree such as World › Asia.' })
export class SectionType extends NodeInterface {
  @Field({ description: 'The last part of the path, e.g. asia.' })
  slug!: string;

  @Field({ description: 'The name readers see, e.g. Asia.' })
  name!: string;

  @Field({ description: 'Slash-separated slugs from the top, e.g. world/asia.' })
  path!: string;

  @Field(() => String, { nullable: true, description: 'What the section covers, for its front page.' })
  description!: string | null;
}

/** The public path of a section front. */
export function sectionUri(section: Pick<SectionRow, 'path'>): string {
  return `/${section.path}`;
}
