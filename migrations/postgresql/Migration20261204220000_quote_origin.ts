import { Migration } from '@mikro-orm/migrations';

/**
 * Where each quote came from: the copy analysis (import or reanalysis, which may replace it) or an
 * editor (kept by reanalysis). Quotes that were there before are the editors' and the demo's.
 * quote_dismissal keeps the words of found quotes an editor removed, so reanalysis leaves them out.
 */
export class Migration20261204220000_quote_origin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "quote" add column "origin" varchar(16) not null default 'EDITOR';`);
    this.addSql(`create table "quote_dismissal" ("id" serial primary key, "article_id" int not null, "text" text not null);`);
    this.addSql(`create index "quote_dismissal_article_id_index" on "quote_dismissal" ("article_id");`);
    this.addSql(`alter table "quote_dismissal" add constraint "quote_dismissal_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "quote_dismissal" cascade;`);
    this.addSql(`alter table "quote" drop column "origin";`);
  }
}
