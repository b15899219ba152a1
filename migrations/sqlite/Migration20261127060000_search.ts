import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search: an FTS5 table keyed by article id (rowid). Porter stemming, diacritics folded,
 * and prefix indexes of 2 and 3 characters so search-as-you-type stays fast. Not an entity: the
 * schema diff skips article_search* (src/database/orm.ts).
 */
export class Migration20261127060000_search extends Migration {
  override async up(): Promise<void> {
    await this.execute(
      "create virtual table `article_search` using fts5(`headline`, `standfirst`, `tags`, `body`, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');",
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `article_search`;');
  }
}
