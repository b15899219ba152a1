import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search: each article's searchable text, and a stored tsvector generated from it
 * (headline weighted A, standfirst and tag names B, body C) under a GIN index. Not an entity: the
 * schema diff skips article_search* (src/database/orm.ts).
 */
export class Migration20261127060000_search extends Migration {
  override async up(): Promise<void> {
    await this.execute(`create table "article_search" (
      "article_id" integer not null primary key references "article" ("id") on delete cascade,
      "headline" text not null,
      "standfirst" text not null,
      "tags" text not null,
      "body" text not null,
      "document" tsvector generated always as (
        setweight(to_tsvector('english', "headline"), 'A') ||
        setweight(to_tsvector('english', "standfirst" || ' ' || "tags"), 'B') ||
        setweight(to_tsvector('english', "body"), 'C')
      ) stored
    );`);
    await this.execute('create index "article_search_document_index" on "article_search" using gin ("document");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "article_search" cascade;');
  }
}
