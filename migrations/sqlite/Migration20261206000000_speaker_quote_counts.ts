import { Migration } from '@mikro-orm/migrations';

/**
 * How many quotes each speaker has in each status of their articles, kept by triggers on `quote` in
 * the same transaction as every write, as section_article_count is for fronts. A speaker's quote list
 * counts from these instead of from their rows (QuoteService.bySpeaker), so its totalCount costs the
 * same for someone quoted in every third story as for someone quoted once (issue 14, part 3).
 * A quote is counted once it has its article's status, which SQLite fills in just after the insert
 * (migration 20261204230000): the update trigger counts it then.
 */
export class Migration20261206000000_speaker_quote_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`speaker_quote_count\` (
      \`speaker_id\` integer not null,
      \`status\` text not null,
      \`quotes\` integer not null,
      primary key (\`speaker_id\`, \`status\`),
      constraint \`speaker_quote_count_speaker_id_foreign\` foreign key (\`speaker_id\`) references \`tag\` (\`id\`) on delete cascade
    );`);
    this.addSql(`insert into \`speaker_quote_count\` (\`speaker_id\`, \`status\`, \`quotes\`)
      select \`speaker_id\`, \`article_status\`, count(*) from \`quote\` where \`speaker_id\` is not null and \`article_status\` is not null group by \`speaker_id\`, \`article_status\`;`);
    this.addSql(`create trigger \`speaker_quote_count_insert\` after insert on \`quote\` begin
      ${ADD_NEW}
    end;`);
    this.addSql(`create trigger \`speaker_quote_count_delete\` after delete on \`quote\` begin
      ${REMOVE_OLD}
    end;`);
    this.addSql(`create trigger \`speaker_quote_count_update\` after update of \`speaker_id\`, \`article_status\` on \`quote\`
      when old.\`speaker_id\` is not new.\`speaker_id\` or old.\`article_status\` is not new.\`article_status\` begin
      ${REMOVE_OLD}
      ${ADD_NEW}
    end;`);
  }

  override async down(): Promise<void> {
    for (const trigger of ['speaker_quote_count_insert', 'speaker_quote_count_delete', 'speaker_quote_count_update']) this.addSql(`drop trigger if exists \`${trigger}\`;`);
    this.addSql('drop table if exists `speaker_quote_count`;');
  }
}

// A row with no speaker or no status yet matches nothing and adds nothing.
const ADD_NEW = `insert into \`speaker_quote_count\` (\`speaker_id\`, \`status\`, \`quotes\`)
        select new.\`speaker_id\`, new.\`article_status\`, 1 where new.\`speaker_id\` is not null and new.\`article_status\` is not null
        on conflict (\`speaker_id\`, \`status\`) do update set \`quotes\` = \`quotes\` + 1;`;
const REMOVE_OLD = 'update `speaker_quote_count` set `quotes` = `quotes` - 1 where `speaker_id` = old.`speaker_id` and `status` = old.`article_status`;';
