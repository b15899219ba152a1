import type { Context } from '../../context';
import type { ConnectionResult } from '../../pagination/connection.type';
import { pageByName } from '../../pagination/by-name';
import { AUTHOR_COLUMNS } from './author.loaders';
import type { AuthorRow } from './author.type';

export class AuthorService {
  constructor(private readonly context: Context) {}

  async bySlug(slug: string): Promise<AuthorRow | null> {
    return this.context.loaders.author.bySlug.load(slug.trim().toLowerCase());
  }

  /** Authors A to Z. */
  async list(args: { first?: number | null; after?: string | null }): Promise<ConnectionResult<AuthorRow>> {
    const { reader } = this.context;
    return pageByName<AuthorRow>(reader, 'Author', 'au', AUTHOR_COLUMNS, () => reader.knex({ au: 'author' }), args);
  }
}
