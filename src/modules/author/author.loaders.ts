import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { manyByKey, oneByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { AuthorRow } from './author.type';

export const AUTHOR_COLUMNS = ['au.id', 'au.slug', 'au.name', 'au.job_title as jobTitle', 'au.bio', 'au.image_id as imageId'];

/** Each records what it read in `scope`: lookups by anything but id depend on the whole list. */
export function createAuthorLoaders(reader: SqlReader, scope: CacheScope) {
  const select = () => reader.knex({ au: 'author' }).select(AUTHOR_COLUMNS);
  return {
    byId: new DataLoader<number, AuthorRow | null>(async (ids) => {
      scope.objects('Author', ids);
      return oneByKey(ids, asNodes('Author', await reader.compiled<AuthorRow, { ids: readonly number[] }>('author.byId', { ids }, (values) => select().whereIn('au.id', values.ids))), (row) => row.id);
    }),
    bySlug: new DataLoader<string, AuthorRow | null>(async (slugs) => {
      return oneByKey(slugs, scope.found('Author', slugs.length, asNodes('Author', await reader.all<AuthorRow>(select().whereIn('au.slug', slugs as string[])))), (row) => row.slug);
    }),
    /** Each article's authors in byline order. */
    byArticle: new DataLoader<number, AuthorRow[]>(async (articleIds) => {
      scope.objects('Article', articleIds);
      const rows = await reader.compiled<AuthorRow & { articleId: number }, { ids: readonly number[] }>('author.byArticle', { ids: articleIds }, (values) =>
        select().select('aa.article_id as articleId').join({ aa: 'article_author' }, 'aa.author_id', 'au.id').whereIn('aa.article_id', values.ids).orderBy(['aa.article_id', 'aa.position']),
      );
      return manyByKey(articleIds, asNodes('Author', rows), (row) => row.articleId);
    }),
  };
}
