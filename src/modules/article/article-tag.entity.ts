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

/**
 * A tag an editor took off an article: reanalyzeArticle does not put it back, as a found quote an
 * editor removed stays removed (QuoteDismissal). An editor giving the tag back lifts it.
 */
@Entity({ tableName: 'article_tag_dismissal' })
export class ArticleTagDismissal {
  @ManyToOne({ entity: () => Article, primary: true, deleteRule: 'cascade' })
  article!: Article;

  @ManyToOne({ entity: () => Tag, primary: true, deleteRule: 'cascade' })
  tag!: Tag;
}
