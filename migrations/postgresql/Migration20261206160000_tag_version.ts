import { Migration } from '@mikro-orm/migrations';

/**
 * A tag's version (MikroORM's optimistic lock): updateTag names the version it edits, so two editors
 * renaming a tag at once cannot silently overwrite each other. Tags that exist start at 1.
 */
export class Migration20261206160000_tag_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tag" add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tag" drop column "version";`);
  }
}
