import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import { connectionType } from '../../pagination/connection.type';
import { NodeInterface, type NodeRow } from '../node/node.type';
import type { ArticleStatus } from './article.enums';

export interface ArticleRow extends NodeRow {
  __typename: 'Article';
  slug: string;
  headline: string;
  standfirst: string | null;
  status: ArticleStatus;
  sectionId: number;
  mainImageId: number | null;
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

@ObjectType('Article', { simpleResolvers: true, implements: NodeInterface, description: 'A piece of journalism.' })
export class ArticleType extends NodeInterface {
  @Field({ description: 'The last part of the URI; unique across the site.' })
  slug!: string;

  @Field({ description: 'The headline.' })
  headline!: string;

  @Field(() => String, { nullable: true, description: 'The summary under the headline (dek).' })
  standfirst!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the piece first went public; never changes afterwards.' })
  firstPublishedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the piece went public, or goes public if it is scheduled.' })
  publishedAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the piece was first saved.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the piece was last changed.' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Increases with every saved change; updateArticle must name the version it edits.' })
  version!: number;
}

export const ArticleConnection = connectionType(ArticleType, 'Article', 'article');
