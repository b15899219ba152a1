import type { Context } from '../../context';
import { asNodes } from '../node/node.type';
import { SECTION_COLUMNS } from './section.loaders';
import type { SectionRow } from './section.type';

/** "/World/Asia/" and "world/asia" name the same section. */
export function normalizeSectionPath(path: string): string {
  return path.trim().toLowerCase().replace(/^\/+|\/+$/g, '');
}

export class SectionService {
  constructor(private readonly context: Context) {}

  async byPath(path: string): Promise<SectionRow | null> {
    return this.context.loaders.section.byPath.load(normalizeSectionPath(path));
  }

  /** Top-level sections in editorial order. */
  async topLevel(): Promise<SectionRow[]> {
    const { reader } = this.context;
    const rows = await reader.all<SectionRow>(
      reader.knex('section').select(SECTION_COLUMNS).whereNull('parent_id').orderBy(['position', 'id']),
    );
    return asNodes('Section', rows);
  }
}
