import { Field, ID, InputType, Int } from 'type-graphql';
import { inWords, LIMITS } from '../article/article.limits';
import { LiveblogState } from './liveblog.enums';

@InputType('SetLiveblogStateInput', { description: 'Makes an article a liveblog, or closes or reopens one.' })
export class SetLiveblogStateInput {
  @Field(() => ID, { description: 'The article.' })
  articleId!: string;

  @Field(() => Int, { description: 'The version of the article the change was made to; a newer one refuses it (CONFLICT).' })
  expectedVersion!: number;

  @Field(() => LiveblogState, { description: 'LIVE to take entries (an ordinary article becomes a liveblog), ENDED to close it.' })
  state!: LiveblogState;
}

@InputType('AddLiveblogEntryInput', { description: 'A new entry, posted now at the top of the stream.' })
export class AddLiveblogEntryInput {
  @Field(() => ID, { description: 'The liveblog (its article).' })
  articleId!: string;

  @Field(() => String, { nullable: true, description: `A short headline for the entry (at most ${inWords(LIMITS.entryTitle)} characters).` })
  title?: string | null;

  @Field({ description: `The entry as Markdown (at most ${inWords(LIMITS.entryMarkdown)} characters), sanitized as article bodies are.` })
  bodyMarkdown!: string;

  @Field(() => ID, { nullable: true, description: 'Who wrote it, when credited.' })
  authorId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Whether it marks a turn in the story (listed in keyEvents).' })
  keyEvent?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Whether to pin it above the stream, unpinning any other.' })
  pinned?: boolean | null;
}

@InputType('UpdateLiveblogEntryInput', { description: 'A correction to an entry, shown as such (updatedAt, revision); fields left out stay as they are.' })
export class UpdateLiveblogEntryInput {
  @Field(() => ID, { description: 'The entry.' })
  id!: string;

  @Field(() => Int, { description: 'The revision of the entry the correction was made to; a newer one refuses it (CONFLICT).' })
  expectedRevision!: number;

  @Field(() => String, { nullable: true, description: 'The new headline; null or empty for none.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The new text, as Markdown.' })
  bodyMarkdown?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who wrote it; null for no credit.' })
  authorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it marks a turn in the story.' })
  keyEvent?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is pinned above the stream; pinning it unpins any other.' })
  pinned?: boolean | null;
}
