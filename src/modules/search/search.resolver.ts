import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { PageArgs } from '../../pagination/page.args';
import { ArticleFilterInput } from '../article/article.inputs';
import type { SearchResult } from './search.service';
import { SearchConnectionType } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnectionType, { description: 'Full-text search over published articles, best match first.' })
  search(
    @Arg('query', { description: 'Words to find; "quoted phrases" and -excluded words work.' }) query: string,
    @Arg('filter', () => ArticleFilterInput, { nullable: true, description: 'Narrows the hits like an article list.' }) filter: ArticleFilterInput | null,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ): Promise<SearchResult> {
    return context.search.search({ query, filter, ...page });
  }
}
