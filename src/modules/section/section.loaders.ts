import DataLoader from 'dataloader';
import type { CacheScope } from '../../cache/cache-scope';
import type { SqlReader } from '../../database/reader';
import { asNodes } from '../node/node.type';
import type { SectionRow } from './section.type';

export const SECTION_COLUMNS = ['id', 'slug', 'name', 'path', 'parent_id as parentId', 'position', 'description'];

/** Every section, indexed the ways the API looks them up; children in editorial order. */
interface SectionTree {
  byId: Map<number, SectionRow>;
  byPath: Map<string, SectionRow>;
  children: Map<number, SectionRow[]>;
}

/**
 * Sections are a small taxonomy (tens, a few hundred at most), so a request reads the whole tree in
 * one statement, the first time it needs any section, and answers every lookup by id, path or parent
 * from it: a front's section, its children, its cards' sections and their related items' sections
 * were four statements. Each loader records what it read in `scope`: lookups by path and children
 * depend on the whole tree.
 */
export function createSectionLoaders(reader: SqlReader, scope: CacheScope) {
  let tree: Promise<SectionTree> | undefined;
  let loaded: SectionTree | undefined;
  const read = () =>
    (tree ??= reader.compiled<SectionRow, Record<string, never>>('section.all', {}, () => reader.knex('section').select(SECTION_COLUMNS).orderBy(['position', 'id'])).then((rows) => {
      const sections = asNodes('Section', rows);
      const children = new Map<number, SectionRow[]>();
      for (const section of sections) {
        if (section.parentId === null) continue;
        const siblings = children.get(section.parentId);
        if (siblings) siblings.push(section);
        else children.set(section.parentId, [section]);
      }
      loaded = { byId: new Map(sections.map((section) => [section.id, section])), byPath: new Map(sections.map((section) => [section.path, section])), children };
      return loaded;
    }));
  return {
    /**
     * Starts reading the tree for a lookup that will come once another read is in (articles, whose
     * uri names their section), so that both go to the database together. Records nothing: the
     * lookup records what it reads.
     */
    prefetch(): void {
      read().catch(() => {});
    },
    byId: new DataLoader<number, SectionRow | null>(async (ids) => {
      scope.objects('Section', ids);
      const { byId } = await read();
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /**
     * The section with this id, at once when the tree has been read (undefined before): a front's
     * cards and their related items ask for a hundred sections, and a promise for each one cost
     * GraphQL execution more than the lookup.
     */
    byIdNow(id: number): SectionRow | null | undefined {
      if (!loaded) return undefined;
      scope.objects('Section', [id]);
      return loaded.byId.get(id) ?? null;
    },
    byPath: new DataLoader<string, SectionRow | null>(async (paths) => {
      const { byPath } = await read();
      scope.found('Section', paths.length, paths.flatMap((path) => byPath.get(path) ?? []));
      return paths.map((path) => byPath.get(path) ?? null);
    }),
    /** The ids of the section at `path` and, with `subsections`, of every section below it: what its article list covers. */
    under: async (path: string, subsections: boolean): Promise<number[]> => {
      scope.lookup('Section');
      const { byPath } = await read();
      return [...byPath.values()].filter((section) => section.path === path || (subsections && section.path.startsWith(`${path}/`))).map((section) => section.id);
    },
    /** Children in editorial order. */
    childrenOf: new DataLoader<number, SectionRow[]>(async (ids) => {
      scope.lookup('Section');
      const { children } = await read();
      return ids.map((id) => children.get(id) ?? []);
    }),
  };
}

export type SectionLoaders = ReturnType<typeof createSectionLoaders>;
