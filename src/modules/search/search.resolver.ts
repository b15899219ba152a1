import { Arg, Args, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../pagination/page.args';
import { ArticleFilterInput } from '../article/article.inputs';
import { SearchConnectionType } from './search.type';
import { searchArticles } from './search.service';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnectionType, { description: 'Full-text search over published articles, best match first.' })
  search(
    @Arg('query', { description: 'Words to find; "quoted phrases" and -excluded words work.' }) _query: string,
    @Arg('filter', () => ArticleFilterInput, { nullable: true, description: 'Narrows the hits like an article list.' }) _filter: ArticleFilterInput | null,
    @Args() page: PageArgs,
  ): SearchConnectionType {
    return searchArticles(page);
  }
}
