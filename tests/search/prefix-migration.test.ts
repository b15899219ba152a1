import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFor } from '../../src/database/migrations';
import { createOrm } from '../../src/database/orm';
import { Article } from '../../src/modules/article/article.entity';
import { ArticleStatus } from '../../src/modules/article/article.enums';
import { Section } from '../../src/modules/section/section.entity';
import { SearchHitsDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Migration20261204120000_search_prefix fills the index's words from the index as it stands, so the
 * articles indexed before it are found by any beginning of their words as soon as it has run.
 */
const MIGRATION = 'Migration20261204120000_search_prefix';

let database: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  database = await createTestDatabase({ shared: true });
  const orm = await createOrm({ database: database.config });
  try {
    const migrations = migrationsFor(database.config.kind).map((migration) => migration.name);
    await orm.migrator.up({ to: migrations[migrations.indexOf(MIGRATION) - 1] });
    const em = orm.em.fork();
    const section = em.create(Section, { slug: 'asia', name: 'Asia', path: 'asia', parent: null, description: null });
    const publishedAt = new Date('2026-11-20T08:00:00Z');
    const article = em.create(Article, {
      slug: 'saeppyol-street',
      headline: 'Saeppyol Street opens in Pyongyang',
      standfirst: null,
      status: ArticleStatus.PUBLISHED,
      section,
      mainImage: null,
      firstPublishedAt: publishedAt,
      publishedAt,
    });
    await em.flush();
    // The index as the code before this migration wrote it: today's code also writes the words.
    const body = 'Families of the soldiers were running to the ceremonies.';
    await em
      .getConnection()
      .execute(
        database.config.kind === 'sqlite'
          ? "insert into article_search (rowid, headline, standfirst, tags, body) values (?, ?, '', '', ?)"
          : "insert into article_search (article_id, status, published_at, texts) values (?, 'PUBLISHED', ?, array[?, '', '', ?])",
        database.config.kind === 'sqlite' ? [article.id, article.headline, body] : [article.id, publishedAt, article.headline, body],
      );
    await orm.migrator.up();
  } finally {
    await orm.close(true);
  }
  t = await startTestApp({ database, seed: false, cache: { enabled: false } });
});
afterAll(async () => {
  await t?.close();
  await database?.drop();
});

describe(`${MIGRATION} (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('finds articles indexed before it by any beginning of their words', async () => {
    for (const query of ['Saeppy', 'pyongy', 'runni', 'street runn', 'ceremonie', 'soldiers famili']) {
      const { search } = await t.client.request(SearchHitsDocument, { query });
      expect(search.edges.map((edge) => edge.node.slug), query).toEqual(['saeppyol-street']);
    }
  });
});
