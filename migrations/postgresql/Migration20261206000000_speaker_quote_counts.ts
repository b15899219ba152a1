import { Migration } from '@mikro-orm/migrations';

/**
 * How many quotes each speaker has in each status of their articles, kept by triggers on "quote" in
 * the same transaction as every write, as section_article_count is for fronts. A speaker's quote list
 * counts from these instead of from their rows (QuoteService.bySpeaker), so its totalCount costs the
 * same for someone quoted in every third story as for someone quoted once (issue 14, part 3).
 * Statement triggers: each statement's changes are summed per (speaker, status) and applied in that
 * order, so two writers touching the same speakers lock their counters in the same order.
 * Not an entity: the schema diff skips speaker_quote_count (src/database/orm.ts).
 */
export class Migration20261206000000_speaker_quote_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "speaker_quote_count" (
      "speaker_id" integer not null,
      "status" varchar(16) not null,
      "quotes" integer not null,
      constraint "speaker_quote_count_pkey" primary key ("speaker_id", "status"),
      constraint "speaker_quote_count_speaker_id_foreign" foreign key ("speaker_id") references "tag" ("id") on delete cascade
    );`);
    this.addSql(`insert into "speaker_quote_count" ("speaker_id", "status", "quotes")
      select "speaker_id", "article_status", count(*) from "quote" where "speaker_id" is not null and "article_status" is not null group by "speaker_id", "article_status";`);
    // Transition tables exist only for the events a trigger names: each branch reads its own.
    this.addSql(`create function "speaker_quote_count_change"() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${apply("select \"speaker_id\", \"article_status\", 1 from \"new_quotes\"")}
      elsif tg_op = 'DELETE' then
        ${apply("select \"speaker_id\", \"article_status\", -1 from \"old_quotes\"")}
      else
        ${apply("select \"speaker_id\", \"article_status\", 1 from \"new_quotes\" union all select \"speaker_id\", \"article_status\", -1 from \"old_quotes\"")}
      end if;
      return null;
    end $$;`);
    this.addSql(`create trigger "speaker_quote_count_insert" after insert on "quote" referencing new table as "new_quotes"
      for each statement execute function "speaker_quote_count_change"();`);
    this.addSql(`create trigger "speaker_quote_count_delete" after delete on "quote" referencing old table as "old_quotes"
      for each statement execute function "speaker_quote_count_change"();`);
    this.addSql(`create trigger "speaker_quote_count_update" after update on "quote" referencing old table as "old_quotes" new table as "new_quotes"
      for each statement execute function "speaker_quote_count_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists "speaker_quote_count_change"() cascade;');
    this.addSql('drop table if exists "speaker_quote_count";');
  }
}

/** Adds the (speaker, status, change) rows a statement gives to the counters, in key order; rows that cancel out lock nothing. */
function apply(changes: string): string {
  return `insert into "speaker_quote_count" ("speaker_id", "status", "quotes")
          select "speaker_id", "article_status", sum(change) from (${changes}) as changes ("speaker_id", "article_status", change)
          where "speaker_id" is not null and "article_status" is not null
          group by "speaker_id", "article_status" having sum(change) <> 0 order by "speaker_id", "article_status"
          on conflict ("speaker_id", "status") do update set "quotes" = "speaker_quote_count"."quotes" + excluded."quotes";`;
}
