import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One committed change to an article, for apps that sync (ChangeFeedService): which article, in
 * commit order (`seq`, handed out by FeedHead under its row lock, so a later seq never commits
 * first), and the section it was filed in (a move is two changes: one in each section, so apps that
 * follow the old one learn to drop it). No foreign keys: the change of an article or section that is
 * later deleted still says so.
 */
@Entity({ tableName: 'article_change' })
@Index({ properties: ['at'] })
@Index({ properties: ['sectionId', 'seq'] })
export class ArticleChange {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  seq!: number;

  @Property({ type: 'integer' })
  articleId!: number;

  @Property({ type: 'integer' })
  sectionId!: number;

  @Property({ type: 'datetime' })
  at!: Date;
}

/**
 * The feed's one row: the last seq handed out, the last one pruned (older cursors must resync), and
 * the instant through which scheduled pieces that came due have been written into the feed.
 */
@Entity({ tableName: 'feed_head' })
export class FeedHead {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer', default: 0 })
  seq!: number;

  @Property({ type: 'integer', default: 0 })
  prunedThrough!: number;

  @Property({ type: 'datetime', nullable: true })
  dueThrough?: Date | null;
}
