import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANNER_SETTINGS } from '../../src/database/orm';
import { SqlReader } from '../../src/database/reader';
import { startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

// The planner settings the read path needs (src/database/orm.ts) hold on every pooled connection,
// not only on the first one opened.
describe.skipIf(!onPostgres)("PostgreSQL's planner settings", () => {
  it('are set on each connection the pool opens', async () => {
    const readers = Array.from({ length: 4 }, () => new SqlReader(t.app.orm.em.fork(), 'postgresql'));
    // Each read holds its connection a moment, so that four readers are handed four connections.
    const rows = await Promise.all(
      readers.map((reader) =>
        reader.all<{ pid: number; cost: string }>(reader.knex.raw("select pg_backend_pid() as pid, current_setting('random_page_cost') as cost from pg_sleep(0.05)")),
      ),
    );
    expect(new Set(rows.map(([row]) => row.pid)).size).toBe(4);
    expect(rows.map(([row]) => row.cost)).toEqual(Array(4).fill(PLANNER_SETTINGS.random_page_cost));
  });
});
