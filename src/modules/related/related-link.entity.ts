import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
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

  // A plain string column: SQLite cannot diff CHECK constraints, and the services own the values.
  @Property({ type: 'string', length: 16 })
  relation!: CoverageRelation;

  @Property({ type: 'integer' })
  position!: number;
}
