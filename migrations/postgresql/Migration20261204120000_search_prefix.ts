import { Migration } from '@mikro-orm/migrations';

/**
 * The words of the index as written, not stemmed (issue 12): the English stemmer rewrites a word's
 * end, also of a beginning typed as the last word of a search ("pyongy" becomes pyongi, which begins
 * no lexeme of Pyongyang; running is stemmed run, which "runni" does not begin), so a search also
 * matches the whole words of the index that begin with what was typed (search.engines.ts).
 * `article_search_word` holds every word the index has held, lowercased, in byte order (collation
 * "C") so that the words beginning with some letters are one range of its key; words are only added
 * (search.index.ts), and one no article holds any more matches nothing. Filled here from the index as
 * it stands, with the words PostgreSQL's parser finds in its texts (the `simple` configuration: no
 * stemming, no stop words), but for compounds ("north-korean": its parts are words too), addresses
 * and numbers with punctuation. Not an entity: the schema diff skips article_search* (src/database/orm.ts).
 */
export class Migration20261204120000_search_prefix extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "article_search_word" ("word" text collate "C" not null, constraint "article_search_word_pkey" primary key ("word"));');
    this.addSql(`insert into "article_search_word" ("word")
      select distinct "w"."lexeme" from "article_search" as "s" cross join unnest(to_tsvector('simple', array_to_string("s"."texts", ' '))) as "w"
      where "w"."lexeme" !~ '[^[:alnum:]]' order by 1;`);
    this.addSql('analyze "article_search_word";');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "article_search_word";');
  }
}
