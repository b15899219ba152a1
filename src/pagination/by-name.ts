import type { Knex } from '@mikro-orm/knex';
import type { SqlReader } from '../database/reader';
import { asNodes, type NodeRow } from '../modules/node/node.type';
import { ConnectionResult } from './connection.type';
import { orderBy, whereAfter, type SortColumn } from './keyset';
import { pageRequest, toPage } from './page';

/**
 * Pages a directory (tags, authors) alphabetically. `filtered` builds the query with its filters but
 * no select, so the same conditions serve the page and its totalCount.
 */
export async function pageByName<T extends NodeRow & { name: string }>(
  reader: SqlReader,
  typename: T['__typename'],
  alias: string,
  columns: string[],
  filtered: () => Knex.QueryBuilder,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionResult<T>> {
  const sort: SortColumn[] = [
    { column: `${alias}.name`, direction: 'asc' },
    { column: `${alias}.id`, direction: 'asc' },
  ];
  const request = pageRequest(args, 'NAME', ['string', 'id']);
  const query = filtered().select(columns);
  if (request.after) whereAfter(query, sort, request.after);
  orderBy(query, sort).limit(request.first + 1);
  const rows = asNodes(typename, await reader.all<T>(query));
  return new ConnectionResult(toPage(rows, request, 'NAME', (row) => [row.name, row.id], () => reader.count(filtered())));
}
