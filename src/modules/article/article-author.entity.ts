import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Author } from '../author/author.entity';
import { Article } from './article.entity';

/** An author's credit on an article; `position` keeps the byline's order. */
@Entity({ tableName: 'article_author' })
@Index({ properties: ['author', 'article'] })
export class ArticleAuthor {
  @ManyToOne({ entity: () => Article, primary: true, deleteRule: 'cascade' })
  article!: Article;

  @ManyToOne({ entity: () => Author, primary: true })
  author!: Author;

  @Property({ type: 'integer' })
  position!: number;
}
