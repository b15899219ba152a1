import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asksFor } from '../../pagination/selection';
import type { Context } from '../../context';
import type { ConnectionResult } from '../../pagination/connection.type';
import { PageArgs } from '../../pagination/page.args';
import { ArticleConnection, type ArticleRow } from '../article/article.type';
import { ImageType, type ImageRow } from '../image/image.type';
import { AuthorConnection, AuthorType, authorUri, type AuthorRow } from './author.type';
import { toPayload, type PayloadValue } from '../../errors/payload.type';
import { CreateAuthorInput } from './author.inputs';
import { AuthorPayload } from './author.payloads';

@Resolver(() => AuthorType)
export class AuthorResolver {
  @Query(() => AuthorType, { nullable: true, description: 'An author by slug; null when there is none.' })
  author(@Arg('slug', { description: 'The last part of the author page URI.' }) slug: string, @Ctx() context: Context): Promise<AuthorRow | null> {
    return context.authors.bySlug(slug);
  }

  @Query(() => AuthorConnection, { description: 'Authors A to Z.' })
  authors(@Args() args: PageArgs, @Ctx() context: Context): Promise<ConnectionResult<AuthorRow>> {
    return context.authors.list(args);
  }

  @FieldResolver(() => String, { description: 'The public path of the author page, e.g. /author/jane-doe.' })
  uri(@Root() author: AuthorRow): string {
    return authorUri(author);
  }

  @FieldResolver(() => ImageType, { nullable: true, description: "The author's portrait." })
  async image(@Root() author: AuthorRow, @Ctx() context: Context): Promise<ImageRow | null> {
    return author.imageId === null ? null : context.loaders.image.byId.load(author.imageId);
  }

  @FieldResolver(() => ArticleConnection, { description: "The author's articles, newest first." })
  articles(@Root() author: AuthorRow, @Args() args: PageArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ArticleRow>> {
    return context.articles.list(args, { authorId: author.id }, asksFor(info, 'totalCount'));
  }

  @Mutation(() => AuthorPayload, { description: 'Adds an author for bylines. Needs an EDITOR token.' })
  async createAuthor(@Arg('input', () => CreateAuthorInput, { description: 'The author.' }) input: CreateAuthorInput, @Ctx() context: Context): Promise<PayloadValue<AuthorRow>> {
    return toPayload(await context.authors.create(input), (id) => context.loaders.author.byId.load(id));
  }
}
