import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ListSize } from '../../protection/cost';
import { ArticleType, type ArticleRow } from '../article/article.type';

export enum ChangeKind {
  UPSERT = 'UPSERT',
  DELETE = 'DELETE',
}

registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What an app does with a change.',
  valuesConfig: {
    UPSERT: { description: 'Store the article as given (it is new, or changed).' },
    DELETE: { description: 'Drop the article: it was unpublished, archived or moved out of the feed.' },
  },
});

export interface ChangeValue {
  kind: ChangeKind;
  id: string;
  article: ArticleRow | null;
}

export interface ChangeFeedValue {
  changes: ChangeValue[];
  cursor: string;
  hasMore: boolean;
}

@ObjectType('Change', { simpleResolvers: true, description: 'One article an app must store again or drop.' })
export class ChangeType {
  @Field(() => ChangeKind, { description: 'Store it again (UPSERT) or drop it (DELETE).' })
  kind!: ChangeKind;

  @Field(() => ID, { description: "The article's ID." })
  id!: string;

  @Field(() => ArticleType, { nullable: true, description: 'The article as it now reads; null for DELETE.' })
  article!: ArticleRow | null;
}

@ObjectType('ChangeFeed', { simpleResolvers: true, description: 'What changed since a cursor, in commit order, and the cursor to ask from next.' })
export class ChangeFeedType {
  // `first` caps it (100 at most).
  @ListSize(100)
  @Field(() => [ChangeType], { description: 'The changes, in commit order; each article at most once, as it now reads.' })
  changes!: ChangeValue[];

  @Field({ description: 'Pass as `since` next time; it also remembers the section asked for.' })
  cursor!: string;

  @Field({ description: 'Whether more changes wait: ask again at once with the new cursor.' })
  hasMore!: boolean;
}
