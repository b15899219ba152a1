import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ArticleType, type ArticleRow } from '../article/article.type';
import { PageInfo } from '../../pagination/connection.type';

@ObjectType('SearchEdge', { simpleResolvers: true, description: 'One search hit.' })
export class SearchEdgeType {
  @Field({ description: 'Pass as `after` to get the hits that follow this one.' })
  cursor!: string;

  @Field(() => ArticleType, { description: 'The article that matched.' })
  node!: ArticleRow;

  @Field(() => Float, { description: 'Higher is a better match.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'A short excerpt around the match, with matches wrapped in <mark>…</mark>.' })
  highlight!: string | null;
}

@ObjectType('SearchConnection', { simpleResolvers: true, description: 'A page of search hits, best match first.' })
export class SearchConnectionType {
  @Field(() => [SearchEdgeType], { description: 'The hits on this page.' })
  edges!: SearchEdgeType[];

  @Field(() => PageInfo, { description: 'Where this page sits in the results.' })
  pageInfo!: PageInfo;

  // Not simple: a promise, as a connection's count is (connection.type.ts).
  @Field(() => Int, { simple: false, description: 'How many articles match in all.' })
  totalCount!: number;
}
