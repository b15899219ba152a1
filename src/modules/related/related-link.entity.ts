import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Article } from '../article/article.entity';
import { CoverageRelation } from './related.enums';

/** Coverage an editor placed beside an article, in the editor's order. */
@Entity({ tableName: 'related_link' })
// Removing an article must find the links that point at it.
@Index({ properties: ['related', 'article'] })
export class RelatedLink {
  @ManyToOne({ entity: () => Article, primary: true, deleteRule: 'cascade' })
  article!: Article;

  @ManyToOne({ entity: () => Article, primary: true, deleteRule: 'cascade' })
  related!: Article;

  @Enum({ items: () => CoverageRelation })
  relation!: CoverageRelation;

  @Property({ type: 'integer' })
  position!: number;
}
