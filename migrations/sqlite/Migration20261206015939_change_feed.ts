import { Migration } from '@mikro-orm/migrations';

/**
 * The sync feed (issue 15, part 4): each committed change to an article and the section it was in,
 * numbered in commit order by the one row of feed_head (whose lock orders the commits), kept 30 days;
 * the head also says through when scheduled pieces that came due have been written in.
 */
export class Migration20261206015939_change_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`article_change\` (\`seq\` integer not null, \`article_id\` integer not null, \`section_id\` integer not null, \`at\` datetime not null, primary key (\`seq\`));`);
    this.addSql(`create index \`article_change_section_id_seq_index\` on \`article_change\` (\`section_id\`, \`seq\`);`);
    this.addSql(`create index \`article_change_at_index\` on \`article_change\` (\`at\`);`);

    this.addSql(`create table \`feed_head\` (\`id\` integer not null, \`seq\` integer not null default 0, \`pruned_through\` integer not null default 0, \`due_through\` datetime null, primary key (\`id\`));`);
    this.addSql('insert into `feed_head` (`id`, `seq`, `pruned_through`) values (1, 0, 0);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `article_change`;');
    this.addSql('drop table if exists `feed_head`;');
  }
}
