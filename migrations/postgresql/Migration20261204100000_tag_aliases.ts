import { Migration } from '@mikro-orm/migrations';

/**
 * Other names of a tag (KCNA for Korean Central News Agency), in the editor's order. `normalized` is
 * the alias case-folded with its spaces collapsed (tagNameKey, src/modules/tag/tag.names.ts), unique
 * across all tags: one alias names one tag, and finding the tag called X is one index lookup.
 */
export class Migration20261204100000_tag_aliases extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "tag_alias" ("id" serial primary key, "tag_id" int not null, "position" int not null, "alias" varchar(200) not null, "normalized" varchar(400) not null);`);
    this.addSql(`create index "tag_alias_tag_id_index" on "tag_alias" ("tag_id");`);
    this.addSql(`alter table "tag_alias" add constraint "tag_alias_normalized_unique" unique ("normalized");`);

    this.addSql(`alter table "tag_alias" add constraint "tag_alias_tag_id_foreign" foreign key ("tag_id") references "tag" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tag_alias" cascade;`);
  }
}
