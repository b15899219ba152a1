import { pageSize } from '../../pagination/page';
import type { SearchConnectionType } from './search.type';

/**
 * Full-text search arrives with the discovery work (SQLite FTS5, PostgreSQL tsvector). Until then a
 * search checks its paging arguments and answers an empty result, as the foundation allows.
 */
export function searchArticles(page: { first?: number | null }): SearchConnectionType {
  pageSize(page.first);
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 };
}
