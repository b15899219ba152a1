import { createUnionType, Field, ObjectType } from 'type-graphql';
import { ArticleType } from '../article/article.type';
import { AuthorType } from '../author/author.type';
import { SectionType } from '../section/section.type';
import { TagType } from '../tag/tag.type';

@ObjectType('Redirect', { simpleResolvers: true, description: 'The path has moved: send the reader on to `location`.' })
export class RedirectType {
  @Field({ description: 'The path to go to instead.' })
  location!: string;

  @Field({ description: 'True for a move that will not be undone (HTTP 301/308).' })
  permanent!: boolean;
}

export interface RedirectRow {
  __typename: 'Redirect';
  location: string;
  permanent: boolean;
}

export const RouteUnion = createUnionType({
  name: 'Route',
  description: 'What lives at a public path.',
  types: () => [ArticleType, SectionType, TagType, AuthorType, RedirectType] as const,
});
