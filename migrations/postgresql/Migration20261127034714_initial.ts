import { Migration } from '@mikro-orm/migrations';

export class Migration20261127034714_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "image" ("id" serial primary key, "url" varchar(2000) not null, "alt_text" varchar(1000) not null, "caption" text null, "credit" varchar(300) null, "width" int null, "height" int null, "created_at" timestamptz not null);`);

    this.addSql(`create table "author" ("id" serial primary key, "slug" varchar(160) not null, "name" varchar(200) not null, "job_title" varchar(200) null, "bio" text null, "image_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "author" add constraint "author_slug_unique" unique ("slug");`);

    this.addSql(`create table "section" ("id" serial primary key, "slug" varchar(120) not null, "name" varchar(200) not null, "path" varchar(500) not null, "parent_id" int null, "position" int not null default 0, "description" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "section" add constraint "section_path_unique" unique ("path");`);
    this.addSql(`create index "section_parent_id_position_index" on "section" ("parent_id", "position");`);

    this.addSql(`create table "article" ("id" serial primary key, "slug" varchar(200) not null, "headline" varchar(500) not null, "standfirst" text null, "status" varchar(16) not null default 'DRAFT', "section_id" int not null, "body" jsonb not null, "main_image_id" int null, "first_published_at" timestamptz null, "published_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`);
    this.addSql(`alter table "article" add constraint "article_slug_unique" unique ("slug");`);
    this.addSql(`create index "article_updated_at_id_index" on "article" ("updated_at", "id");`);
    this.addSql(`create index "article_section_id_status_published_at_index" on "article" ("section_id", "status", "published_at");`);
    this.addSql(`create index "article_status_published_at_id_index" on "article" ("status", "published_at", "id");`);

    this.addSql(`create table "related_link" ("article_id" int not null, "related_id" int not null, "relation" varchar(16) not null, "position" int not null, constraint "related_link_pkey" primary key ("article_id", "related_id"));`);
    this.addSql(`create index "related_link_related_id_article_id_index" on "related_link" ("related_id", "article_id");`);

    this.addSql(`create table "correction" ("id" serial primary key, "article_id" int not null, "text" text not null, "published_at" timestamptz not null);`);
    this.addSql(`create index "correction_article_id_published_at_index" on "correction" ("article_id", "published_at");`);

    this.addSql(`create table "article_path" ("id" serial primary key, "path" varchar(800) not null, "article_id" int not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "article_path" add constraint "article_path_path_unique" unique ("path");`);
    this.addSql(`create index "article_path_article_id_created_at_index" on "article_path" ("article_id", "created_at");`);

    this.addSql(`create table "article_author" ("article_id" int not null, "author_id" int not null, "position" int not null, constraint "article_author_pkey" primary key ("article_id", "author_id"));`);
    this.addSql(`create index "article_author_author_id_article_id_index" on "article_author" ("author_id", "article_id");`);

    this.addSql(`create table "tag" ("id" serial primary key, "slug" varchar(160) not null, "name" varchar(200) not null, "kind" varchar(16) not null, "description" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "tag" add constraint "tag_slug_unique" unique ("slug");`);

    this.addSql(`create table "quote" ("id" serial primary key, "article_id" int not null, "position" int not null, "block_index" int null, "text" text not null, "speaker_name" varchar(200) not null, "speaker_id" int null, "reported_by_id" int null, "context" text null, "created_at" timestamptz not null);`);
    this.addSql(`create index "quote_speaker_id_article_id_index" on "quote" ("speaker_id", "article_id");`);
    this.addSql(`create index "quote_article_id_position_index" on "quote" ("article_id", "position");`);

    this.addSql(`create table "article_tag" ("article_id" int not null, "tag_id" int not null, "position" int not null, constraint "article_tag_pkey" primary key ("article_id", "tag_id"));`);
    this.addSql(`create index "article_tag_tag_id_article_id_index" on "article_tag" ("tag_id", "article_id");`);

    this.addSql(`alter table "author" add constraint "author_image_id_foreign" foreign key ("image_id") references "image" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "section" add constraint "section_parent_id_foreign" foreign key ("parent_id") references "section" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "article" add constraint "article_section_id_foreign" foreign key ("section_id") references "section" ("id") on update cascade;`);
    this.addSql(`alter table "article" add constraint "article_main_image_id_foreign" foreign key ("main_image_id") references "image" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "related_link" add constraint "related_link_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "related_link" add constraint "related_link_related_id_foreign" foreign key ("related_id") references "article" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "correction" add constraint "correction_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "article_path" add constraint "article_path_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "article_author" add constraint "article_author_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "article_author" add constraint "article_author_author_id_foreign" foreign key ("author_id") references "author" ("id") on update cascade;`);

    this.addSql(`alter table "quote" add constraint "quote_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "quote" add constraint "quote_speaker_id_foreign" foreign key ("speaker_id") references "tag" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "quote" add constraint "quote_reported_by_id_foreign" foreign key ("reported_by_id") references "tag" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "article_tag" add constraint "article_tag_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "article_tag" add constraint "article_tag_tag_id_foreign" foreign key ("tag_id") references "tag" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "author" drop constraint "author_image_id_foreign";`);

    this.addSql(`alter table "article" drop constraint "article_main_image_id_foreign";`);

    this.addSql(`alter table "article_author" drop constraint "article_author_author_id_foreign";`);

    this.addSql(`alter table "section" drop constraint "section_parent_id_foreign";`);

    this.addSql(`alter table "article" drop constraint "article_section_id_foreign";`);

    this.addSql(`alter table "related_link" drop constraint "related_link_article_id_foreign";`);

    this.addSql(`alter table "related_link" drop constraint "related_link_related_id_foreign";`);

    this.addSql(`alter table "correction" drop constraint "correction_article_id_foreign";`);

    this.addSql(`alter table "article_path" drop constraint "article_path_article_id_foreign";`);

    this.addSql(`alter table "article_author" drop constraint "article_author_article_id_foreign";`);

    this.addSql(`alter table "quote" drop constraint "quote_article_id_foreign";`);

    this.addSql(`alter table "article_tag" drop constraint "article_tag_article_id_foreign";`);

    this.addSql(`alter table "quote" drop constraint "quote_speaker_id_foreign";`);

    this.addSql(`alter table "quote" drop constraint "quote_reported_by_id_foreign";`);

    this.addSql(`alter table "article_tag" drop constraint "article_tag_tag_id_foreign";`);

    this.addSql(`drop table if exists "image" cascade;`);

    this.addSql(`drop table if exists "author" cascade;`);

    this.addSql(`drop table if exists "section" cascade;`);

    this.addSql(`drop table if exists "article" cascade;`);

    this.addSql(`drop table if exists "related_link" cascade;`);

    this.addSql(`drop table if exists "correction" cascade;`);

    this.addSql(`drop table if exists "article_path" cascade;`);

    this.addSql(`drop table if exists "article_author" cascade;`);

    this.addSql(`drop table if exists "tag" cascade;`);

    this.addSql(`drop table if exists "quote" cascade;`);

    this.addSql(`drop table if exists "article_tag" cascade;`);
  }

}
