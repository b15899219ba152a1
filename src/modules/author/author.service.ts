import { Role } from '../../auth/viewer';
import { Problems } from '../../errors/errors';
import type { ConnectionResult } from '../../pagination/connection.type';
import { pageByName } from '../../pagination/by-name';
import type { RequestContext, WriteResult } from '../../request';
import { chooseSlug, expectFreeSlug } from '../route/slug';
import { Author } from './author.entity';
import type { CreateAuthorInput } from './author.inputs';
import { AUTHOR_COLUMNS } from './author.loaders';
import type { AuthorRow } from './author.type';

export class AuthorService {
  constructor(private readonly context: RequestContext) {}

  async bySlug(slug: string): Promise<AuthorRow | null> {
    return this.context.loaders.author.bySlug.load(slug.trim().toLowerCase());
  }

  /** Editors add bylines; two authors may share a name but not a slug. */
  create(input: CreateAuthorInput): Promise<WriteResult<number>> {
    return this.context.write('createAuthor', Role.EDITOR, async (tx) => {
      const problems = new Problems();
      const name = problems.text(['input', 'name'], input.name, 200, true);
      const jobTitle = problems.text(['input', 'jobTitle'], input.jobTitle, 200, false);
      const bio = problems.text(['input', 'bio'], input.bio, 5_000, false);
      const slug = chooseSlug(input.slug, input.name, problems);
      problems.check();
      await expectFreeSlug(tx, Author, slug, 'author');
      const author = tx.create(Author, { name: name!, slug, jobTitle, bio });
      await tx.flush();
      return { value: author.id, subject: { type: 'Author', id: author.id } };
    });
  }

  /** Authors A to Z. */
  async list(args: { first?: number | null; after?: string | null }): Promise<ConnectionResult<AuthorRow>> {
    const { reader } = this.context;
    this.context.cache.list('Author');
    return pageByName<AuthorRow>(reader, 'Author', 'au', AUTHOR_COLUMNS, () => reader.knex({ au: 'author' }), args);
  }
}
