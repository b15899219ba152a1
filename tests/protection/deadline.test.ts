import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

interface Pool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): void;
  pool: { max: number };
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ cache: { enabled: false }, protection: { deadlineMs: 300 } });
});
afterAll(() => t?.close());

describe('the request deadline', () => {
  it('answers a request still waiting at its deadline with DEADLINE_EXCEEDED, stays responsive meanwhile, and sends no SQL for it afterwards', async () => {
    // Every pooled connection busy elsewhere (a rebuild, a slow report): the request waits for one.
    const client = t.app.orm.em.getKnex().client as unknown as Pool;
    const held = await Promise.all(Array.from({ length: client.pool.max }, () => client.acquireConnection()));
    const before = t.app.statements.count;
    let answered: Response | undefined;
    const pending = fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sections { name articles(first: 5) { nodes { headline } } } }' }) }).then((res) => (answered = res));
    try {
      // While the request waits, the process answers others.
      const health = await fetch(`${t.app.url}/healthz`);
      expect(health.status).toBe(200);
      expect(answered).toBeUndefined();
      const res = await pending;
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions).toMatchObject({ code: 'DEADLINE_EXCEEDED', deadlineMs: 300, requestId: res.headers.get('x-request-id') });
      expect(body.errors[0].message).toMatch(/within its 0\.3 s deadline/);
    } finally {
      for (const connection of held) client.releaseConnection(connection);
    }
    // The stopped request gets its connection now, and must not use it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.app.statements.count).toBe(before);
    const metrics = await (await fetch(`${t.app.url}/metrics`)).text();
    expect(metrics).toMatch(/^masthead_deadline_exceeded_total 1$/m);
    // And the next request is served as usual.
    const next = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sections { name } }' }) });
    expect(next.status).toBe(200);
  });
});
