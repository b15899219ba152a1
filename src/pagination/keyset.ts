import type { Knex } from '@mikro-orm/knex';
export interface SortColumn {
  column: string;
  direction: 'asc' | 'desc';
}

/** A sort column that may be an expression (an undated row's stand-in date, say). */
export interface SortKey {
  column: string | Knex.Raw;
  direction: 'asc' | 'desc';
}

/**
 * Adds "after this key" to a query ordered by `columns`: (a > x) or (a = x and b > y) …, with each
 * comparison turned for its column's direction. Keyset paging keeps deep pages as cheap as the first.
 */
export function whereAfter(qb: Knex.QueryBuilder, columns: SortKey[], key: readonly (string | number | Date)[]): Knex.QueryBuilder {
  return qb.where((outer) => {
    columns.forEach((_, depth) => {
      outer.orWhere((inner) => {
        for (let i = 0; i < depth; i += 1) compare(inner, columns[i].column, '=', key[i]);
        compare(inner, columns[depth].column, columns[depth].direction === 'asc' ? '>' : '<', key[depth]);
      });
    });
  });
}

export function orderBy(qb: Knex.QueryBuilder, columns: SortKey[]): Knex.QueryBuilder {
  for (const { column, direction } of columns) {
    if (typeof column === 'string') qb.orderBy(column, direction);
    else qb.orderByRaw(`? ${direction}`, [column]);
  }
  return qb;
}

/** `column op value`, for a column by name or an expression (knex types the two as separate overloads). */
export function compare(qb: Knex.QueryBuilder, column: string | Knex.Raw, operator: string, value: string | number | Date): Knex.QueryBuilder {
  return typeof column === 'string' ? qb.where(column, operator, value) : qb.where(column, operator, value);
}
