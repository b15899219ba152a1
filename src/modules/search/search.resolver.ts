import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { PageArgs } from '../../pagination/page.args';
import { asksFor } from '../../pagination/selection';
import { ArticleFilterInput } from '../article/article.inputs';
import { MAX_QUERY_LENGTH } from './search.query';
import type { SearchResult } from './search.service';
import { SearchConnectionType } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnectionType, { description: 'Full-text search over published articles, best match first.' })
  search(
    @Arg('query', { description: `Words to find; "quoted phrases" and -excluded words work. At most ${MAX_QUERY_LENGTH} characters.` }) query: string,
    @Arg('filter', () => ArticleFilterInput, { nullable: true, description: 'Narrows the hits like an article list.' }) filter: ArticleFilterInput | null,
    @Args() page: PageArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchResult> {
    return context.search.search({ query, filter, ...page }, asksFor(info, 'totalCount'));
  }
}
