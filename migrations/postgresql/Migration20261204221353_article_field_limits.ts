import { Migration } from '@mikro-orm/migrations';

/**
 * The article's text columns sized by the limits editors are held to (src/modules/article/article.limits.ts):
 * the headline was varchar(500) against a limit of 250, the standfirst unbounded text against 600.
 * No USING cast: a cast to varchar(n) would cut a longer value silently, while the assignment this
 * makes refuses it, so a row that got past the limits stops the migration instead of losing words.
 * SQLite stores both as text either way.
 */
export class Migration20261204221353_article_field_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "article" alter column "headline" type varchar(250);`);
    this.addSql(`alter table "article" alter column "standfirst" type varchar(600);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "article" alter column "headline" type varchar(500);`);
    this.addSql(`alter table "article" alter column "standfirst" type text;`);
  }
}
