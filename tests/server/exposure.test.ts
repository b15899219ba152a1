import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { SAEPPYOL } from '../support/demo';

async function post(t: TestApp, query: string) {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('exploration, on by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers introspection, suggests field names, and serves GraphiQL', async () => {
    expect((await post(t, '{ __schema { queryType { name } } }')).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await post(t, '{ artcles { id } }')).body.errors?.[0].message).toMatch(/Did you mean "articles"/);
    const page = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('GraphiQL');
  });
});

describe('exploration turned off (INTROSPECTION=off, GRAPHIQL=off)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ protection: { introspection: false, graphiql: false } });
  });
  afterAll(() => t?.close());

  it('refuses introspection and gives no "Did you mean" hints that would spell out the schema', async () => {
    const introspection = await post(t, '{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await post(t, '{ artcles { id } }');
    expect(typo.body.errors?.[0].message).toBe('Cannot query field "artcles" on type "Query".');
    const argument = await post(t, '{ articles(frist: 2) { totalCount } }');
    expect(argument.body.errors?.[0].message).not.toMatch(/Did you mean/);
    const enumValue = await post(t, '{ tags(kind: PERSN) { totalCount } }');
    expect(enumValue.body.errors?.[0].message).not.toMatch(/Did you mean|PERSON/);
    // Reads still work.
    expect((await post(t, '{ sections { name } }')).body.data).toBeTruthy();
  });

  it('serves no GraphiQL page or assets', async () => {
    const page = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(400);
    expect(await page.text()).not.toContain('GraphiQL');
    expect((await fetch(`${t.app.url}/graphiql/graphiql.js`)).status).toBe(404);
  });
});

describe('an unexpected failure', () => {
  let t: TestApp;
  const logged: { level: number; reqId?: string; err?: { message: string; stack: string }; msg: string }[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logged.push(JSON.parse(line));
        done();
      },
    });
    t = await startTestApp({ cache: { enabled: false }, logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => t?.close());

  it('answers a message, a code and the request id, and logs the detail under that id', async () => {
    // A real fault, not a mock: the database has lost a table the service reads.
    await t.app.orm.em.getConnection().execute('drop table correction');
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ article(slug: "${SAEPPYOL.slug}") { headline corrections { text } } }` }) });
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    const requestId = res.headers.get('x-request-id');
    expect(body.errors).toEqual([
      { message: 'Something went wrong on our side; the error has been logged.', path: ['article', 'corrections'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/correction"|select|no such table|does not exist/i);
    const entry = logged.find((line) => line.reqId === requestId && line.level === 50);
    expect(entry?.msg).toBe('unexpected error while answering a request');
    expect(entry?.err?.message).toMatch(/correction/);
    expect(entry?.err?.stack).toBeTruthy();
  });
});
