import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Tag } from '../tag/tag.entity';
import { Article } from './article.entity';

/** A tag on an article, in the editor's order. */
@Entity({ tableName: 'article_tag' })
@Index({ properties: ['tag', 'article'] })
export class ArticleTag {
  @ManyToOne({ entity: () => Article, primary: true, deleteRule: 'cascade' })
  article!: Article;

  @ManyToOne({ entity: () => Tag, primary: true })
  tag!: Tag;

  @Property({ type: 'integer' })
  position!: number;
}
