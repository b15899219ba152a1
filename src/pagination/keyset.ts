import type { Knex } from '@mikro-orm/knex';
export interface SortColumn {
  column: string;
  direction: 'asc' | 'desc';
}

/**
 * Adds "after this key" to a query ordered by `columns`: (a > x) or (a = x and b > y) …, with each
 * comparison turned for its column's direction. Keyset paging keeps deep pages as cheap as the first.
 */
export function whereAfter(qb: Knex.QueryBuilder, columns: SortColumn[], key: readonly (string | number | Date)[]): Knex.QueryBuilder {
  return qb.where((outer) => {
    columns.forEach((_, depth) => {
      outer.orWhere((inner) => {
        for (let i = 0; i < depth; i += 1) inner.where(columns[i].column, '=', key[i]);
        inner.where(columns[depth].column, columns[depth].direction === 'asc' ? '>' : '<', key[depth]);
      });
    });
  });
}

export function orderBy(qb: Knex.QueryBuilder, columns: SortColumn[]): Knex.QueryBuilder {
  for (const { column, direction } of columns) qb.orderBy(column, direction);
  return qb;
}
