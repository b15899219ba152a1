import { Migration } from '@mikro-orm/migrations';

/**
 * How many articles each section holds in each status, kept by triggers on `article` in the same
 * transaction as every write, so no code path can forget it. A front's totalCount adds these up
 * instead of counting the section's rows on every request (src/modules/article/article.service.ts).
 * Not an entity: the schema diff skips section_article_count (src/database/orm.ts).
 */
export class Migration20261127100000_section_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`section_article_count\` (
      \`section_id\` integer not null,
      \`status\` text not null,
      \`articles\` integer not null,
      primary key (\`section_id\`, \`status\`),
      constraint \`section_article_count_section_id_foreign\` foreign key (\`section_id\`) references \`section\` (\`id\`) on delete cascade
    );`);
    this.addSql('insert into `section_article_count` (`section_id`, `status`, `articles`) select `section_id`, `status`, count(*) from `article` group by `section_id`, `status`;');
    this.addSql(`create trigger \`article_count_insert\` after insert on \`article\` begin
      ${ADD_NEW}
    end;`);
    this.addSql(`create trigger \`article_count_delete\` after delete on \`article\` begin
      ${REMOVE_OLD}
    end;`);
    this.addSql(`create trigger \`article_count_update\` after update of \`section_id\`, \`status\` on \`article\`
      when old.\`section_id\` is not new.\`section_id\` or old.\`status\` is not new.\`status\` begin
      ${REMOVE_OLD}
      ${ADD_NEW}
    end;`);
  }

  override async down(): Promise<void> {
    for (const trigger of ['article_count_insert', 'article_count_delete', 'article_count_update']) this.addSql(`drop trigger if exists \`${trigger}\`;`);
    this.addSql('drop table if exists `section_article_count`;');
  }
}

const ADD_NEW =
  'insert into `section_article_count` (`section_id`, `status`, `articles`) values (new.`section_id`, new.`status`, 1) on conflict (`section_id`, `status`) do update set `articles` = `articles` + 1;';
const REMOVE_OLD = 'update `section_article_count` set `articles` = `articles` - 1 where `section_id` = old.`section_id` and `status` = old.`status`;';
