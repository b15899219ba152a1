import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf, rowObject, SqlReader } from '../../src/database/reader';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: true });
});
afterAll(() => t?.close());

const reader = () => new SqlReader(t.app.orm.em.fork(), dialectOf(t.app.orm.em));

// SQLite reads come back from the driver as arrays and are made objects by a function compiled from
// the statement's column names (src/database/reader.ts): the objects must be what the driver made.
describe('rows read outside a transaction', () => {
  it("are objects keyed by each column's name, in order, whatever the name holds", async () => {
    const [row] = await reader().all<Record<string, unknown>>(
      // SQL doubles a double quote inside a quoted name; a backslash and a tab are themselves.
      reader().knex.raw(`select 1 as "id", 'Saeppyol' as "it's", 'x' as "say ""when""", null as "back\\slash", 3 as "tab\tname"`),
    );
    expect(row).toEqual({ id: 1, "it's": 'Saeppyol', 'say "when"': 'x', 'back\\slash': null, 'tab\tname': 3 });
    expect(Object.keys(row)).toEqual(['id', "it's", 'say "when"', 'back\\slash', 'tab\tname']);
  });

  it('carry each row of a real read, in order', async () => {
    const knex = reader().knex;
    const rows = await reader().all<{ slug: string; headline: string }>(knex('article').select('slug', 'headline').orderBy('id').limit(3));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ slug: expect.any(String), headline: expect.any(String) });
    const again = await reader().all<{ slug: string }>(knex('article').select('slug').orderBy('id').limit(3));
    expect(again.map((row) => row.slug)).toEqual(rows.map((row) => row.slug));
  });
});

describe('rowObject', () => {
  it('lets a later column of the same name win, as the drivers do', () => {
    expect(rowObject(['a', 'b', 'a'])([1, 2, 3])).toEqual({ a: 3, b: 2 });
  });

  it('keeps a column named __proto__ as a plain property, never the prototype', () => {
    const row = rowObject(['id', '__proto__'])([7, { polluted: true }]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(row, '__proto__')).toBe(true);
    expect((row as { polluted?: boolean }).polluted).toBeUndefined();
    expect(row.id).toBe(7);
  });
});
