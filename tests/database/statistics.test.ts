import { describe, expect, it } from 'vitest';
import { SectionArticlesDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, onPostgres } from '../support/database';

/** Rows of each statistics table SQLite keeps. */
async function statistics(t: TestApp): Promise<{ stat1: number; stat4: number }> {
  const connection = t.app.orm.em.getConnection();
  const count = async (table: string) => Number((await connection.execute<{ n: number }[]>(`select count(*) as n from ${table}`))[0].n);
  return { stat1: await count('sqlite_stat1'), stat4: await count('sqlite_stat4') };
}

describe.skipIf(onPostgres)("SQLite's planner statistics", () => {
  it("keep an operator's ANALYZE but not its samples, under which SQLite plans bound statements again at every run", async () => {
    const database = await createTestDatabase({ shared: true });
    const first = await startTestApp({ database });
    await first.app.orm.em.getConnection().execute('analyze');
    expect((await statistics(first)).stat4).toBeGreaterThan(0);
    await first.close();

    const t = await startTestApp({ database });
    try {
      const { stat1, stat4 } = await statistics(t);
      expect(stat4).toBe(0);
      expect(stat1).toBeGreaterThan(0);
      const { section } = await t.client.request(SectionArticlesDocument, { path: 'world', first: 5 });
      expect(section!.articles.nodes.length).toBe(5);
    } finally {
      await t.close();
      await database.drop();
    }
  });
});
