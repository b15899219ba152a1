import { Migration } from '@mikro-orm/migrations';

/**
 * Each quote carries its article's status and publication time, so a speaker's newest quotes are a
 * range of one index in list order (QuoteService.list) instead of a join that reads and sorts all of
 * them. Triggers keep the copies in the same transaction as every write, so no code path can forget
 * them: a quote takes its article's when written, and an article's change reaches its quotes.
 */
export class Migration20261204230000_quote_speaker_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `quote` add column `article_status` text null;');
    this.addSql('alter table `quote` add column `article_published_at` datetime null;');
    this.addSql('update `quote` set (`article_status`, `article_published_at`) = (select `status`, `published_at` from `article` where `id` = `quote`.`article_id`);');
    this.addSql('drop index if exists `quote_speaker_id_article_id_index`;');
    this.addSql('create index `quote_speaker_feed_index` on `quote` (`speaker_id`, `article_status`, `article_published_at` desc, `article_id` desc, `position`);');
    // SQLite's triggers cannot set new.*: the row is filled in just after it is written.
    this.addSql(`create trigger \`quote_article_insert\` after insert on \`quote\` begin
      ${COPY_TO_NEW}
    end;`);
    this.addSql(`create trigger \`quote_article_move\` after update of \`article_id\` on \`quote\` begin
      ${COPY_TO_NEW}
    end;`);
    this.addSql(`create trigger \`article_quote_update\` after update of \`status\`, \`published_at\` on \`article\`
      when old.\`status\` is not new.\`status\` or old.\`published_at\` is not new.\`published_at\` begin
      update \`quote\` set \`article_status\` = new.\`status\`, \`article_published_at\` = new.\`published_at\` where \`article_id\` = new.\`id\`;
    end;`);
  }

  override async down(): Promise<void> {
    for (const trigger of ['quote_article_insert', 'quote_article_move', 'article_quote_update']) this.addSql(`drop trigger if exists \`${trigger}\`;`);
    this.addSql('drop index if exists `quote_speaker_feed_index`;');
    this.addSql('create index `quote_speaker_id_article_id_index` on `quote` (`speaker_id`, `article_id`);');
    this.addSql('alter table `quote` drop column `article_published_at`;');
    this.addSql('alter table `quote` drop column `article_status`;');
  }
}

const COPY_TO_NEW =
  'update `quote` set (`article_status`, `article_published_at`) = (select `status`, `published_at` from `article` where `id` = new.`article_id`) where `id` = new.`id`;';
