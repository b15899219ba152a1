import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Article } from '../article/article.entity';
import { LIMITS } from '../article/article.limits';
import { Author } from '../author/author.entity';
import type { StoredBlock } from '../body/body.blocks';

/**
 * One dated update in a liveblog. Entries are written one after another while the story runs, so
 * each has its own optimistic lock (`revision`): correcting one never conflicts with the next being
 * added, nor with an edit to the article's headline.
 */
@Entity({ tableName: 'liveblog_entry' })
// The stream, newest first, and what is newer than a reader's cursor: an index range per liveblog.
@Index({
  name: 'liveblog_entry_stream_index',
  expression: 'create index "liveblog_entry_stream_index" on "liveblog_entry" ("article_id", "published_at" desc, "id" desc)',
})
// At most one pinned entry per liveblog, held by the database against two editors pinning at once.
@Index({
  name: 'liveblog_entry_pinned_index',
  expression: 'create unique index "liveblog_entry_pinned_index" on "liveblog_entry" ("article_id") where "pinned"',
})
export class LiveblogEntry {
  [OptionalProps]?: 'keyEvent' | 'pinned' | 'publishedAt' | 'updatedAt' | 'revision';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Article, deleteRule: 'cascade' })
  article!: Article;

  /** A short headline for the entry; many entries have none. */
  @Property({ type: 'string', length: LIMITS.entryTitle, nullable: true })
  title?: string | null;

  @Property({ type: 'json' })
  body: StoredBlock[] = [];

  @ManyToOne({ entity: () => Author, nullable: true, deleteRule: 'set null' })
  author?: Author | null;

  /** A turn in the story, listed among the liveblog's key events. */
  @Property({ type: 'boolean', default: false })
  keyEvent: boolean = false;

  /** Shown above the stream (a summary, the latest toll); one per liveblog. */
  @Property({ type: 'boolean', default: false })
  pinned: boolean = false;

  @Property({ type: 'datetime' })
  publishedAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Increases with every correction; updateLiveblogEntry and removeLiveblogEntry must name it. */
  @Property({ type: 'integer', version: true })
  revision!: number;
}
