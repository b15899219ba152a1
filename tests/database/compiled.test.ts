import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQueries, SqlReader } from '../../src/database/reader';
import { startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const dialect = onPostgres ? 'postgresql' : 'sqlite';
const reader = (queries: CompiledQueries) => new SqlReader(t.app.orm.em.fork(), dialect, queries);

describe('compiled queries (SqlReader.compiled)', () => {
  it('compile once per shape and bind each run its own values', async () => {
    const queries = new CompiledQueries(true);
    const sectionsNamed = (paths: string[]) =>
      reader(queries).compiled<{ name: string }, { paths: string[] }>('test.sections', { paths }, (values) =>
        reader(queries).knex('section').select('name').whereIn('path', values.paths).orderBy('name'),
      );
    expect(await sectionsNamed(['world/asia', 'business'])).toEqual([{ name: 'Asia' }, { name: 'Business' }]);
    // The same shape (two paths) with other values: the compiled text, new bindings.
    expect(await sectionsNamed(['culture', 'world/europe'])).toEqual([{ name: 'Culture' }, { name: 'Europe' }]);
    // Another list length is another shape.
    expect(await sectionsNamed(['politics'])).toEqual([{ name: 'Politics' }]);
  });

  it('are caught, in tests, when the query reads a value that is not in its shape', async () => {
    const queries = new CompiledQueries(true);
    const careless = (path: string) =>
      // `path` is read from the closure instead of from the stand-in values: the first compile would stick.
      reader(queries).compiled<{ name: string }, { unused: string }>('test.careless', { unused: path }, () => reader(queries).knex('section').select('name').where('path', path));
    expect(await careless('world')).toEqual([{ name: 'World' }]);
    await expect(careless('business')).rejects.toThrow(/differs from its real values/);
  });

  it('write limits, which are part of the shape, into the SQL text: SQLite plans an index range better for a limit it can see', async () => {
    const queries = new CompiledQueries(true);
    const sections = (limit: number, path: string) =>
      reader(queries).compiled<{ name: string }, { path: string }>(`test.limits ${limit}`, { path }, (values) =>
        reader(queries).knex('section').select('name').where('path', 'like', values.path).orderBy('name').limit(limit),
      );
    t.app.statements.trace = [];
    expect(await sections(2, 'world/%')).toEqual([{ name: 'Americas' }, { name: 'Asia' }]);
    expect(await sections(2, 'world/e%')).toEqual([{ name: 'Europe' }]);
    expect(await sections(1, 'world/%')).toEqual([{ name: 'Americas' }]);
    const [two, again, one] = t.app.statements.trace.map((statement) => statement.sql);
    t.app.statements.trace = null;
    expect(again).toBe(two);
    expect(two).toMatch(/ like (\?|\$1) order by .name. asc limit 2$/);
    expect(one).toMatch(/ limit 1$/);
  });
});
