import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Role } from '../../auth/viewer';
import type { StoredBlock } from '../body/body.blocks';
import { Article } from './article.entity';
import type { ArticleFieldSnapshot } from './article.fields';

/** What an article held at one version: enough to show it and to restore it. */
export interface ArticleSnapshot extends ArticleFieldSnapshot {
  slug: string;
  sectionId: number;
  authorIds: number[];
  tagIds: number[];
  body: StoredBlock[];
  mainImageId: number | null;
  status: string;
  publishedAt: string | null;
}

/** Every saved change to an article keeps one: who, when, what changed, and the article as it then stood. */
@Entity({ tableName: 'article_revision' })
@Unique({ properties: ['article', 'version'] })
export class ArticleRevision {
  [OptionalProps]?: 'savedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Article, deleteRule: 'cascade' })
  article!: Article;

  /** The article's version this change produced. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime' })
  savedAt: Date = new Date();

  /** The token's name; kept as text so revisions outlive tokens. */
  @Property({ type: 'string', length: 120 })
  savedBy!: string;

  // A plain string column, like the other enums: SQLite cannot diff CHECK constraints.
  @Property({ type: 'string', length: 16 })
  savedByRole!: Role;

  /** The mutation that saved it, e.g. updateArticle. */
  @Property({ type: 'string', length: 60 })
  action!: string;

  /** The fields this change touched, e.g. ["headline", "body"]. */
  @Property({ type: 'json' })
  changes!: string[];

  @Property({ type: 'json' })
  snapshot!: ArticleSnapshot;
}
