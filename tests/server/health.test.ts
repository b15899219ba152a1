import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/config/config';
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
  it('requests answer again by themselves, and failures meanwhile are clean', async () => {
    const query = JSON.stringify({ query: '{ sections { name } }' });
    expect(((await (await post(query)).json()) as GraphQLBody).data?.sections).toBeTruthy();

    const [{ name }] = await test.app.orm.em.getConnection().execute<{ name: string }[]>('select current_database() as name');
    const admin = await createOrm({ database: parseDatabaseUrl(process.env.TEST_DATABASE_URL!, 'TEST_DATABASE_URL') });
    try {
      const terminated = await admin.em
        .getConnection()
        .execute<{ pid: number }[]>('select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = ? and pid <> pg_backend_pid()', [name]);
      expect(terminated.length).toBeGreaterThan(0);
    } finally {
      await admin.close(true);
    }

    const failures: GraphQLBody['errors'] = [];
    let answered: GraphQLBody['data'];
    for (let attempt = 0; attempt < 20 && !answered; attempt++) {
      const body = (await (await post(query)).json()) as GraphQLBody;
      if (body.data?.sections) answered = body.data;
      else {
        failures.push(...(body.errors ?? []));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(answered?.sections?.map((s) => s.name)).toContain('World');
    for (const error of failures) {
      expect(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']).toContain(error.extensions?.code);
      expect(JSON.stringify(error)).not.toMatch(/select |terminat|stacktrace|\bat .*\.[jt]s:/i);
    }
    expect((await fetch(`${test.app.url}/readyz`)).status).toBe(200);
  });
});
