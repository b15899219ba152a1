import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../../auth/viewer';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import type { StoredBlock } from '../body/body.blocks';
import { ArticleStatus } from './article.enums';
import { ARTICLE_FIELDS, type ArticleFieldValues } from './article.fields';

export interface ArticleRevisionRow extends ArticleFieldValues {
  articleId: number;
  version: number;
  savedAt: Date;
  savedBy: string;
  savedByRole: Role;
  action: string;
  changes: string[];
  slug: string;
  status: ArticleStatus;
  body: StoredBlock[];
}

@ObjectType('ArticleRevision', { simpleResolvers: true, description: 'One saved change to an article: who, when, what changed, and the article as it then stood.' })
export class ArticleRevisionType {
  @Field(() => Int, { description: 'The version this change produced.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When the change was saved.' })
  savedAt!: Date;

  @Field({ description: 'The name of the token that saved it.' })
  savedBy!: string;

  @Field(() => Role, { description: "The saver's role at the time." })
  savedByRole!: Role;

  @Field({ description: 'The mutation that saved it, e.g. updateArticle or publishArticle.' })
  action!: string;

  @Field(() => [String], { description: 'The fields it changed, e.g. headline, body, status, corrections.' })
  changes!: string[];

  @Field({ description: 'The slug at this version.' })
  slug!: string;

  @Field(() => ArticleStatus, { description: 'The stored status at this version.' })
  status!: ArticleStatus;
}

ARTICLE_FIELDS.output(ArticleRevisionType, ' at this version');
