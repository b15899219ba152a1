import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../pagination/connection.type';
import { NodeInterface, type NodeRow } from '../node/node.type';

export interface AuthorRow extends NodeRow {
  __typename: 'Author';
  slug: string;
  name: string;
  jobTitle: string | null;
  bio: string | null;
  imageId: number | null;
}

@ObjectType('Author', { simpleResolvers: true, implements: NodeInterface, description: 'A journalist credited in bylines.' })
export class AuthorType extends NodeInterface {
  @Field({ description: 'The last part of the author page URI.' })
  slug!: string;

  @Field({ description: 'The name as it appears in bylines.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'e.g. Asia correspondent.' })
  jobTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'A short biography for the author page.' })
  bio!: string | null;
}

export const AuthorConnection = connectionType(AuthorType, 'Author', 'author');

/** The public path of an author page. */
export function authorUri(author: Pick<AuthorRow, 'slug'>): string {
  return `/author/${author.slug}`;
}

/** "By Jane Doe", "By Jane Doe and John Roe", "By A, B and C"; null without authors. */
export function byline(authors: Pick<AuthorRow, 'name'>[]): string | null {
  const names = authors.map((author) => author.name);
  if (names.length === 0) return null;
  if (names.length === 1) return `By ${names[0]}`;
  return `By ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
