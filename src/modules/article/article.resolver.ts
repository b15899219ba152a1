import type { GraphQLResolveInfo } from 'graphql';
import { inWords, LIMITS } from './article.limits';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { asksFor } from '../../pagination/selection';
import type { ArticleEvent } from './article.service';
import { effectiveStatus } from '../../auth/visibility';
import type { Context } from '../../context';
import { badUserInput } from '../../errors/errors';
import type { ConnectionResult } from '../../pagination/connection.type';
import { PageArgs } from '../../pagination/page.args';
import { AuthorType, byline, type AuthorRow } from '../author/author.type';
import type { StoredBlock } from '../body/body.blocks';
import { countWords, readingTimeMinutes, renderHtml, renderText, tableOfContents, type BodyLookup } from '../body/body.render';
import { BodyBlockUnion, BodySectionType, HeadingBlockType, toBodyBlocks, toBodySections, type BodyBlockValue, type BodySectionValue } from '../body/body.type';
import { CorrectionType } from '../correction/correction.type';
import type { CorrectionRow } from '../correction/correction.loaders';
import { ImageType, type ImageRow } from '../image/image.type';
import { QuoteType, type QuoteRow } from '../quote/quote.type';
import { RelatedCoverageType, type RelatedCoverageRow } from '../related/related.type';
import { SectionType, type SectionRow } from '../section/section.type';
import { TagKind } from '../tag/tag.enums';
import { TagType, type TagRow } from '../tag/tag.type';
import { ArticleOrder, ArticleStatus } from './article.enums';
import { ArticleRevisionType, type ArticleRevisionRow } from './article-revision.type';
import { ArticleFilterInput, CreateArticleInput, ImportArticleInput, RestoreArticleRevisionInput, UpdateArticleInput } from './article.inputs';
import { ArticlePayload } from './article.payloads';
import { toPayload, type PayloadValue } from '../../errors/payload.type';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import { RelatedCoverageInput } from '../related/related.inputs';
import { ArticleConnection, ArticleType, type ArticleRow } from './article.type';
import { ListSize, MaxItems } from '../../protection/cost';

const MAX_RELATED = 20;

@ArgsType()
class ArticlesArgs extends PageArgs {
  @Field(() => ArticleFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: ArticleFilterInput | null;

  @Field(() => ArticleOrder, { nullable: true, defaultValue: ArticleOrder.NEWEST, description: 'How the list is ordered.' })
  orderBy?: ArticleOrder | null;
}

@Resolver(() => ArticleType)
export class ArticleResolver {
  @Query(() => ArticleType, { nullable: true, description: 'An article by its slug; null when there is none the caller may see.' })
  article(@Arg('slug', { description: 'The last part of the article URI.' }) slug: string, @Ctx() context: Context): Promise<ArticleRow | null> {
    return context.articles.bySlug(slug);
  }

  @Subscription(() => ArticleType, {
    description: 'Each article put out from now on in a section and, unless includeSubsections is false, its subsections, once the caller may read it. Over the WebSocket at /graphql.',
    subscribe: ({ args, context }) => {
      const { sectionPath, includeSubsections } = args as { sectionPath: string; includeSubsections: boolean };
      return (context as Context).articles.followPublished(sectionPath, includeSubsections);
    },
  })
  async articlePublished(
    @Root() event: ArticleEvent,
    @Arg('sectionPath', { description: "The section's path, e.g. world/asia." }) _sectionPath: string,
    @Arg('includeSubsections', { defaultValue: true, description: 'Whether pieces filed in its subsections count too.' }) _includeSubsections: boolean,
    @Ctx() context: Context,
  ): Promise<ArticleRow | null> {
    return context.articles.byId(event.articleId);
  }

  @Subscription(() => ArticleType, {
    description: 'The article as saved, each time it is saved from now on, while the caller may read it. Over the WebSocket at /graphql.',
    subscribe: ({ args, context }) => (context as Context).articles.followUpdates((args as { id: string }).id),
  })
  async articleUpdated(@Root() event: ArticleEvent, @Arg('id', () => ID, { description: 'The article.' }) _id: string, @Ctx() context: Context): Promise<ArticleRow | null> {
    return context.articles.byId(event.articleId);
  }

  @Query(() => ArticleConnection, { description: 'Articles, newest first unless ordered otherwise.' })
  articles(@Args() args: ArticlesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ArticleRow>> {
    return context.articles.list(args, {}, asksFor(info, 'totalCount'));
  }

  @FieldResolver(() => String, { description: 'The canonical public path: /<section path>/<slug>.' })
  uri(@Root() article: ArticleRow, @Ctx() context: Context): string | Promise<string> {
    return context.articles.uri(article);
  }

  @FieldResolver(() => ArticleStatus, { description: 'Where the piece stands; a scheduled piece reads PUBLISHED once its time has come.' })
  status(@Root() article: ArticleRow, @Ctx() context: Context): ArticleStatus {
    return effectiveStatus(article, context.now);
  }

  @FieldResolver(() => SectionType, { description: 'The section the piece is filed in.' })
  section(@Root() article: ArticleRow, @Ctx() context: Context): SectionRow | null | Promise<SectionRow | null> {
    return context.articles.section(article);
  }

  @ListSize(4)
  @FieldResolver(() => [AuthorType], { description: 'The authors, in byline order.' })
  authors(@Root() article: ArticleRow, @Ctx() context: Context): Promise<AuthorRow[]> {
    return context.loaders.author.byArticle.load(article.id);
  }

  @FieldResolver(() => String, { nullable: true, description: "e.g. 'By Jane Doe and John Roe'; null when there are no authors." })
  async byline(@Root() article: ArticleRow, @Ctx() context: Context): Promise<string | null> {
    return byline(await context.loaders.author.byArticle.load(article.id));
  }

  @ListSize(10)
  @FieldResolver(() => [TagType], { description: "The article's tags in the editor's order, optionally of one kind." })
  async tags(
    @Root() article: ArticleRow,
    @Ctx() context: Context,
    @Arg('kind', () => TagKind, { nullable: true, description: 'Only tags of this kind.' }) kind?: TagKind | null,
  ): Promise<TagRow[]> {
    const tags = await context.loaders.tag.byArticle.load(article.id);
    return kind ? tags.filter((tag) => tag.kind === kind) : tags;
  }

  @ListSize(40)
  @FieldResolver(() => [BodyBlockUnion], { description: 'The body as blocks, in reading order.' })
  async body(@Root() article: ArticleRow, @Ctx() context: Context): Promise<BodyBlockValue[]> {
    return toBodyBlocks(article.id, await bodyOf(article, context));
  }

  @FieldResolver(() => String, { description: 'The body as plain text; blocks are separated by blank lines.' })
  async bodyText(@Root() article: ArticleRow, @Ctx() context: Context): Promise<string> {
    return renderText(...(await renderable(article, context)));
  }

  @FieldResolver(() => String, { description: 'The body as sanitized HTML, with an id on every subheading.' })
  async bodyHtml(@Root() article: ArticleRow, @Ctx() context: Context): Promise<string> {
    return renderHtml(...(await renderable(article, context)));
  }

  @ListSize(10)
  @FieldResolver(() => [HeadingBlockType], { description: "The body's subheadings, in order, with their anchors." })
  async tableOfContents(@Root() article: ArticleRow, @Ctx() context: Context): Promise<HeadingBlockType[]> {
    return tableOfContents(await bodyOf(article, context));
  }

  @ListSize(10)
  @FieldResolver(() => [BodySectionType], { description: 'The body grouped under its subheadings; the opening run before the first subheading has no heading.' })
  async bodySections(@Root() article: ArticleRow, @Ctx() context: Context): Promise<BodySectionValue[]> {
    const [body, quotes] = await Promise.all([bodyOf(article, context), context.loaders.quote.byArticle.load(article.id)]);
    return toBodySections(article.id, body, quotes);
  }

  @FieldResolver(() => Int, { description: 'Words in the body, quotes included.' })
  async wordCount(@Root() article: ArticleRow, @Ctx() context: Context): Promise<number> {
    return countWords(renderText(...(await renderable(article, context))));
  }

  @FieldResolver(() => Int, { description: 'Minutes to read the body at 230 words a minute; at least 1.' })
  async readingTimeMinutes(@Root() article: ArticleRow, @Ctx() context: Context): Promise<number> {
    return readingTimeMinutes(countWords(renderText(...(await renderable(article, context)))));
  }

  @ListSize(10)
  @FieldResolver(() => [QuoteType], { description: 'Quotes in the article, in reading order.' })
  quotes(@Root() article: ArticleRow, @Ctx() context: Context): Promise<QuoteRow[]> {
    return context.loaders.quote.byArticle.load(article.id);
  }

  @MaxItems(MAX_RELATED)
  @FieldResolver(() => [RelatedCoverageType], { description: 'Editor-chosen coverage first, in the editor\'s order, then SIMILAR articles chosen by the service.' })
  relatedCoverage(
    @Root() article: ArticleRow,
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5, description: `How many, at most ${MAX_RELATED}.` }) first: number,
  ): Promise<RelatedCoverageRow[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_RELATED) {
      throw badUserInput(`"first" must be between 0 and ${MAX_RELATED} (got ${first}).`, 'first');
    }
    return context.articles.relatedCoverage(article, first);
  }

  @FieldResolver(() => ImageType, { nullable: true, description: 'The picture that leads the piece.' })
  async mainImage(@Root() article: ArticleRow, @Ctx() context: Context): Promise<ImageRow | null> {
    return article.mainImageId === null ? null : context.loaders.image.byId.load(article.mainImageId);
  }

  @ListSize(3)
  @FieldResolver(() => [CorrectionType], { description: 'Published corrections, oldest first.' })
  corrections(@Root() article: ArticleRow, @Ctx() context: Context): Promise<CorrectionRow[]> {
    return context.loaders.correction.byArticle.load(article.id);
  }

  @Mutation(() => ArticlePayload, { description: 'Saves a new DRAFT. Needs a CONTRIBUTOR token or higher.' })
  async createArticle(@Arg('input', () => CreateArticleInput, { description: 'The draft.' }) input: CreateArticleInput, @Ctx() context: Context): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.create(input), (id) => context.articles.byId(id));
  }

  @Mutation(() => ArticlePayload, { description: 'Changes an article made from `expectedVersion`; keeps a revision and redirects a moved URI. Contributors may change drafts only.' })
  async updateArticle(@Arg('input', () => UpdateArticleInput, { description: 'The change.' }) input: UpdateArticleInput, @Ctx() context: Context): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.update(input), (id) => context.articles.byId(id));
  }

  @Mutation(() => ArticlePayload, { description: 'Publishes now, or schedules when `at` lies in the future. A past `at` publishes now, dated `at` (archive imports).' })
  async publishArticle(
    @Arg('id', () => ID, { description: 'The article to publish.' }) id: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'When it goes public; now when left out.' }) at: Date | null | undefined,
    @Ctx() context: Context,
  ): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.publish(id, at), (articleId) => context.articles.byId(articleId));
  }

  @Mutation(() => ArticlePayload, {
    description: 'Puts a piece not yet public under embargo until `until`: PARTNER tokens may read it from now, everyone at `until`, when it goes public with no one acting. Publishing it now, rescheduling or unpublishing ends the embargo. Needs an EDITOR token.',
  })
  async embargoArticle(
    @Arg('id', () => ID, { description: 'The article.' }) id: string,
    @Arg('until', () => DateTimeScalar, { description: 'When the embargo lifts; in the future.' }) until: Date,
    @Ctx() context: Context,
  ): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.embargo(id, until), (saved) => context.loaders.article.byId.load(saved));
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When the embargo on the piece lifts; null when it is under none (or it has lifted).' })
  embargoLiftsAt(@Root() article: ArticleRow, @Ctx() context: Context): Date | null {
    return article.embargoed && effectiveStatus(article, context.now) === ArticleStatus.SCHEDULED ? article.publishedAt : null;
  }

  @Mutation(() => ArticlePayload, { description: 'Takes a published, scheduled or archived article back to DRAFT. Needs an EDITOR token.' })
  async unpublishArticle(@Arg('id', () => ID, { description: 'The article to take down.' }) id: string, @Ctx() context: Context): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.unpublish(id), (articleId) => context.articles.byId(articleId));
  }

  @Mutation(() => ArticlePayload, { description: 'Marks a published article as archived: still readable, no longer current. Needs an EDITOR token.' })
  async archiveArticle(@Arg('id', () => ID, { description: 'The article to archive.' }) id: string, @Ctx() context: Context): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.archive(id), (articleId) => context.articles.byId(articleId));
  }

  @Mutation(() => ArticlePayload, { description: 'Publishes a correction under a published article, dated now. Needs an EDITOR token.' })
  async addCorrection(
    @Arg('articleId', () => ID, { description: 'The corrected article.' }) articleId: string,
    @Arg('text', { description: `What was wrong and what is right, up to ${inWords(LIMITS.correction)} characters.` }) text: string,
    @Ctx() context: Context,
  ): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.addCorrection(articleId, text), (id) => context.articles.byId(id));
  }

  @Mutation(() => ArticlePayload, { description: 'Replaces the editor-chosen related coverage, in the given order.' })
  async setRelatedCoverage(
    @Arg('articleId', () => ID, { description: 'The article the coverage sits beside.' }) articleId: string,
    @Arg('items', () => [RelatedCoverageInput], { description: 'The related articles, in order; an empty list removes them all.' }) items: RelatedCoverageInput[],
    @Ctx() context: Context,
  ): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.setRelatedCoverage(articleId, items), (id) => context.articles.byId(id));
  }

  @Mutation(() => ArticlePayload, { description: 'Turns plain or Markdown copy into a draft: headings, paragraphs, lists, the quotes it finds with their speakers and outlets, and tags for the people, organizations and places it names (existing tags by name or alias, new ones otherwise). analyzeCopy shows the same without saving.' })
  async importArticle(@Arg('input', () => ImportArticleInput, { description: 'The copy and where to file it.' }) input: ImportArticleInput, @Ctx() context: Context): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.importCopy(input), (id) => context.articles.byId(id));
  }

  @Mutation(() => ArticlePayload, {
    description:
      "Runs the copy analysis again over a draft's body as it now stands: the quotes it found before are renewed, quotes an editor added or corrected are kept, quotes an editor removed stay removed, and the tags it names join the article's, but for those an editor took off it.",
  })
  async reanalyzeArticle(
    @Arg('id', () => ID, { description: 'The article to read again.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version the editor saw; a newer one refuses the change (CONFLICT).' }) expectedVersion: number,
    @Ctx() context: Context,
  ): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.reanalyze(id, expectedVersion), (articleId) => context.articles.byId(articleId));
  }

  @ListSize(20)
  @FieldResolver(() => [ArticleRevisionType], { description: 'Every saved change, newest first. For newsroom tokens only.' })
  revisions(@Root() article: ArticleRow, @Ctx() context: Context): Promise<ArticleRevisionRow[]> {
    return context.articles.revisions(article);
  }

  @Mutation(() => ArticlePayload, { description: 'Brings back the content (headline, slug, standfirst, section, credits, body, main image) of an earlier version, as a new revision; the status stays.' })
  async restoreArticleRevision(
    @Arg('input', () => RestoreArticleRevisionInput, { description: 'Which version to bring back.' }) input: RestoreArticleRevisionInput,
    @Ctx() context: Context,
  ): Promise<PayloadValue<ArticleRow>> {
    return toPayload(await context.articleEditor.restore(input), (id) => context.articles.byId(id));
  }
}

/** An article's body blocks, batched for a page; article rows leave the body out (article.loaders.ts). */
function bodyOf(article: ArticleRow, context: Context): Promise<StoredBlock[]> {
  return context.loaders.article.body.load(article.id);
}

/** A body with what it refers to, as the renderers take them. */
async function renderable(article: ArticleRow, context: Context): Promise<[StoredBlock[], BodyLookup]> {
  const body = await bodyOf(article, context);
  return [body, await bodyLookup(article.id, body, context)];
}

/** The quotes and images a body refers to, fetched through the loaders so a page batches them. */
async function bodyLookup(articleId: number, body: StoredBlock[], context: Context): Promise<BodyLookup> {
  const imageIds = body.flatMap((block) => (block.type === 'IMAGE' ? [block.imageId] : []));
  const [quotes, images] = await Promise.all([
    body.some((block) => block.type === 'QUOTE') ? context.loaders.quote.byArticle.load(articleId) : [],
    context.loaders.image.byId.loadMany(imageIds),
  ]);
  const quoteById = new Map(quotes.map((quote) => [quote.id, quote]));
  const imageById = new Map(images.flatMap((image) => (image && !(image instanceof Error) ? [[image.id, image] as const] : [])));
  return { quote: (id) => quoteById.get(id), image: (id) => imageById.get(id) };
}

@Resolver(() => ArticleRevisionType)
export class ArticleRevisionResolver {
  @FieldResolver(() => String, { description: 'The body at this version, as plain text.' })
  async bodyText(@Root() revision: ArticleRevisionRow, @Ctx() context: Context): Promise<string> {
    return renderText(revision.body, await bodyLookup(revision.articleId, revision.body, context));
  }
}
