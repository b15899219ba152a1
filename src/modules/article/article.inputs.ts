import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import { ArticleStatus } from './article.enums';

@InputType('ArticleFilter', { description: 'Narrows an article list; every field given must match.' })
export class ArticleFilterInput {
  @Field(() => String, { nullable: true, description: 'A section path, e.g. world/asia; includes its subsections.' })
  section?: string | null;

  @Field(() => String, { nullable: true, description: 'A tag slug.' })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'An author slug.' })
  author?: string | null;

  @Field(() => ArticleStatus, { nullable: true, description: 'Only editors may ask for anything but PUBLISHED.' })
  status?: ArticleStatus | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only pieces published after this instant.' })
  publishedAfter?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only pieces published before this instant.' })
  publishedBefore?: Date | null;
}
