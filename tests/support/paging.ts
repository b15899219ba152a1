/** Follows endCursor until hasNextPage is false; fails on a list that never ends. */
export async function collectPages<T>(
  fetchPage: (after: string | null) => Promise<{ nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(after);
    items.push(...result.nodes);
    if (!result.pageInfo.hasNextPage) return items;
    after = result.pageInfo.endCursor ?? null;
  }
  throw new Error(`still paging after ${maxPages} pages`);
}
