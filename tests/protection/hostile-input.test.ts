import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function send(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('hostile input is refused as bad input, never answered as a failure of ours', () => {
  it('variables nested thousands deep: answered (the response cache leaves such a request alone)', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const answer = await send(`{"query":"{ sections { name } }","variables":{"x":${deep}}}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data?.sections).toBeTruthy();
  });

  it('a persisted query of an unknown version or a hash that does not match: a 400 saying so', async () => {
    const version = await send(JSON.stringify({ query: '{ sections { name } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }));
    expect(version.status).toBe(400);
    expect(version.body.errors?.[0]).toMatchObject({ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } });
    const hash = await send(JSON.stringify({ query: '{ sections { name } }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }));
    expect(hash.status).toBe(400);
    expect(hash.body.errors?.[0]).toMatchObject({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('fragments that spread each other twice, forty levels deep: refused by cost at once', async () => {
    const fragments = ['fragment F0 on Query { sections { name } }', ...Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`)];
    const answer = await send(JSON.stringify({ query: `query Bomb { ...F40 } ${fragments.join(' ')}` }));
    expect(answer.status).toBe(400);
    // 2^40 spreads of F0, each a list of 10 sections.
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', found: 2 ** 40 * 10 });
  });

  it('text no database can store (NUL, half a surrogate pair), in variables or in the query: BAD_USER_INPUT, nothing saved', async () => {
    const token = { authorization: `Bearer ${t.app.prepared.demoToken}` };
    const createTag = 'mutation Tag($name: String!) { createTag(input: { name: $name, kind: PERSON }) { tag { id } userErrors { code } } }';
    for (const name of ['Kim\u0000Jong', 'half \ud800 pair', 'other half \udc00']) {
      const answer = await send(JSON.stringify({ query: createTag, variables: { name } }), token);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0].message).toMatch(/cannot be stored/);
    }
    const literal = await send(JSON.stringify({ query: '{ tags(query: "kim\\u0000") { totalCount } }' }));
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tags = await send(JSON.stringify({ query: '{ tags(query: "Kim", first: 100) { nodes { name } } }' }));
    expect((tags.body.data?.tags as { nodes: { name: string }[] }).nodes.map((tag) => tag.name)).not.toContain('Kim\u0000Jong');
    // A whole pair is ordinary text.
    const emoji = await send(JSON.stringify({ query: createTag, variables: { name: 'Ms 📰 Press' } }), token);
    expect(emoji.body.data?.createTag).toMatchObject({ userErrors: [] });
  });
});
