import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Article } from '../article/article.entity';

/** A published correction: kept as news in its own right, never edited away. */
@Entity({ tableName: 'correction' })
@Index({ properties: ['article', 'publishedAt'] })
export class Correction {
  [OptionalProps]?: 'publishedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Article, deleteRule: 'cascade' })
  article!: Article;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'datetime' })
  publishedAt: Date = new Date();
}
