import { Migration } from '@mikro-orm/migrations';

/**
 * A quote's words and credit as quote search compares them (foldForLookup: letter case and
 * apostrophes folded in JavaScript, the same on both databases). Filled for the quotes already there
 * by migrateToLatest (FILLED_AFTER): the folding is today's code.
 */
export class Migration20261206171220_quote_search_text extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`quote\` add column \`search_text\` text not null default '';`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table `quote` drop column `search_text`;');
  }
}
