import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { expect } from 'vitest';

export interface Answer<R> {
  status: number;
  data: R;
  headers: Headers;
  /** HIT, MISS or BYPASS (x-cache), or null for answers never cacheable. */
  cache: string | null;
}

/** Sends a query the way a front end does (POST, JSON), anonymously unless `headers` add a token. */
export async function read<R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V, headers: Record<string, string> = {}): Promise<Answer<R>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data: R; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { status: response.status, data: body.data, headers: response.headers, cache: response.headers.get('x-cache') };
}

/** Reads until the answer comes from the cache, so a later read shows whether a write evicted it. */
export async function warm<R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  await read(url, document, variables);
  const again = await read(url, document, variables);
  expect(again.cache).toBe('HIT');
  return again.data;
}
