import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { ConnectionResult } from '../../pagination/connection.type';
import { PageArgs } from '../../pagination/page.args';
import { asksFor } from '../../pagination/selection';
import { ArticleType, type ArticleRow } from '../article/article.type';
import { TagType, type TagRow } from '../tag/tag.type';
import { QuoteFilterInput } from './quote.inputs';
import { toPayload, type PayloadValue } from '../../errors/payload.type';
import { AddQuoteInput, UpdateQuoteInput } from './quote.inputs';
import { QuotePayload } from './quote.payloads';
import { QuoteConnection, QuoteType, type QuoteRow } from './quote.type';

@ArgsType()
class QuotesArgs extends PageArgs {
  @Field(() => QuoteFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: QuoteFilterInput | null;
}

@Resolver(() => QuoteType)
export class QuoteResolver {
  @Query(() => QuoteConnection, { description: 'Who said what: quotes across articles, newest article first.' })
  quotes(@Args() args: QuotesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<QuoteRow>> {
    return context.quotes.list(args, undefined, asksFor(info, 'totalCount'));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the article says who spoke; when false, speakerName is empty and speaker null.' })
  attributed(@Root() quote: QuoteRow): boolean {
    return quote.speakerName !== '';
  }

  @FieldResolver(() => TagType, { nullable: true, description: 'The person or organization quoted, when known.' })
  async speaker(@Root() quote: QuoteRow, @Ctx() context: Context): Promise<TagRow | null> {
    return quote.speakerId === null ? null : context.loaders.tag.byId.load(quote.speakerId);
  }

  @FieldResolver(() => TagType, { nullable: true, description: 'The outlet that carried the words, e.g. a news agency.' })
  async reportedBy(@Root() quote: QuoteRow, @Ctx() context: Context): Promise<TagRow | null> {
    return quote.reportedById === null ? null : context.loaders.tag.byId.load(quote.reportedById);
  }

  @FieldResolver(() => ArticleType, { description: 'The article the quote appears in.' })
  async article(@Root() quote: QuoteRow, @Ctx() context: Context): Promise<ArticleRow | null> {
    return context.loaders.article.byId.load(quote.articleId);
  }

  @Mutation(() => QuotePayload, { description: "Adds a quote found word for word in one of the article's paragraphs; it takes its place in reading order." })
  async addQuote(@Arg('input', () => AddQuoteInput, { description: 'The quote.' }) input: AddQuoteInput, @Ctx() context: Context): Promise<PayloadValue<QuoteRow>> {
    return toPayload(await context.quotes.add(input), (id) => context.loaders.quote.byId.load(id));
  }

  @Mutation(() => QuotePayload, { description: "Corrects a quote's words, speaker, outlet or context; a corrected quote is kept as the editor left it when the article is reanalysed." })
  async updateQuote(@Arg('input', () => UpdateQuoteInput, { description: 'The correction.' }) input: UpdateQuoteInput, @Ctx() context: Context): Promise<PayloadValue<QuoteRow>> {
    return toPayload(await context.quotes.update(input), (id) => context.loaders.quote.byId.load(id));
  }

  @Mutation(() => QuotePayload, { description: 'Removes a quote (and its pull quote in the body, if any); answers with the quote as it was.' })
  async removeQuote(@Arg('id', () => ID, { description: 'The quote to remove.' }) id: string, @Ctx() context: Context): Promise<PayloadValue<QuoteRow>> {
    return toPayload(await context.quotes.remove(id), async (quote) => quote);
  }
}
