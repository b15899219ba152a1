import { Migration } from '@mikro-orm/migrations';

/**
 * Each SIMILAR row carries the status and publication time of the piece it recommends, in the index
 * an article's list is read from, so a page's related coverage is read from that index alone: the
 * visibility check no longer looks up every candidate's article row (issue 14, part 2). Triggers keep
 * the copies in the same transaction as every write: a row takes its piece's when written, and a
 * piece's change reaches every list it is in; SQLite's one writer at a time keeps them exact.
 * PostgreSQL has no such copies (related.loaders.ts says why).
 */
export class Migration20261205010000_similar_visibility extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `article_similar` add column `similar_status` text null;');
    this.addSql('alter table `article_similar` add column `similar_published_at` datetime null;');
    this.addSql(
      'update `article_similar` set (`similar_status`, `similar_published_at`) = (select `status`, `published_at` from `article` where `id` = `article_similar`.`similar_id`);',
    );
    this.addSql('drop index if exists `article_similar_article_id_score_similar_id_index`;');
    this.addSql(
      'create index `article_similar_list_index` on `article_similar` (`article_id`, `score` desc, `similar_id` desc, `similar_status`, `similar_published_at`);',
    );
    // SQLite's triggers cannot set new.*: the row is filled in just after it is written.
    this.addSql(`create trigger \`article_similar_fill\` after insert on \`article_similar\` when new.\`similar_status\` is null begin
      update \`article_similar\` set (\`similar_status\`, \`similar_published_at\`) = (select \`status\`, \`published_at\` from \`article\` where \`id\` = new.\`similar_id\`)
        where \`article_id\` = new.\`article_id\` and \`similar_id\` = new.\`similar_id\`;
    end;`);
    this.addSql(`create trigger \`article_similar_visibility\` after update of \`status\`, \`published_at\` on \`article\`
      when old.\`status\` is not new.\`status\` or old.\`published_at\` is not new.\`published_at\` begin
      update \`article_similar\` set \`similar_status\` = new.\`status\`, \`similar_published_at\` = new.\`published_at\` where \`similar_id\` = new.\`id\`;
    end;`);
  }

  override async down(): Promise<void> {
    for (const trigger of ['article_similar_fill', 'article_similar_visibility']) this.addSql(`drop trigger if exists \`${trigger}\`;`);
    this.addSql('drop index if exists `article_similar_list_index`;');
    this.addSql('create index `article_similar_article_id_score_similar_id_index` on `article_similar` (`article_id`, `score` desc, `similar_id` desc);');
    this.addSql('alter table `article_similar` drop column `similar_published_at`;');
    this.addSql('alter table `article_similar` drop column `similar_status`;');
  }
}
