import { Migration } from '@mikro-orm/migrations';

export class Migration20261127034934_editorial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`api_token\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`role\` text not null, \`hash\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null);`);
    this.addSql(`create unique index \`api_token_name_unique\` on \`api_token\` (\`name\`);`);
    this.addSql(`create unique index \`api_token_hash_unique\` on \`api_token\` (\`hash\`);`);

    this.addSql(`create table \`audit_entry\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`actor\` text not null, \`actor_role\` text not null, \`action\` text not null, \`subject_type\` text not null, \`subject_id\` integer not null, \`changes\` json not null);`);
    this.addSql(`create index \`audit_entry_subject_type_subject_id_index\` on \`audit_entry\` (\`subject_type\`, \`subject_id\`);`);
    this.addSql(`create index \`audit_entry_at_id_index\` on \`audit_entry\` (\`at\`, \`id\`);`);

    this.addSql(`create table \`article_revision\` (\`id\` integer not null primary key autoincrement, \`article_id\` integer not null, \`version\` integer not null, \`saved_at\` datetime not null, \`saved_by\` text not null, \`saved_by_role\` text not null, \`action\` text not null, \`changes\` json not null, \`snapshot\` json not null, constraint \`article_revision_article_id_foreign\` foreign key(\`article_id\`) references \`article\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`article_revision_article_id_index\` on \`article_revision\` (\`article_id\`);`);
    this.addSql(`create unique index \`article_revision_article_id_version_unique\` on \`article_revision\` (\`article_id\`, \`version\`);`);
  }

  override async down(): Promise<void> {
    // SQLite has no generated down migrations: drop in reverse order of creation.
    this.addSql('drop table if exists `article_revision`;');
    this.addSql('drop table if exists `audit_entry`;');
    this.addSql('drop table if exists `api_token`;');
  }
}
