import { Migration } from '@mikro-orm/migrations';
// The four-column tsvector that down() restores; that migration never changes again.
import { DOCUMENT as COLUMNS_DOCUMENT } from './Migration20261127080000_search_visibility';

/** The stored tsvector, as before (headline A, standfirst and tag names B, body C), read from `texts`. */
const DOCUMENT = `"document" tsvector generated always as (
  setweight(to_tsvector('english', "texts"[1]), 'A') ||
  setweight(to_tsvector('english', "texts"[2] || ' ' || "texts"[3]), 'B') ||
  setweight(to_tsvector('english', "texts"[4]), 'C')
) stored`;

/**
 * Halves the rows a search reads (issue #5): the headline, standfirst, tag names and body become one
 * array, `texts` ([headline, standfirst, tags, body]), so a row keeps one TOAST pointer for them
 * instead of four. Every search and every count of matches visits the row of each match (for its id,
 * status and published_at): 100,000 articles now fit in about 1,100 pages instead of 1,900. The
 * tsvector is unchanged, generated from the array. As in Migration20261127080000_search_visibility,
 * the generated column is added last (the one rewrite of the table, which also leaves the dropped
 * columns' data behind), gets no statistics, and its GIN index has no pending list.
 */
export class Migration20261127090000_search_texts extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index "article_search_document_index";');
    this.addSql('alter table "article_search" drop column "document";');
    this.addSql('alter table "article_search" add column "texts" text[] null;');
    this.addSql('update "article_search" set "texts" = array["headline", "standfirst", "tags", "body"];');
    this.addSql('alter table "article_search" alter column "texts" set not null;');
    this.addSql('alter table "article_search" drop column "headline", drop column "standfirst", drop column "tags", drop column "body";');
    this.addSql(`alter table "article_search" add column ${DOCUMENT};`);
    this.addSql('alter table "article_search" alter column "document" set statistics 0;');
    this.addSql('create index "article_search_document_index" on "article_search" using gin ("document") with (fastupdate = off);');
    this.addSql('analyze "article_search";');
  }

  override async down(): Promise<void> {
    this.addSql('drop index "article_search_document_index";');
    this.addSql('alter table "article_search" drop column "document";');
    this.addSql('alter table "article_search" add column "headline" text null, add column "standfirst" text null, add column "tags" text null, add column "body" text null;');
    this.addSql('update "article_search" set "headline" = "texts"[1], "standfirst" = "texts"[2], "tags" = "texts"[3], "body" = "texts"[4];');
    this.addSql(
      'alter table "article_search" alter column "headline" set not null, alter column "standfirst" set not null, alter column "tags" set not null, alter column "body" set not null;',
    );
    this.addSql('alter table "article_search" drop column "texts";');
    this.addSql(`alter table "article_search" add column ${COLUMNS_DOCUMENT};`);
    this.addSql('alter table "article_search" alter column "document" set statistics 0;');
    this.addSql('create index "article_search_document_index" on "article_search" using gin ("document") with (fastupdate = off);');
    this.addSql('analyze "article_search";');
  }
}
