import { Migration } from '@mikro-orm/migrations';

/** The stored tsvector, as the search migration defined it (headline A, standfirst and tag names B, body C). */
export const DOCUMENT = `"document" tsvector generated always as (
  setweight(to_tsvector('english', "headline"), 'A') ||
  setweight(to_tsvector('english', "standfirst" || ' ' || "tags"), 'B') ||
  setweight(to_tsvector('english', "body"), 'C')
) stored`;

/**
 * Makes a search touch little besides the GIN index (issue #5):
 * - each entry carries its article's status and published_at, so an unfiltered search checks
 *   visibility, counts and orders its matches without reading article;
 * - rows are kept about 128 bytes wide by moving the texts and the tsvector out to TOAST, so visiting
 *   every match (to count them, to pick the newest) reads 2,000 pages for 100,000 articles, not 20,000;
 * - the tsvector has no statistics: the planner costs `@@` as if it were free, while on a row it
 *   means fetching the tsvector from TOAST, so with statistics it scans the table or the primary key
 *   for common words (a second to count one found in every article). Without them it always starts
 *   from the GIN index. Dropping the column is what clears the statistics it has;
 * - the GIN index has no pending list: every search reads all of it (1 MB of it added 100 ms to a
 *   search of 100,000 articles) until it fills up (4 MB) or VACUUM empties it. Bulk loads rebuild
 *   the index instead (reindexAll in search.index.ts).
 */
export class Migration20261127080000_search_visibility extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index "article_search_document_index";');
    this.addSql('alter table "article_search" drop column "document";');
    this.addSql('alter table "article_search" add column "status" varchar(16) null, add column "published_at" timestamptz null;');
    this.addSql(
      'update "article_search" as "s" set "status" = "a"."status", "published_at" = "a"."published_at" from "article" as "a" where "a"."id" = "s"."article_id";',
    );
    this.addSql('alter table "article_search" alter column "status" set not null;');
    this.addSql('alter table "article_search" set (toast_tuple_target = 128);');
    // Added last, so this is the one rewrite of the table, made under the new TOAST target.
    this.addSql(`alter table "article_search" add column ${DOCUMENT};`);
    this.addSql('alter table "article_search" alter column "document" set statistics 0;');
    this.addSql('create index "article_search_document_index" on "article_search" using gin ("document") with (fastupdate = off);');
    this.addSql('analyze "article_search";');
  }

  override async down(): Promise<void> {
    this.addSql('drop index "article_search_document_index";');
    this.addSql('alter table "article_search" drop column "document", drop column "status", drop column "published_at";');
    this.addSql('alter table "article_search" reset (toast_tuple_target);');
    this.addSql(`alter table "article_search" add column ${DOCUMENT};`);
    this.addSql('create index "article_search_document_index" on "article_search" using gin ("document");');
  }
}
