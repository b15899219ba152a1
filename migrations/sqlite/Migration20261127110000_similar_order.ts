import { Migration } from '@mikro-orm/migrations';

/**
 * An article's SIMILAR list in the order related coverage reads it (score, then the newer id), so
 * each card's read stops after its first rows instead of sorting ties on the id.
 */
export class Migration20261127110000_similar_order extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index `article_similar_article_id_score_similar_id_index` on `article_similar` (`article_id`, `score` desc, `similar_id` desc);');
    this.addSql('drop index `article_similar_article_id_score_index`;');
  }

  override async down(): Promise<void> {
    this.addSql('create index `article_similar_article_id_score_index` on `article_similar` (`article_id`, `score` desc, `similar_id`);');
    this.addSql('drop index `article_similar_article_id_score_similar_id_index`;');
  }
}
