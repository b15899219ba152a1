import { Migration } from '@mikro-orm/migrations';

export class Migration20261127034714_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`image\` (\`id\` integer not null primary key autoincrement, \`url\` text not null, \`alt_text\` text not null, \`caption\` text null, \`credit\` text null, \`width\` integer null, \`height\` integer null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`author\` (\`id\` integer not null primary key autoincrement, \`slug\` text not null, \`name\` text not null, \`job_title\` text null, \`bio\` text null, \`image_id\` integer null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`author_image_id_foreign\` foreign key(\`image_id\`) references \`image\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create unique index \`author_slug_unique\` on \`author\` (\`slug\`);`);
    this.addSql(`create index \`author_image_id_index\` on \`author\` (\`image_id\`);`);

    this.addSql(`create table \`section\` (\`id\` integer not null primary key autoincrement, \`slug\` text not null, \`name\` text not null, \`path\` text not null, \`parent_id\` integer null, \`position\` integer not null default 0, \`description\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`section_parent_id_foreign\` foreign key(\`parent_id\`) references \`section\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create unique index \`section_path_unique\` on \`section\` (\`path\`);`);
    this.addSql(`create index \`section_parent_id_index\` on \`section\` (\`parent_id\`);`);
    this.addSql(`create index \`section_parent_id_position_index\` on \`section\` (\`parent_id\`, \`position\`);`);

    this.addSql(`create table \`article\` (\`id\` integer not null primary key autoincrement, \`slug\` text not null, \`headline\` text not null, \`standfirst\` text null, \`status\` text not null default 'DRAFT', \`section_id\` integer not null, \`body\` json not null, \`main_image_id\` integer null, \`first_published_at\` datetime null, \`published_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`article_section_id_foreign\` foreign key(\`section_id\`) references \`section\`(\`id\`) on update cascade, constraint \`article_main_image_id_foreign\` foreign key(\`main_image_id\`) references \`image\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create unique index \`article_slug_unique\` on \`article\` (\`slug\`);`);
    this.addSql(`create index \`article_section_id_index\` on \`article\` (\`section_id\`);`);
    this.addSql(`create index \`article_main_image_id_index\` on \`article\` (\`main_image_id\`);`);
    this.addSql(`create index \`article_updated_at_id_index\` on \`article\` (\`updated_at\`, \`id\`);`);
    this.addSql(`create index \`article_section_id_status_published_at_index\` on \`article\` (\`section_id\`, \`status\`, \`published_at\`);`);
    this.addSql(`create index \`article_status_published_at_id_index\` on \`article\` (\`status\`, \`published_at\`, \`id\`);`);

    this.addSql(`create table \`related_link\` (\`article_id\` integer not null, \`related_id\` integer not null, \`relation\` text not null, \`position\` integer not null, constraint \`related_link_article_id_foreign\` foreign key(\`article_id\`) references \`article\`(\`id\`) on delete cascade on update cascade, constraint \`related_link_related_id_foreign\` foreign key(\`related_id\`) references \`article\`(\`id\`) on delete cascade on update cascade, primary key (\`article_id\`, \`related_id\`));`);
    this.addSql(`create index \`related_link_article_id_index\` on \`related_link\` (\`article_id\`);`);
    this.addSql(`create index \`related_link_related_id_index\` on \`related_link\` (\`related_id\`);`);
    this.addSql(`create index \`related_link_related_id_article_id_index\` on \`related_link\` (\`related_id\`, \`article_id\`);`);

    this.addSql(`create table \`correction\` (\`id\` integer not null primary key autoincrement, \`article_id\` integer not null, \`text\` text not null, \`published_at\` datetime not null, constraint \`correction_article_id_foreign\` foreign key(\`article_id\`) references \`article\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`correction_article_id_index\` on \`correction\` (\`article_id\`);`);
    this.addSql(`create index \`correction_article_id_published_at_index\` on \`correction\` (\`article_id\`, \`published_at\`);`);

    this.addSql(`create table \`article_path\` (\`id\` integer not null primary key autoincrement, \`path\` text not null, \`article_id\` integer not null, \`created_at\` datetime not null, constraint \`article_path_article_id_foreign\` foreign key(\`article_id\`) references \`article\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create unique index \`article_path_path_unique\` on \`article_path\` (\`path\`);`);
    this.addSql(`create index \`article_path_article_id_index\` on \`article_path\` (\`article_id\`);`);
    this.addSql(`create index \`article_path_article_id_created_at_index\` on \`article_path\` (\`article_id\`, \`created_at\`);`);

    this.addSql(`create table \`article_author\` (\`article_id\` integer not null, \`author_id\` integer not null, \`position\` integer not null, constraint \`article_author_article_id_foreign\` foreign key(\`article_id\`) references \`article\`(\`id\`) on delete cascade on update cascade, constraint \`article_author_author_id_foreign\` foreign key(\`author_id\`) references \`author\`(\`id\`) on update cascade, primary key (\`article_id\`, \`author_id\`));`);
    this.addSql(`create index \`article_author_article_id_index\` on \`article_author\` (\`article_id\`);`);
    this.addSql(`create index \`article_author_author_id_index\` on \`article_author\` (\`author_id\`);`);
    this.addSql(`create index \`article_author_author_id_article_id_index\` on \`article_author\` (\`author_id\`, \`article_id\`);`);

    this.addSql(`create table \`tag\` (\`id\` integer not null primary key autoincrement, \`slug\` text not null, \`name\` text not null, \`kind\` text not null, \`description\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`tag_slug_unique\` on \`tag\` (\`slug\`);`);

    this.addSql(`create table \`quote\` (\`id\` integer not null primary key autoincrement, \`article_id\` integer not null, \`position\` integer not null, \`block_index\` integer null, \`text\` text not null, \`speaker_name\` text not null, \`speaker_id\` integer null, \`reported_by_id\` integer null, \`context\` text null, \`created_at\` datetime not null, constraint \`quote_article_id_foreign\` foreign key(\`article_id\`) references \`article\`(\`id\`) on delete cascade on update cascade, constraint \`quote_speaker_id_foreign\` foreign key(\`speaker_id\`) references \`tag\`(\`id\`) on delete set null on update cascade, constraint \`quote_reported_by_id_foreign\` foreign key(\`reported_by_id\`) references \`tag\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`quote_article_id_index\` on \`quote\` (\`article_id\`);`);
    this.addSql(`create index \`quote_speaker_id_index\` on \`quote\` (\`speaker_id\`);`);
    this.addSql(`create index \`quote_reported_by_id_index\` on \`quote\` (\`reported_by_id\`);`);
    this.addSql(`create index \`quote_speaker_id_article_id_index\` on \`quote\` (\`speaker_id\`, \`article_id\`);`);
    this.addSql(`create index \`quote_article_id_position_index\` on \`quote\` (\`article_id\`, \`position\`);`);

    this.addSql(`create table \`article_tag\` (\`article_id\` integer not null, \`tag_id\` integer not null, \`position\` integer not null, constraint \`article_tag_article_id_foreign\` foreign key(\`article_id\`) references \`article\`(\`id\`) on delete cascade on update cascade, constraint \`article_tag_tag_id_foreign\` foreign key(\`tag_id\`) references \`tag\`(\`id\`) on update cascade, primary key (\`article_id\`, \`tag_id\`));`);
    this.addSql(`create index \`article_tag_article_id_index\` on \`article_tag\` (\`article_id\`);`);
    this.addSql(`create index \`article_tag_tag_id_index\` on \`article_tag\` (\`tag_id\`);`);
    this.addSql(`create index \`article_tag_tag_id_article_id_index\` on \`article_tag\` (\`tag_id\`, \`article_id\`);`);
  }

  override async down(): Promise<void> {
    // MikroORM writes no down() for SQLite: drop in reverse order of creation.
    this.addSql('drop table if exists `article_tag`;');
    this.addSql('drop table if exists `quote`;');
    this.addSql('drop table if exists `tag`;');
    this.addSql('drop table if exists `article_author`;');
    this.addSql('drop table if exists `article_path`;');
    this.addSql('drop table if exists `correction`;');
    this.addSql('drop table if exists `related_link`;');
    this.addSql('drop table if exists `article`;');
    this.addSql('drop table if exists `section`;');
    this.addSql('drop table if exists `author`;');
    this.addSql('drop table if exists `image`;');
  }
}
