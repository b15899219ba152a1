import { Migration } from '@mikro-orm/migrations';

/**
 * Liveblogs (issue 15, part 1): an article may be a liveblog (`article.liveblog`, LIVE or ENDED), and
 * its entries are rows of their own, each with its own revision, read newest first from one index.
 * A partial unique index holds each liveblog to one pinned entry.
 */
export class Migration20261206005419_liveblogs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`liveblog_entry\` (\`id\` integer not null primary key autoincrement, \`article_id\` integer not null, \`title\` text null, \`body\` json not null, \`author_id\` integer null, \`key_event\` integer not null default false, \`pinned\` integer not null default false, \`published_at\` datetime not null, \`updated_at\` datetime not null, \`revision\` integer not null default 1, constraint \`liveblog_entry_article_id_foreign\` foreign key(\`article_id\`) references \`article\`(\`id\`) on delete cascade on update cascade, constraint \`liveblog_entry_author_id_foreign\` foreign key(\`author_id\`) references \`author\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`liveblog_entry_article_id_index\` on \`liveblog_entry\` (\`article_id\`);`);
    this.addSql(`create index \`liveblog_entry_author_id_index\` on \`liveblog_entry\` (\`author_id\`);`);
    this.addSql(`create unique index "liveblog_entry_pinned_index" on "liveblog_entry" ("article_id") where "pinned";`);
    this.addSql(`create index "liveblog_entry_stream_index" on "liveblog_entry" ("article_id", "published_at" desc, "id" desc);`);

    this.addSql(`alter table \`article\` add column \`liveblog\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `liveblog_entry`;');
    this.addSql('alter table `article` drop column `liveblog`;');
  }
}
