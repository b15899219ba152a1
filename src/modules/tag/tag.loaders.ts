import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { manyByKey, oneByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { TagRow } from './tag.type';

export const TAG_COLUMNS = ['t.id', 't.slug', 't.name', 't.kind', 't.description', 't.version'];

/** Each records what it read in `scope`: lookups by anything but id depend on the whole list. */
export function createTagLoaders(reader: SqlReader, scope: CacheScope) {
  const select = () => reader.knex({ t: 'tag' }).select(TAG_COLUMNS);
  const byId = new DataLoader<number, TagRow | null>(async (ids) => {
    scope.objects('Tag', ids);
    return oneByKey(ids, asNodes('Tag', await reader.compiled<TagRow, { ids: readonly number[] }>('tag.byId', { ids }, (values) => select().whereIn('t.id', values.ids))), (row) => row.id);
  });
  return {
    byId,
    /** Tags another read fetched along the way (quotes' speakers): byId answers them without a statement. */
    known(rows: TagRow[]): void {
      scope.objects('Tag', rows.map((row) => row.id));
      for (const row of rows) byId.prime(row.id, row);
    },
    bySlug: new DataLoader<string, TagRow | null>(async (slugs) => {
      return oneByKey(slugs, scope.found('Tag', slugs.length, asNodes('Tag', await reader.all<TagRow>(select().whereIn('t.slug', slugs as string[])))), (row) => row.slug);
    }),
    /** Each article's tags in the editor's order; the answer also holds each tag, whose name an editor may change (updateTag). */
    byArticle: new DataLoader<number, TagRow[]>(async (articleIds) => {
      scope.objects('Article', articleIds);
      const rows = await reader.compiled<TagRow & { articleId: number }, { ids: readonly number[] }>('tag.byArticle', { ids: articleIds }, (values) =>
        select().select('at.article_id as articleId').join({ at: 'article_tag' }, 'at.tag_id', 't.id').whereIn('at.article_id', values.ids).orderBy(['at.article_id', 'at.position']),
      );
      scope.objects('Tag', rows.map((row) => row.id));
      return manyByKey(articleIds, asNodes('Tag', rows), (row) => row.articleId);
    }),
    /** Each tag's aliases in the editor's order. */
    aliases: new DataLoader<number, string[]>(async (tagIds) => {
      scope.objects('Tag', tagIds);
      const rows = await reader.compiled<{ tagId: number; alias: string }, { ids: readonly number[] }>('tag.aliases', { ids: tagIds }, (values) =>
        reader.knex({ ta: 'tag_alias' }).select('ta.tag_id as tagId', 'ta.alias').whereIn('ta.tag_id', values.ids).orderBy(['ta.tag_id', 'ta.position']),
      );
      return manyByKey(tagIds, rows, (row) => row.tagId).map((list) => list.map((row) => row.alias));
    }),
    /**
     * The tag whose name or alias has this key (tagNameKey), or null: many keys in one statement. A name
     * wins over an alias, then the oldest tag (names need not be unique; an alias is unique and never
     * another tag's name, see TagService).
     */
    byNameOrAlias: new DataLoader<string, TagRow | null>(
      async (keys) => {
        const rows = await reader.compiled<NamedTagRow, { keys: readonly string[] }>('tag.byNameOrAlias', { keys }, (values) => namedTags(reader, values.keys));
        const first = new Map<string, TagRow>();
        for (const { matched, via: _via, ...row } of asNodes('Tag', rows)) if (!first.has(matched)) first.set(matched, row);
        const found = keys.map((key) => first.get(key) ?? null);
        scope.objects('Tag', [...new Set(found.flatMap((row) => (row ? [row.id] : [])))]);
        // A key that found nothing may name a tag created or renamed later.
        if (found.includes(null)) scope.lookup('Tag');
        return found;
      },
      // Each key is bound twice: well under both databases' limits on bound parameters.
      { maxBatchSize: 500 },
    ),
  };
}

/** A tag found by a name or alias key: `matched` is the key, `via` 0 for its name and 1 for an alias. */
export type NamedTagRow = TagRow & { matched: string; via: number };

/**
 * Tags whose name or alias has one of these keys (tagNameKey), names first, then the oldest tag: one
 * statement, index lookups on both keys (tag.name_key, tag_alias.normalized).
 */
export function namedTags(reader: SqlReader, keys: readonly string[]) {
  const { knex } = reader;
  const tag = () => knex({ t: 'tag' }).select(TAG_COLUMNS);
  const byName = tag().select('t.name_key as matched', knex.raw('0 as via')).whereIn('t.name_key', keys as string[]);
  const byAlias = tag().select('ta.normalized as matched', knex.raw('1 as via')).join({ ta: 'tag_alias' }, 'ta.tag_id', 't.id').whereIn('ta.normalized', keys as string[]);
  return knex.select('m.*').from(byName.unionAll(byAlias).as('m')).orderBy(['m.via', 'm.id']);
}
