import { Migration } from '@mikro-orm/migrations';

/**
 * A tag's name as it is looked up (tagNameKey: letter case and apostrophes folded in JavaScript, the
 * same on both databases), by index. Filled, and aliases' keys refolded, by migrateToLatest
 * (FILLED_AFTER): the folding is today's code.
 */
export class Migration20261206161058_tag_name_key extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tag" add column "name_key" varchar(400) not null default '';`);
    this.addSql(`create index "tag_name_key_index" on "tag" ("name_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "tag_name_key_index";`);
    this.addSql(`alter table "tag" drop column "name_key";`);
  }
}
