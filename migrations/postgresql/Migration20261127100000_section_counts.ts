import { Migration } from '@mikro-orm/migrations';

/**
 * How many articles each section holds in each status, kept by triggers on "article" in the same
 * transaction as every write, so no code path can forget it. A front's totalCount adds these up
 * instead of counting the section's rows on every request (src/modules/article/article.service.ts):
 * at 100,000 articles that count took about 8 ms. Not an entity: the schema diff skips
 * section_article_count (src/database/orm.ts).
 */
export class Migration20261127100000_section_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "section_article_count" (
      "section_id" integer not null,
      "status" varchar(16) not null,
      "articles" integer not null,
      constraint "section_article_count_pkey" primary key ("section_id", "status"),
      constraint "section_article_count_section_id_foreign" foreign key ("section_id") references "section" ("id") on delete cascade
    );`);
    this.addSql('insert into "section_article_count" ("section_id", "status", "articles") select "section_id", "status", count(*) from "article" group by "section_id", "status";');
    // Counter rows are locked in (section_id, status) order, so two writers moving articles opposite
    // ways (one published, one taken down, in the same section) cannot deadlock on them.
    this.addSql(`create function "article_count_change"() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and (new."section_id", new."status") < (old."section_id", old."status") then
        ${ADD_NEW}
        ${REMOVE_OLD}
      else
        if tg_op <> 'INSERT' then
          ${REMOVE_OLD}
        end if;
        if tg_op <> 'DELETE' then
          ${ADD_NEW}
        end if;
      end if;
      return null;
    end $$;`);
    this.addSql('create trigger "article_count_insert_delete" after insert or delete on "article" for each row execute function "article_count_change"();');
    this.addSql(`create trigger "article_count_update" after update of "section_id", "status" on "article" for each row
      when (old."section_id" is distinct from new."section_id" or old."status" is distinct from new."status") execute function "article_count_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "section_article_count";');
    this.addSql('drop function if exists "article_count_change"() cascade;');
  }
}

const ADD_NEW = `insert into "section_article_count" ("section_id", "status", "articles") values (new."section_id", new."status", 1)
          on conflict ("section_id", "status") do update set "articles" = "section_article_count"."articles" + 1;`;
const REMOVE_OLD = 'update "section_article_count" set "articles" = "articles" - 1 where "section_id" = old."section_id" and "status" = old."status";';
