import { Migration } from '@mikro-orm/migrations';

/**
 * Embargoes (issue 15, part 3): a SCHEDULED piece may be under embargo, readable before it lifts by
 * PARTNER tokens as well as the newsroom; to everyone else it is scheduled. Null reads as false.
 */
export class Migration20261206015502_embargo extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "article" add column "embargoed" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "article" drop column "embargoed";`);
  }
}
