import { Migration } from '@mikro-orm/migrations';

/**
 * The words of the index as written, not stemmed (issue 12): the Porter stemmer rewrites a word's
 * end, also of a beginning typed as the last word of a search ("pyongy" becomes pyongi, which begins
 * no stem of Pyongyang; running is stemmed run, which "runni" does not begin), so a search also
 * matches the whole words of the index that begin with what was typed (search.engines.ts).
 * - `article_search_word` holds every word the index has held, folded as the index folds it
 *   (unicode61, diacritics removed); words are only added (search.index.ts), and one no article
 *   holds any more matches nothing.
 * - `article_search_word_stem` indexes those words stemmed as article_search stems them, so a search
 *   asks it which words beginning with what was typed the stemmed prefix misses already.
 * Filled here from the index as it stands: FTS5 splits its texts into words (a scratch table and
 * its vocabulary). Not entities: the schema diff skips article_search* (src/database/orm.ts).
 */
export class Migration20261204120000_search_prefix extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table `article_search_word` (`id` integer not null primary key, `word` text not null);');
    this.addSql('create unique index `article_search_word_word_unique` on `article_search_word` (`word`);');
    this.addSql(
      "create virtual table `article_search_word_stem` using fts5(`word`, content = 'article_search_word', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2', detail = 'none', prefix = '3');",
    );
    this.addSql(`create trigger \`article_search_word_stem_insert\` after insert on \`article_search_word\` begin
      insert into \`article_search_word_stem\` (\`rowid\`, \`word\`) values (new.\`id\`, new.\`word\`);
    end;`);
    this.addSql("create virtual table temp.`article_search_word_scratch` using fts5(`text`, tokenize = 'unicode61 remove_diacritics 2', content = '', detail = 'none');");
    this.addSql(
      "insert into temp.`article_search_word_scratch` (`rowid`, `text`) select `rowid`, `headline` || ' ' || `standfirst` || ' ' || `tags` || ' ' || `body` from `article_search`;",
    );
    this.addSql('create virtual table temp.`article_search_word_scratch_vocabulary` using fts5vocab(temp, `article_search_word_scratch`, row);');
    this.addSql('insert into `article_search_word` (`word`) select `term` from temp.`article_search_word_scratch_vocabulary` order by `term`;');
    this.addSql('drop table temp.`article_search_word_scratch_vocabulary`;');
    this.addSql('drop table temp.`article_search_word_scratch`;');
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists `article_search_word_stem_insert`;');
    this.addSql('drop table if exists `article_search_word_stem`;');
    this.addSql('drop table if exists `article_search_word`;');
  }
}
