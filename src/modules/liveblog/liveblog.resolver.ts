import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context';
import { toPayload, type PayloadValue } from '../../errors/payload.type';
import type { ConnectionResult } from '../../pagination/connection.type';
import { PageArgs } from '../../pagination/page.args';
import { badUserInput } from '../../errors/errors';
import { ListSize, MaxItems } from '../../protection/cost';
import { ArticleType, type ArticleRow } from '../article/article.type';
import { ArticlePayload } from '../article/article.payloads';
import { AuthorType, type AuthorRow } from '../author/author.type';
import { renderHtml } from '../body/body.render';
import { BodyBlockUnion, toBodyBlocks, type BodyBlockValue } from '../body/body.type';
import { LiveblogState } from './liveblog.enums';
import { AddLiveblogEntryInput, SetLiveblogStateInput, UpdateLiveblogEntryInput } from './liveblog.inputs';
import { MAX_KEY_EVENTS } from './liveblog.loaders';
import { LiveblogEntryPayload } from './liveblog.payloads';
import type { EntryEvent } from './liveblog.service';
import { LiveblogEntryChangeType, LiveblogEntryConnection, LiveblogEntryType, LiveblogType, type LiveblogEntryChangeValue, type LiveblogEntryRow, type LiveblogValue } from './liveblog.type';

@ArgsType()
class EntriesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only entries newer than this cursor (e.g. the first edge a reader already holds): what came in since.' })
  since?: string | null;
}

/** Entries carry no quotes or images of their article: their Markdown makes paragraphs, headings and lists. */
const NOTHING_TO_LOOK_UP = { quote: () => undefined, image: () => undefined };

@Resolver(() => ArticleType)
export class ArticleLiveblogResolver {
  @FieldResolver(() => LiveblogType, { nullable: true, description: 'The stream of entries, when the article is a liveblog; null for an ordinary article.' })
  liveblog(@Root() article: ArticleRow): LiveblogValue | null {
    return article.liveblog === null ? null : { articleId: article.id, state: article.liveblog };
  }

  @Mutation(() => ArticlePayload, { description: 'Makes an article a liveblog (LIVE), closes one (ENDED) or reopens it. Needs an EDITOR token.' })
  async setLiveblogState(@Arg('input', () => SetLiveblogStateInput, { description: 'The article and its new state.' }) input: SetLiveblogStateInput, @Ctx() context: Context): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.setLiveblogState(input), (id) => context.loaders.article.byId.load(id));
  }
}

@Resolver(() => LiveblogType)
export class LiveblogResolver {
  @FieldResolver(() => Boolean, { description: 'Whether entries are still being added (state LIVE).' })
  isLive(@Root() liveblog: LiveblogValue): boolean {
    return liveblog.state === LiveblogState.LIVE;
  }

  @FieldResolver(() => LiveblogEntryConnection, { description: 'The entries, newest first.' })
  entries(@Root() liveblog: LiveblogValue, @Args() args: EntriesArgs, @Ctx() context: Context): Promise<ConnectionResult<LiveblogEntryRow>> {
    return context.liveblogs.entries(liveblog.articleId, args);
  }

  @FieldResolver(() => LiveblogEntryType, { nullable: true, description: 'The newest entry, as cards on fronts show it; null before the first.' })
  latestEntry(@Root() liveblog: LiveblogValue, @Ctx() context: Context): Promise<LiveblogEntryRow | null> {
    return context.loaders.liveblog.latest.load(liveblog.articleId);
  }

  @FieldResolver(() => LiveblogEntryType, { nullable: true, description: 'The entry shown above the stream; null when none is pinned.' })
  pinnedEntry(@Root() liveblog: LiveblogValue, @Ctx() context: Context): Promise<LiveblogEntryRow | null> {
    return context.loaders.liveblog.pinned.load(liveblog.articleId);
  }

  @MaxItems(MAX_KEY_EVENTS)
  @FieldResolver(() => [LiveblogEntryType], { description: 'The entries that mark turns in the story, newest first.' })
  async keyEvents(
    @Root() liveblog: LiveblogValue,
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: `How many, at most ${MAX_KEY_EVENTS}.` }) first: number,
  ): Promise<LiveblogEntryRow[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_KEY_EVENTS) throw badUserInput(`"first" must be between 0 and ${MAX_KEY_EVENTS} (got ${first}).`, 'first');
    return (await context.loaders.liveblog.keyEvents.load(liveblog.articleId)).slice(0, first);
  }
}

@Resolver(() => LiveblogEntryType)
export class LiveblogEntryResolver {
  @ListSize(40)
  @FieldResolver(() => [BodyBlockUnion], { description: 'The entry as blocks, in reading order.' })
  body(@Root() entry: LiveblogEntryRow): BodyBlockValue[] {
    return toBodyBlocks(entry.articleId, entry.body);
  }

  @FieldResolver(() => String, { description: 'The entry as sanitized HTML.' })
  bodyHtml(@Root() entry: LiveblogEntryRow): string {
    return renderHtml(entry.body, NOTHING_TO_LOOK_UP);
  }

  @FieldResolver(() => AuthorType, { nullable: true, description: 'Who wrote it; null when uncredited.' })
  async author(@Root() entry: LiveblogEntryRow, @Ctx() context: Context): Promise<AuthorRow | null> {
    return entry.authorId === null ? null : context.loaders.author.byId.load(entry.authorId);
  }

  @FieldResolver(() => ArticleType, { description: 'The liveblog the entry belongs to (its article).' })
  async article(@Root() entry: LiveblogEntryRow, @Ctx() context: Context): Promise<ArticleRow | null> {
    return context.articles.byId(entry.articleId);
  }

  @Subscription(() => LiveblogEntryChangeType, {
    description: "Each entry posted, corrected or removed in a liveblog from now on, while the caller may read it (anonymous subscribers: once it is published). Over the WebSocket at /graphql.",
    subscribe: ({ args, context }) => (context as Context).liveblogs.follow((args as { articleId: string }).articleId),
  })
  liveblogEntries(
    @Root() event: EntryEvent,
    @Arg('articleId', () => ID, { description: 'The liveblog (its article).' }) _articleId: string,
    @Ctx() context: Context,
  ): Promise<LiveblogEntryChangeValue> {
    return context.liveblogs.change(event);
  }

  @Mutation(() => LiveblogEntryPayload, { description: 'Posts an entry at the top of a LIVE liveblog, dated now. Needs a CONTRIBUTOR token or higher.' })
  async addLiveblogEntry(@Arg('input', () => AddLiveblogEntryInput, { description: 'The entry.' }) input: AddLiveblogEntryInput, @Ctx() context: Context): Promise<PayloadValue<LiveblogEntryRow>> {
    return toPayload(await context.liveblogs.add(input), (id) => context.loaders.liveblog.byId.load(id));
  }

  @Mutation(() => LiveblogEntryPayload, { description: 'Corrects an entry; it keeps its place and shows the correction (updatedAt, revision).' })
  async updateLiveblogEntry(@Arg('input', () => UpdateLiveblogEntryInput, { description: 'The correction.' }) input: UpdateLiveblogEntryInput, @Ctx() context: Context): Promise<PayloadValue<LiveblogEntryRow>> {
    return toPayload(await context.liveblogs.update(input), (id) => context.loaders.liveblog.byId.load(id));
  }

  @Mutation(() => LiveblogEntryPayload, { description: 'Removes an entry; answers with the entry as it was.' })
  async removeLiveblogEntry(
    @Arg('id', () => ID, { description: 'The entry to remove.' }) id: string,
    @Arg('expectedRevision', () => Int, { description: 'The revision of the entry being removed; a newer one refuses it (CONFLICT).' }) expectedRevision: number,
    @Ctx() context: Context,
  ): Promise<PayloadValue<LiveblogEntryRow>> {
    return toPayload(await context.liveblogs.remove(id, expectedRevision), async (entry) => entry);
  }
}
