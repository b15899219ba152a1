import DataLoader from 'dataloader';
import { manyByKey, oneByKey } from '../../database/batch';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { SectionRow } from './section.type';

export const SECTION_COLUMNS = ['id', 'slug', 'name', 'path', 'parent_id as parentId', 'position', 'description'];

export function createSectionLoaders(reader: SqlReader) {
  const select = () => reader.knex('section').select(SECTION_COLUMNS);
  return {
    byId: new DataLoader<number, SectionRow | null>(async (ids) =>
      oneByKey(ids, asNodes('Section', await reader.all<SectionRow>(select().whereIn('id', ids as number[]))), (row) => row.id),
    ),
    byPath: new DataLoader<string, SectionRow | null>(async (paths) =>
      oneByKey(paths, asNodes('Section', await reader.all<SectionRow>(select().whereIn('path', paths as string[]))), (row) => row.path),
    ),
    /** Children in editorial order. */
    childrenOf: new DataLoader<number, SectionRow[]>(async (ids) => {
      const rows = await reader.all<SectionRow>(select().whereIn('parent_id', ids as number[]).orderBy(['position', 'id']));
      return manyByKey(ids, asNodes('Section', rows), (row) => row.parentId as number);
    }),
  };
}

export type SectionLoaders = ReturnType<typeof createSectionLoaders>;
