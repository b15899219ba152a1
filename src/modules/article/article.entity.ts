import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { StoredBlock } from '../body/body.blocks';
import { Image } from '../image/image.entity';
import { Section } from '../section/section.entity';
import { LiveblogState } from '../liveblog/liveblog.enums';
import { ArticleStatus } from './article.enums';
import { LIMITS } from './article.limits';

/**
 * A piece of journalism. Reads go through plain rows (article.loaders.ts); this entity is the write
 * model, and its `version` is MikroORM's optimistic lock so no edit is silently overwritten.
 */
@Entity({ tableName: 'article' })
// Fronts and lists: newest public pieces, optionally within a set of sections.
@Index({ properties: ['status', 'publishedAt', 'id'] })
@Index({ properties: ['section', 'status', 'publishedAt'] })
@Index({ properties: ['updatedAt', 'id'] })
export class Article {
  [OptionalProps]?: 'status' | 'body' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 200, unique: true })
  slug!: string;

  @Property({ type: 'string', length: LIMITS.headline })
  headline!: string;

  @Property({ type: 'string', length: LIMITS.standfirst, nullable: true })
  standfirst?: string | null;

  // A plain string column: SQLite cannot diff CHECK constraints, and the services own the values.
  @Property({ type: 'string', length: 16 })
  status: ArticleStatus = ArticleStatus.DRAFT;

  @ManyToOne({ entity: () => Section })
  section!: Section;

  @Property({ type: 'json' })
  body: StoredBlock[] = [];

  @ManyToOne({ entity: () => Image, nullable: true })
  mainImage?: Image | null;

  /**
   * A SCHEDULED piece under embargo: until `publishedAt` (the lift) PARTNER tokens may read it as well
   * as the newsroom; to everyone else it is scheduled, and it goes public at its time as scheduled
   * pieces do. Cleared when the piece is published now, rescheduled or unpublished.
   */
  // Nullable, null reading as false, with no default: a column with a default is one MikroORM reads
  // back after every insert, which an older schema (tests migrate step by step) does not have.
  @Property({ type: 'boolean', nullable: true })
  embargoed?: boolean | null;

  /** Set once the piece is a liveblog (a stream of entries, LiveblogEntry); null for an ordinary article. */
  @Property({ type: 'string', length: 16, nullable: true })
  liveblog?: LiveblogState | null;

  @Property({ type: 'datetime', nullable: true })
  firstPublishedAt?: Date | null;

  /** When it went (or goes, if SCHEDULED) public. */
  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;
}
