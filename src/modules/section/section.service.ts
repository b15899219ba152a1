import { Role } from '../../auth/viewer';
import { duplicate, invalid, notFound, Problems, Refusal } from '../../errors/errors';
import type { RequestContext, WriteResult } from '../../request';
import { tryGlobalIdOf } from '../node/global-id';
import { asNodes } from '../node/node.type';
import { chooseSlug } from '../route/slug';
import { Section } from './section.entity';
import type { CreateSectionInput } from './section.inputs';
import { SECTION_COLUMNS } from './section.loaders';
import type { SectionRow } from './section.type';

/** "/World/Asia/" and "world/asia" name the same section. */
export function normalizeSectionPath(path: string): string {
  return path.trim().toLowerCase().replace(/^\/+|\/+$/g, '');
}

/** Top-level slugs that route prefixes own: /tag/<slug> and /author/<slug>. */
const RESERVED_SLUGS = new Set(['tag', 'author']);

export class SectionService {
  constructor(private readonly context: RequestContext) {}

  async byPath(path: string): Promise<SectionRow | null> {
    return this.context.loaders.section.byPath.load(normalizeSectionPath(path));
  }

  /** Admins shape the site: a new section goes last among its siblings. */
  create(input: CreateSectionInput): Promise<WriteResult<number>> {
    return this.context.write('createSection', Role.ADMIN, async (tx) => {
      const problems = new Problems();
      const name = problems.text(['input', 'name'], input.name, 120, true);
      const description = problems.text(['input', 'description'], input.description, 2_000, false);
      const slug = chooseSlug(input.slug, input.name, problems);
      const parentId = input.parentId ? tryGlobalIdOf('Section', input.parentId) : null;
      if (input.parentId && parentId === null) problems.add(notFound(['input', 'parentId'], 'No section has this ID.'));
      problems.check();
      const parent = parentId === null ? null : await tx.findOne(Section, parentId);
      if (parentId !== null && !parent) throw new Refusal([notFound(['input', 'parentId'], 'No section has this ID.')]);
      if (!parent && RESERVED_SLUGS.has(slug)) {
        throw new Refusal([invalid(['input', 'slug'], `"${slug}" cannot be a top-level section: /${slug}/… is where ${slug} pages live.`)]);
      }
      const path = parent ? `${parent.path}/${slug}` : slug;
      if (await tx.count(Section, { path })) throw new Refusal([duplicate(['input', 'slug'], `A section at /${path} exists already.`)]);
      const position = await tx.count(Section, { parent });
      const section = tx.create(Section, { name: name!, slug, path, parent, position, description });
      await tx.flush();
      return { value: section.id, subject: { type: 'Section', id: section.id } };
    });
  }

  /** Top-level sections in editorial order. */
  async topLevel(): Promise<SectionRow[]> {
    const { reader } = this.context;
    this.context.cache.list('Section');
    const rows = await reader.all<SectionRow>(
      reader.knex('section').select(SECTION_COLUMNS).whereNull('parent_id').orderBy(['position', 'id']),
    );
    return asNodes('Section', rows);
  }
}
