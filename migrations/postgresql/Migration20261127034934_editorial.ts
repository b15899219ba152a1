import { Migration } from '@mikro-orm/migrations';

export class Migration20261127034934_editorial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_token" ("id" serial primary key, "name" varchar(120) not null, "role" varchar(16) not null, "hash" varchar(64) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "api_token" add constraint "api_token_name_unique" unique ("name");`);
    this.addSql(`alter table "api_token" add constraint "api_token_hash_unique" unique ("hash");`);

    this.addSql(`create table "audit_entry" ("id" serial primary key, "at" timestamptz not null, "actor" varchar(120) not null, "actor_role" varchar(16) not null, "action" varchar(60) not null, "subject_type" varchar(40) not null, "subject_id" int not null, "changes" jsonb not null);`);
    this.addSql(`create index "audit_entry_subject_type_subject_id_index" on "audit_entry" ("subject_type", "subject_id");`);
    this.addSql(`create index "audit_entry_at_id_index" on "audit_entry" ("at", "id");`);

    this.addSql(`create table "article_revision" ("id" serial primary key, "article_id" int not null, "version" int not null, "saved_at" timestamptz not null, "saved_by" varchar(120) not null, "saved_by_role" varchar(16) not null, "action" varchar(60) not null, "changes" jsonb not null, "snapshot" jsonb not null);`);
    this.addSql(`alter table "article_revision" add constraint "article_revision_article_id_version_unique" unique ("article_id", "version");`);

    this.addSql(`alter table "article_revision" add constraint "article_revision_article_id_foreign" foreign key ("article_id") references "article" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "article_revision" cascade;`);
  }

}
