import { Migration } from '@mikro-orm/migrations';

/**
 * Other names of a tag (KCNA for Korean Central News Agency), in the editor's order. `normalized` is
 * the alias case-folded with its spaces collapsed (tagNameKey, src/modules/tag/tag.names.ts), unique
 * across all tags: one alias names one tag, and finding the tag called X is one index lookup.
 */
export class Migration20261204100000_tag_aliases extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`tag_alias\` (\`id\` integer not null primary key autoincrement, \`tag_id\` integer not null, \`position\` integer not null, \`alias\` text not null, \`normalized\` text not null, constraint \`tag_alias_tag_id_foreign\` foreign key(\`tag_id\`) references \`tag\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql('create index `tag_alias_tag_id_index` on `tag_alias` (`tag_id`);');
    this.addSql('create unique index `tag_alias_normalized_unique` on `tag_alias` (`normalized`);');
  }

  override async down(): Promise<void> {
    // SQLite has no generated down migrations: its indexes go with the table.
    this.addSql('drop table if exists `tag_alias`;');
  }
}
