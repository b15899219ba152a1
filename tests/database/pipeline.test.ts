import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlReader } from '../../src/database/reader';
import { startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

// A request's reader (SqlReader) on PostgreSQL sends the reads of one turn of the event loop on one
// connection, pipelined; SQLite reads in process and has nothing to pipeline.
describe.skipIf(!onPostgres)('pipelined reads on PostgreSQL', () => {
  const reader = () => new SqlReader(t.app.orm.em.fork(), 'postgresql');
  // Each read holds its connection for a moment, so that no other reader could be handed it meanwhile.
  const backend = (from: SqlReader) => from.all<{ pid: number }>(from.knex.raw('select pg_backend_pid() as pid from pg_sleep(0.05)')).then(([row]) => row.pid);
  const pool = () => (t.app.orm.em.getKnex().client as { pool: { numUsed(): number } }).pool;
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it("share one connection for one request's turn, and each request has its own", async () => {
    const first = reader();
    const second = reader();
    const [a, b, c, d, e, f] = await Promise.all([backend(first), backend(second), backend(first), backend(second), backend(first), backend(second)]);
    expect(new Set([a, c, e]).size).toBe(1);
    expect(new Set([b, d, f]).size).toBe(1);
    expect(a).not.toBe(b);
  });

  it('answer each read on its own: one that fails leaves the others of its turn their rows', async () => {
    const one = reader();
    const [before, failed, after] = await Promise.allSettled([
      one.all<{ name: string }>(one.knex('section').select('name').where('path', 'world')),
      one.all(one.knex.raw('select 1 / 0 as never')),
      one.all<{ name: string }>(one.knex('section').select('name').where('path', 'business')),
    ]);
    expect(before).toEqual({ status: 'fulfilled', value: [{ name: 'World' }] });
    expect(failed.status).toBe('rejected');
    expect(String((failed as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    expect(after).toEqual({ status: 'fulfilled', value: [{ name: 'Business' }] });
    // The connection is sound for the next turn.
    expect(await one.all(one.knex('section').select('name').where('path', 'culture'))).toEqual([{ name: 'Culture' }]);
  });

  it('return the connection to the pool once the turn is over and its answers are in', async () => {
    const one = reader();
    const reads = Promise.all([backend(one), backend(one)]);
    expect(pool().numUsed()).toBe(1);
    await reads;
    await nextTurn();
    expect(pool().numUsed()).toBe(0);
  });
});
