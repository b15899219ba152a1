import { Field, ObjectType } from 'type-graphql';
import type { ArticleRow } from '../article/article.type';
import { ArticleType } from '../article/article.type';
import { CoverageRelation } from './related.enums';

export interface RelatedCoverageRow {
  article: ArticleRow;
  relation: CoverageRelation;
  curated: boolean;
}

@ObjectType('RelatedCoverage', { simpleResolvers: true, description: 'A piece that belongs beside an article, and why.' })
export class RelatedCoverageType {
  @Field(() => ArticleType, { description: 'The related piece.' })
  article!: ArticleRow;

  @Field(() => CoverageRelation, { description: 'Why it belongs beside the article.' })
  relation!: CoverageRelation;

  @Field({ description: 'Whether an editor chose it (true) or the service did (SIMILAR).' })
  curated!: boolean;
}
