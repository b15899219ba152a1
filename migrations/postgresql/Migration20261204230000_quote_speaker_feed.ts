import { Migration } from '@mikro-orm/migrations';

/**
 * Each quote carries its article's status and publication time, so a speaker's newest quotes are a
 * range of one index in list order (QuoteService.list) instead of a join that reads and sorts all of
 * them. Triggers keep the copies in the same transaction as every write, so no code path can forget
 * them: a quote takes its article's when written, and an article's change reaches its quotes.
 */
export class Migration20261204230000_quote_speaker_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "quote" add column "article_status" varchar(16) null, add column "article_published_at" timestamptz null;');
    this.addSql('update "quote" q set "article_status" = a."status", "article_published_at" = a."published_at" from "article" a where a."id" = q."article_id";');
    this.addSql('drop index if exists "quote_speaker_id_article_id_index";');
    this.addSql('create index "quote_speaker_feed_index" on "quote" ("speaker_id", "article_status", "article_published_at" desc, "article_id" desc, "position");');
    // FOR SHARE: a quote written while its article's status changes waits for that change and copies
    // its outcome, and the change, waiting in turn, then reaches the new quote.
    this.addSql(`create function "quote_article_fill"() returns trigger language plpgsql as $$
    begin
      select "status", "published_at" into new."article_status", new."article_published_at" from "article" where "id" = new."article_id" for share;
      return new;
    end $$;`);
    this.addSql('create trigger "quote_article_fill" before insert or update of "article_id" on "quote" for each row execute function "quote_article_fill"();');
    this.addSql(`create function "article_quote_update"() returns trigger language plpgsql as $$
    begin
      update "quote" set "article_status" = new."status", "article_published_at" = new."published_at" where "article_id" = new."id";
      return null;
    end $$;`);
    this.addSql(`create trigger "article_quote_update" after update of "status", "published_at" on "article" for each row
      when (old."status" is distinct from new."status" or old."published_at" is distinct from new."published_at") execute function "article_quote_update"();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists "article_quote_update"() cascade;');
    this.addSql('drop function if exists "quote_article_fill"() cascade;');
    this.addSql('drop index if exists "quote_speaker_feed_index";');
    this.addSql('create index "quote_speaker_id_article_id_index" on "quote" ("speaker_id", "article_id");');
    this.addSql('alter table "quote" drop column "article_published_at", drop column "article_status";');
  }
}
