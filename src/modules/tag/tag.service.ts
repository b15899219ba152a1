import { Role } from '../../auth/viewer';
import type { Context, WriteResult } from '../../context';
import { invalid, Problems } from '../../errors/errors';
import { containsPattern } from '../../database/reader';
import { checkQueryLength } from '../search/search.query';
import type { ConnectionResult } from '../../pagination/connection.type';
import { pageByName } from '../../pagination/by-name';
import { chooseSlug, expectFreeSlug } from '../route/slug';
import { Tag } from './tag.entity';
import { TagKind } from './tag.enums';
import type { CreateTagInput } from './tag.inputs';
import { TAG_COLUMNS } from './tag.loaders';
import type { TagRow } from './tag.type';

export interface TagListArgs {
  kind?: TagKind | null;
  query?: string | null;
  first?: number | null;
  after?: string | null;
}

export class TagService {
  constructor(private readonly context: Context) {}

  async bySlug(slug: string): Promise<TagRow | null> {
    return this.context.loaders.tag.bySlug.load(slug.trim().toLowerCase());
  }

  /** Editors curate tags; a slug that is taken is a DUPLICATE rather than a near-twin tag. */
  create(input: CreateTagInput): Promise<WriteResult<number>> {
    return this.context.write('createTag', Role.EDITOR, async (tx) => {
      const problems = new Problems();
      const name = problems.text(['input', 'name'], input.name, 200, true);
      const description = problems.text(['input', 'description'], input.description, 2_000, false);
      const slug = chooseSlug(input.slug, input.name, problems);
      if (!Object.values(TagKind).includes(input.kind)) problems.add(invalid(['input', 'kind'], 'Unknown tag kind.'));
      problems.check();
      await expectFreeSlug(tx, Tag, slug, 'tag');
      const tag = tx.create(Tag, { name: name!, slug, kind: input.kind, description });
      await tx.flush();
      return { value: tag.id, subject: { type: 'Tag', id: tag.id } };
    });
  }

  /** Tags A to Z, optionally of one kind or whose name contains `query` (for pickers in the CMS). */
  async list(args: TagListArgs): Promise<ConnectionResult<TagRow>> {
    const { reader } = this.context;
    this.context.cache.list('Tag');
    checkQueryLength(args.query, 'query');
    const words = args.query?.trim().toLowerCase();
    return pageByName<TagRow>(reader, 'Tag', 't', TAG_COLUMNS, () => {
      const query = reader.knex({ t: 'tag' });
      if (args.kind) query.where('t.kind', args.kind);
      if (words) query.whereRaw("lower(t.name) like ? escape '\\'", [containsPattern(words)]);
      return query;
    }, args);
  }
}
