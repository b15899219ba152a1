import type { Knex } from '@mikro-orm/knex';
import { canPreview } from '../../auth/viewer';
import { whereStatus } from '../../auth/visibility';
import type { Context } from '../../context';
import { ConnectionResult } from '../../pagination/connection.type';
import { orderBy, whereAfter, type SortColumn } from '../../pagination/keyset';
import { pageRequest, toPage } from '../../pagination/page';
import { containsPattern, toDate } from '../../database/reader';
import { fromGlobalIdOf } from '../node/global-id';
import { asNodes } from '../node/node.type';
import type { QuoteFilterInput } from './quote.inputs';
import { QUOTE_COLUMNS } from './quote.loaders';
import type { QuoteRow } from './quote.type';

export interface QuoteListArgs {
  filter?: QuoteFilterInput | null;
  first?: number | null;
  after?: string | null;
}

/** Newest article first, then reading order within each article. */
const SORT: SortColumn[] = [
  { column: 'a.published_at', direction: 'desc' },
  { column: 'q.article_id', direction: 'desc' },
  { column: 'q.position', direction: 'asc' },
];

export class QuoteService {
  constructor(private readonly context: Context) {}

  /** A quote is visible when its article is. */
  async byId(id: number): Promise<QuoteRow | null> {
    const quote = await this.context.loaders.quote.byId.load(id);
    return quote && (await this.context.articles.byId(quote.articleId)) ? quote : null;
  }

  /** Who said what, across articles. `speakerId` fixes the speaker for Tag.quotes. */
  async list(args: QuoteListArgs, speakerId?: number): Promise<ConnectionResult<QuoteRow & { publishedAt: Date }>> {
    const { reader } = this.context;
    const articleId = args.filter?.article ? fromGlobalIdOf('Article', args.filter.article, 'filter.article') : undefined;
    const request = pageRequest(args, 'SPEAKER', ['number', 'number', 'number']);
    const filtered = (): Knex.QueryBuilder => {
      const knex = reader.knex;
      const query = knex({ q: 'quote' }).join({ a: 'article' }, 'a.id', 'q.article_id');
      if (!canPreview(this.context.viewer)) whereStatus(query, reader, this.context.now, null);
      if (speakerId !== undefined) query.where('q.speaker_id', speakerId);
      const speaker = args.filter?.speaker?.trim().toLowerCase();
      if (speaker) query.whereIn('q.speaker_id', knex('tag').select('id').where('slug', speaker));
      if (articleId !== undefined) query.where('q.article_id', articleId);
      const words = args.filter?.query?.trim().toLowerCase();
      if (words) query.whereRaw("lower(q.text) like ? escape '\\'", [containsPattern(words)]);
      return query;
    };
    const query = filtered().select([...QUOTE_COLUMNS, 'a.published_at as publishedAt']);
    if (request.after) whereAfter(query, SORT, [reader.date(new Date(request.after[0])), request.after[1], request.after[2]]);
    orderBy(query, SORT).limit(request.first + 1);
    const rows = asNodes('Quote', await reader.all<QuoteRow & { publishedAt: Date }>(query));
    for (const row of rows) row.publishedAt = toDate(row.publishedAt ?? 0);
    return new ConnectionResult(
      toPage(rows, request, 'SPEAKER', (row) => [row.publishedAt.getTime(), row.articleId, row.position], () => reader.count(filtered())),
    );
  }
}
