import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import { connectionType } from '../../pagination/connection.type';
import { NodeInterface, type NodeRow } from '../node/node.type';
import type { LiveblogState } from '../liveblog/liveblog.enums';
import type { ArticleStatus } from './article.enums';
import { ARTICLE_FIELDS, type ArticleFieldValues } from './article.fields';

export interface ArticleRow extends NodeRow, ArticleFieldValues {
  __typename: 'Article';
  slug: string;
  status: ArticleStatus;
  sectionId: number;
  mainImageId: number | null;
  /** Under embargo while SCHEDULED (Article.embargoed). */
  embargoed: boolean;
  /** Null unless the piece is a liveblog. */
  liveblog: LiveblogState | null;
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

ARTICLE_FIELDS.output(ArticleType);

export const ArticleConnection = connectionType(ArticleType, 'Article', 'article');
