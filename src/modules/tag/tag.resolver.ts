import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asksFor } from '../../pagination/selection';
import type { Context } from '../../context';
import type { ConnectionResult } from '../../pagination/connection.type';
import { PageArgs } from '../../pagination/page.args';
import { ArticleConnection, type ArticleRow } from '../article/article.type';
import { QuoteConnection, type QuoteRow } from '../quote/quote.type';
import { TagKind } from './tag.enums';
import { TagConnection, TagType, tagUri, type TagRow } from './tag.type';
import { toPayload, type PayloadValue } from '../../errors/payload.type';
import { CreateTagInput, UpdateTagInput } from './tag.inputs';
import { MAX_QUERY_LENGTH } from '../search/search.query';
import { TagPayload } from './tag.payloads';

@ArgsType()
class TagsArgs extends PageArgs {
  @Field(() => TagKind, { nullable: true, description: 'Only tags of this kind.' })
  kind?: TagKind | null;

  @Field(() => String, { nullable: true, description: `Only tags whose name or an alias contains these words (at most ${MAX_QUERY_LENGTH} characters).` })
  query?: string | null;
}

@Resolver(() => TagType)
export class TagResolver {
  @Query(() => TagType, { nullable: true, description: 'A tag by its slug; null when there is none.' })
  tag(@Arg('slug', { description: 'The tag slug, e.g. kim-jong-un.' }) slug: string, @Ctx() context: Context): Promise<TagRow | null> {
    return context.tags.bySlug(slug);
  }

  @Query(() => TagConnection, { description: 'Tags A to Z.' })
  tags(@Args() args: TagsArgs, @Ctx() context: Context): Promise<ConnectionResult<TagRow>> {
    return context.tags.list(args);
  }

  @FieldResolver(() => String, { description: 'The public path of the tag page, e.g. /tag/kim-jong-un.' })
  uri(@Root() tag: TagRow): string {
    return tagUri(tag);
  }

  @FieldResolver(() => [String], { description: 'Other names of the tag, e.g. KCNA for Korean Central News Agency, in the editor\'s order; searching tags finds them too.' })
  aliases(@Root() tag: TagRow, @Ctx() context: Context): Promise<string[]> {
    return context.loaders.tag.aliases.load(tag.id);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles with this tag, newest first.' })
  articles(@Root() tag: TagRow, @Args() args: PageArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ArticleRow>> {
    return context.articles.list(args, { tagId: tag.id }, asksFor(info, 'totalCount'));
  }

  @FieldResolver(() => QuoteConnection, { description: 'Quotes whose speaker is this tag, newest article first.' })
  quotes(@Root() tag: TagRow, @Args() args: PageArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<QuoteRow>> {
    return context.quotes.list(args, tag.id, asksFor(info, 'totalCount'));
  }

  @Mutation(() => TagPayload, { description: 'Adds a tag. Needs an EDITOR token.' })
  async createTag(@Arg('input', () => CreateTagInput, { description: 'The tag.' }) input: CreateTagInput, @Ctx() context: Context): Promise<PayloadValue<TagRow>> {
    return toPayload(await context.tags.create(input), (id) => context.loaders.tag.byId.load(id));
  }

  @Mutation(() => TagPayload, { description: 'Renames a tag or replaces its aliases; its slug and URI stay. Needs an EDITOR token.' })
  async updateTag(@Arg('input', () => UpdateTagInput, { description: 'The changes.' }) input: UpdateTagInput, @Ctx() context: Context): Promise<PayloadValue<TagRow>> {
    return toPayload(await context.tags.update(input), (id) => context.loaders.tag.byId.load(id));
  }
}
