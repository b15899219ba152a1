import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/database/migrate';
import { migrationsFor } from '../../src/database/migrations';
import { createOrm, type Orm } from '../../src/database/orm';
import { Article } from '../../src/modules/article/article.entity';
import { ArticleStatus } from '../../src/modules/article/article.enums';
import { ArticleTag } from '../../src/modules/article/article-tag.entity';
import { Section } from '../../src/modules/section/section.entity';
import { Tag } from '../../src/modules/tag/tag.entity';
import { TagKind } from '../../src/modules/tag/tag.enums';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let orm: Orm;
beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createOrm({ database: database.config });
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

const tables = async () => {
  const sql =
    database.config.kind === 'sqlite'
      ? "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'mikro_orm_migrations'"
      : "select table_name as name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations'";
  return ((await orm.em.getConnection().execute(sql)) as { name: string }[]).map((row) => row.name).sort();
};

describe(`migrations (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('apply in order and leave no difference between the database and the entities', async () => {
    const applied = await migrateToLatest(orm);
    expect(applied).toEqual(migrationsFor(database.config.kind).map((migration) => migration.name));
    expect(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe('');
    expect(await migrateToLatest(orm)).toEqual([]);
  });

  it('roll all the way back with down() and forward again', async () => {
    await orm.getMigrator().down({ to: 0 });
    expect(await tables()).toEqual([]);
    await migrateToLatest(orm);
    expect(await tables()).toContain('article');
    expect(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  it('fill the search index and the SIMILAR lists from articles that were there before them', async () => {
    await orm.getMigrator().down({ to: 0 });
    await orm.migrator.up({ to: 'Migration20261127034934_editorial' });
    // Written straight through the entities: the derived tables do not exist yet. The tag is a row
    // written by hand: the entity has columns its table gains later (its version).
    const em = orm.em.fork();
    const section = em.create(Section, { slug: 'harbour', name: 'Harbour', path: 'harbour', parent: null, description: null });
    const knex = em.getKnex();
    const now = database.config.kind === 'sqlite' ? Date.now() : new Date();
    await knex('tag').insert({ slug: 'ferry-strike', name: 'Ferry strike', kind: TagKind.EVENT, created_at: now, updated_at: now });
    const tag = em.getReference(Tag, Number((await knex('tag').select('id').where('slug', 'ferry-strike'))[0].id));
    const publishedAt = new Date('2026-11-20T08:00:00Z');
    const articles = ['Ferry crews walk out at dawn', 'Ferry strike enters its second day'].map((headline, index) =>
      em.create(Article, {
        slug: `ferry-${index}`,
        headline,
        standfirst: null,
        status: ArticleStatus.PUBLISHED,
        section,
        mainImage: null,
        firstPublishedAt: publishedAt,
        publishedAt: new Date(publishedAt.getTime() + index * 3_600_000),
      }),
    );
    for (const article of articles) em.create(ArticleTag, { article, tag, position: 0 });
    await em.flush();
    // A quote as a row: the entity has columns its table gains later (its search text).
    await knex('quote').insert({ article_id: articles[0].id, position: 0, text: 'We won’t sail until the Élan is mended', speaker_name: 'Zoë Brandt', created_at: now });

    await migrateToLatest(orm);
    const connection = orm.em.getConnection();
    const indexed = (await connection.execute('select count(*) as n from article_search')) as { n: number | string }[];
    expect(Number(indexed[0].n)).toBe(2);
    const similar = (await connection.execute('select article_id, similar_id from article_similar order by article_id')) as { article_id: number; similar_id: number }[];
    expect(similar.map((row) => [row.article_id, row.similar_id])).toEqual([
      [articles[0].id, articles[1].id],
      [articles[1].id, articles[0].id],
    ]);
    // Quote search's folded text, for the quote that was there before it.
    expect(await knex('quote').select('search_text as searchText')).toEqual([{ searchText: "we won't sail until the élan is mended zoë brandt" }]);
  });

  it("key tags' names, and fold the apostrophes in aliases' keys, for tags that were there before", async () => {
    await orm.getMigrator().down({ to: 0 });
    await orm.migrator.up({ to: 'Migration20261206160000_tag_version' });
    const knex = orm.em.getKnex();
    const now = database.config.kind === 'sqlite' ? Date.now() : new Date();
    const tagRow = async (slug: string, name: string) => {
      await knex('tag').insert({ slug, name, kind: TagKind.ORGANIZATION, created_at: now, updated_at: now });
      return Number((await knex('tag').select('id').where('slug', slug))[0].id);
    };
    const party = await tagRow('workers-party', 'Workers’ Party');
    const harbour = await tagRow('harbour-board', 'Harbour Board');
    // Keyed as aliases were before: letter case folded, apostrophes as written. The first two are one alias.
    await knex('tag_alias').insert([
      { tag_id: party, position: 0, alias: 'WPK’s', normalized: 'wpk’s' },
      { tag_id: party, position: 1, alias: "WPK's", normalized: "wpk's" },
      { tag_id: harbour, position: 0, alias: 'Harbour’s Board', normalized: 'harbour’s board' },
    ]);

    await migrateToLatest(orm);
    const keys = await knex('tag').select('slug', 'name_key as nameKey').orderBy('slug');
    expect(keys).toEqual([
      { slug: 'harbour-board', nameKey: 'harbour board' },
      { slug: 'workers-party', nameKey: "workers' party" },
    ]);
    const aliases = await knex('tag_alias').select('tag_id as tagId', 'alias', 'normalized').orderBy(['tag_id', 'position']);
    expect(aliases.map((row) => [Number(row.tagId), row.alias, row.normalized])).toEqual([
      [party, 'WPK’s', "wpk's"],
      [harbour, 'Harbour’s Board', "harbour's board"],
    ]);
  });
});
