import { Migration } from '@mikro-orm/migrations';

/**
 * SIMILAR related coverage, computed on save (src/modules/related/related.similar.ts): each article's
 * best candidates with their scores. Not an entity: the schema diff skips article_similar (src/database/orm.ts).
 */
export class Migration20261127073000_similar extends Migration {
  override async up(): Promise<void> {
    await this.execute(`create table "article_similar" (
      "article_id" integer not null,
      "similar_id" integer not null,
      "score" double precision not null,
      constraint "article_similar_pkey" primary key ("article_id", "similar_id"),
      constraint "article_similar_article_id_foreign" foreign key ("article_id") references "article" ("id") on delete cascade,
      constraint "article_similar_similar_id_foreign" foreign key ("similar_id") references "article" ("id") on delete cascade
    );`);
    // An article's list, best first, straight from the index.
    await this.execute('create index "article_similar_article_id_score_index" on "article_similar" ("article_id", "score" desc, "similar_id");');
    // The lists an article is in: every save rewrites its rows there, and deleting it cascades through them.
    await this.execute('create index "article_similar_similar_id_index" on "article_similar" ("similar_id");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "article_similar" cascade;');
  }
}
