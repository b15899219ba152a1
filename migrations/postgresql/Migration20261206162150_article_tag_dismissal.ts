import { Migration } from '@mikro-orm/migrations';

/**
 * The tags an editor took off an article (ArticleTagDismissal): reanalyzeArticle leaves them out
 * until an editor gives one back.
 */
export class Migration20261206162150_article_tag_dismissal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "article_tag_dismissal" ("article_id" int not null, "tag_id" int not null, constraint "article_tag_dismissal_pkey" primary key ("article_id", "tag_id"));`);
    this.addSql(`alter table "article_tag_dismissal" add constraint "article_tag_dismissal_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "article_tag_dismissal" add constraint "article_tag_dismissal_tag_id_foreign" foreign key ("tag_id") references "tag" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "article_tag_dismissal" cascade;`);
  }
}
