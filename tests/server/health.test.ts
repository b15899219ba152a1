import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../src/database/orm';
import { startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';

interface GraphQLBody {
  data?: { sections?: { name: string }[] } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test?.close();
});

const post = (body: string) =>
  fetch(test.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('health endpoints', () => {
  it('/healthz answers ok without touching the database', async () => {
    const res = await fetch(`${test.app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 while the database answers', async () => {
    const res = await fetch(`${test.app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });
});

describe('HTTP edges', () => {
  it('a malformed JSON body gets 400 with a message saying so', async () => {
    const res = await post('{"query": "{ sections { name } }"');
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphQLBody;
    expect(body.errors?.[0]).toMatchObject({ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('an unknown path gets 404 pointing at /graphql', async () => {
    const res = await fetch(`${test.app.url}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not found: the API lives at /graphql.' });
  });

  it('GET /graphql?query= answers with the documented CSRF header (apollo-require-preflight)', async () => {
    const res = await fetch(`${test.url}?query=${encodeURIComponent('{ sections { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as GraphQLBody;
    expect(body.errors).toBeUndefined();
    expect(body.data?.sections?.map((s) => s.name)).toContain('World');
  });

  it('a bare GET query, as a cross-site page could send, is refused by CSRF prevention', async () => {
    const res = await fetch(`${test.url}?query=${encodeURIComponent('{ sections { name } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
  });
});

describe.skipIf(!onPostgres)('recovery after the database drops its connections (PostgreSQL only: SQLite has no server connections to lose)', () => {
  it('a request cut off mid-query fails cleanly, and requests answer again by themselves', async () => {
    // A query no earlier test sent, so the response cache cannot answer it without the database. One
    // root field: a compiled plan answers once all its fields have settled, and a second read started
    // on a fresh connection would wait for this test's lock.
    const query = JSON.stringify({ query: '{ sections { name path } }' });
    const admin = await createOrm({ database: { kind: 'postgresql', url: test.app.orm.config.get('clientUrl')! } });
    try {
      const trx = await admin.em.getConnection().getKnex().transaction();
      try {
        // Hold a lock the sections query must wait for, so the connections are cut while a request is in flight.
        await trx.raw('lock table section in access exclusive mode');
        const cutOff = post(query).then(async (res) => (await res.json()) as GraphQLBody);
        const waiting = async () =>
          (await trx.raw("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")).rows[0].n > 0;
        for (let attempt = 0; attempt < 50 && !(await waiting()); attempt++) await sleep(20);
        await trx.raw('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
        expectCleanFailure(await cutOff);
      } finally {
        await trx.rollback();
      }
    } finally {
      await admin.close(true);
    }

    let answered: GraphQLBody['data'];
    for (let attempt = 0; attempt < 20 && !answered; attempt++) {
      const body = (await (await post(query)).json()) as GraphQLBody;
      if (body.data?.sections) answered = body.data;
      else {
        expectCleanFailure(body);
        await sleep(100);
      }
    }
    expect(answered?.sections?.map((s) => s.name)).toContain('World');
    expect((await fetch(`${test.app.url}/readyz`)).status).toBe(200);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a client may see while the database is away: a stable code, and no SQL, driver text or stack. */
function expectCleanFailure(body: GraphQLBody): void {
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const error of body.errors ?? []) {
    expect(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']).toContain(error.extensions?.code);
    expect(JSON.stringify(error)).not.toMatch(/select |"section"|terminat|stacktrace|\bat .*\.[jt]s:/i);
  }
}
