import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Article } from '../article/article.entity';

/**
 * A path an article used to live at. It points at the article, not at the next path, so a chain of
 * renames always redirects straight to the current URI.
 */
@Entity({ tableName: 'article_path' })
@Index({ properties: ['article', 'createdAt'] })
export class ArticlePath {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 800, unique: true })
  path!: string;

  @ManyToOne({ entity: () => Article, deleteRule: 'cascade' })
  article!: Article;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
