import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../pagination/connection.type';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import type { StoredBlock } from '../body/body.blocks';
import { NodeInterface, type NodeRow } from '../node/node.type';
import { EntryChange, LiveblogState } from './liveblog.enums';

export interface LiveblogEntryRow extends NodeRow {
  __typename: 'LiveblogEntry';
  articleId: number;
  title: string | null;
  body: StoredBlock[];
  authorId: number | null;
  keyEvent: boolean;
  pinned: boolean;
  publishedAt: Date;
  updatedAt: Date;
  revision: number;
}

/** A liveblog as GraphQL reads it: the article it belongs to, and where it stands. */
export interface LiveblogValue {
  articleId: number;
  state: LiveblogState;
}

@ObjectType('LiveblogEntry', { simpleResolvers: true, implements: NodeInterface, description: 'One dated update in a liveblog.' })
export class LiveblogEntryType extends NodeInterface {
  @Field(() => String, { nullable: true, description: 'A short headline for the entry; null when it has none.' })
  title!: string | null;

  @Field({ description: 'Whether the entry marks a turn in the story; key events are listed on their own (Liveblog.keyEvents).' })
  keyEvent!: boolean;

  @Field({ description: 'Whether the entry is the one shown above the stream; a liveblog pins at most one.' })
  pinned!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the entry was posted; the stream is in this order, newest first.' })
  publishedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the entry was last corrected; equal to publishedAt until then.' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Starts at 1 and increases with every correction; updateLiveblogEntry and removeLiveblogEntry must name it.' })
  revision!: number;
}

@ObjectType('Liveblog', { simpleResolvers: true, description: 'A story told as it happens: a stream of dated entries, newest first, with its key events and one pinned entry.' })
export class LiveblogType {
  @Field(() => LiveblogState, { description: 'Whether entries are still being added.' })
  state!: LiveblogState;
}

export const LiveblogEntryConnection = connectionType(LiveblogEntryType, 'LiveblogEntry', 'liveblog entry');

/** One change to a liveblog's entries, as a subscriber hears of it. */
export interface LiveblogEntryChangeValue {
  change: EntryChange;
  id: string;
  entry: LiveblogEntryRow | null;
}

@ObjectType('LiveblogEntryChange', { simpleResolvers: true, description: 'An entry posted, corrected or removed, as subscribers hear of it.' })
export class LiveblogEntryChangeType {
  @Field(() => EntryChange, { description: 'What happened to the entry.' })
  change!: EntryChange;

  @Field(() => ID, { description: "The entry's ID (the same as entry.id while it exists)." })
  id!: string;

  @Field(() => LiveblogEntryType, { nullable: true, description: 'The entry as it now reads; null once it is removed.' })
  entry!: LiveblogEntryRow | null;
}
