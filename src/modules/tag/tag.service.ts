import type { Context } from '../../context';
import { containsPattern } from '../../database/reader';
import type { ConnectionResult } from '../../pagination/connection.type';
import { pageByName } from '../../pagination/by-name';
import type { TagKind } from './tag.enums';
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

  /** Tags A to Z, optionally of one kind or whose name contains `query` (for pickers in the CMS). */
  async list(args: TagListArgs): Promise<ConnectionResult<TagRow>> {
    const { reader } = this.context;
    const words = args.query?.trim().toLowerCase();
    return pageByName<TagRow>(reader, 'Tag', 't', TAG_COLUMNS, () => {
      const query = reader.knex({ t: 'tag' });
      if (args.kind) query.where('t.kind', args.kind);
      if (words) query.whereRaw("lower(t.name) like ? escape '\\'", [containsPattern(words)]);
      return query;
    }, args);
  }
}
