import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { manyByKey, oneByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { TagRow } from './tag.type';

export const TAG_COLUMNS = ['t.id', 't.slug', 't.name', 't.kind', 't.description'];

/** Each records what it read in `scope`: lookups by anything but id depend on the whole list. */
export function createTagLoaders(reader: SqlReader, scope: CacheScope) {
  const select = () => reader.knex({ t: 'tag' }).select(TAG_COLUMNS);
  return {
    byId: new DataLoader<number, TagRow | null>(async (ids) => {
      scope.objects('Tag', ids);
      return oneByKey(ids, asNodes('Tag', await reader.compiled<TagRow, { ids: readonly number[] }>('tag.byId', { ids }, (values) => select().whereIn('t.id', values.ids))), (row) => row.id);
    }),
    bySlug: new DataLoader<string, TagRow | null>(async (slugs) => {
      return oneByKey(slugs, scope.found('Tag', slugs.length, asNodes('Tag', await reader.all<TagRow>(select().whereIn('t.slug', slugs as string[])))), (row) => row.slug);
    }),
    /** Each article's tags in the editor's order. */
    byArticle: new DataLoader<number, TagRow[]>(async (articleIds) => {
      scope.objects('Article', articleIds);
      const rows = await reader.compiled<TagRow & { articleId: number }, { ids: readonly number[] }>('tag.byArticle', { ids: articleIds }, (values) =>
        select().select('at.article_id as articleId').join({ at: 'article_tag' }, 'at.tag_id', 't.id').whereIn('at.article_id', values.ids).orderBy(['at.article_id', 'at.position']),
      );
      return manyByKey(articleIds, asNodes('Tag', rows), (row) => row.articleId);
    }),
  };
}
