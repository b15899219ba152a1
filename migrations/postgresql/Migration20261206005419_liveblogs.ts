import { Migration } from '@mikro-orm/migrations';

/**
 * Liveblogs (issue 15, part 1): an article may be a liveblog (`article.liveblog`, LIVE or ENDED), and
 * its entries are rows of their own, each with its own revision, read newest first from one index.
 * A partial unique index holds each liveblog to one pinned entry.
 */
export class Migration20261206005419_liveblogs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "liveblog_entry" ("id" serial primary key, "article_id" int not null, "title" varchar(250) null, "body" jsonb not null, "author_id" int null, "key_event" boolean not null default false, "pinned" boolean not null default false, "published_at" timestamptz not null, "updated_at" timestamptz not null, "revision" int not null default 1);`);
    this.addSql(`create unique index "liveblog_entry_pinned_index" on "liveblog_entry" ("article_id") where "pinned";`);
    this.addSql(`create index "liveblog_entry_stream_index" on "liveblog_entry" ("article_id", "published_at" desc, "id" desc);`);

    this.addSql(`alter table "liveblog_entry" add constraint "liveblog_entry_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "liveblog_entry" add constraint "liveblog_entry_author_id_foreign" foreign key ("author_id") references "author" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "article" add column "liveblog" varchar(16) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "liveblog_entry" cascade;`);

    this.addSql(`alter table "article" drop column "liveblog";`);
  }
}
