import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import { manyByKey, oneByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { SectionRow } from './section.type';

export const SECTION_COLUMNS = ['id', 'slug', 'name', 'path', 'parent_id as parentId', 'position', 'description'];

/** Each records what it read in `scope`: lookups by path and children depend on the whole tree. */
export function createSectionLoaders(reader: SqlReader, scope: CacheScope) {
  const select = () => reader.knex('section').select(SECTION_COLUMNS);
  return {
    byId: new DataLoader<number, SectionRow | null>(async (ids) => {
      scope.objects('Section', ids);
      return oneByKey(ids, asNodes('Section', await reader.all<SectionRow>(select().whereIn('id', ids as number[]))), (row) => row.id);
    }),
    byPath: new DataLoader<string, SectionRow | null>(async (paths) => {
      return oneByKey(paths, scope.found('Section', paths.length, asNodes('Section', await reader.all<SectionRow>(select().whereIn('path', paths as string[])))), (row) => row.path);
    }),
    /** Children in editorial order. */
    childrenOf: new DataLoader<number, SectionRow[]>(async (ids) => {
      scope.lookup('Section');
      const rows = await reader.all<SectionRow>(select().whereIn('parent_id', ids as number[]).orderBy(['position', 'id']));
      return manyByKey(ids, asNodes('Section', rows), (row) => row.parentId as number);
    }),
  };
}

export type SectionLoaders = ReturnType<typeof createSectionLoaders>;
