import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Article } from '../article/article.entity';
import { ArticleStatus } from '../article/article.enums';
import { LIMITS } from '../article/article.limits';
import { foldForLookup } from '../search/search.fold';
import { Tag } from '../tag/tag.entity';
import { QuoteOrigin } from './quote.enums';

/** Words someone said, as an article reports them, linked to the speaker's tag when known. */
@Entity({ tableName: 'quote' })
@Index({ properties: ['article', 'position'] })
// Who said what, across articles: a speaker's quotes of each status in list order (QuoteService.list),
// so the newest are an index range however many there are. An expression for the mixed directions,
// which the schema diff compares by name.
@Index({
  name: 'quote_speaker_feed_index',
  expression: 'create index "quote_speaker_feed_index" on "quote" ("speaker_id", "article_status", "article_published_at" desc, "article_id" desc, "position")',
})
export class Quote {
  [OptionalProps]?: 'createdAt' | 'origin' | 'searchText';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Article, deleteRule: 'cascade' })
  article!: Article;

  /** Reading order within the article. */
  @Property({ type: 'integer' })
  position!: number;

  /** Index of the body block the words appear in, so body sections know their quotes. */
  @Property({ type: 'integer', nullable: true })
  blockIndex?: number | null;

  @Property({ type: 'text' })
  text!: string;

  /** As the copy credits the speaker; empty when it does not say who spoke. */
  @Property({ type: 'string', length: LIMITS.speakerName })
  speakerName!: string;

  /** The words and the credit as quote search compares them (quoteSearchText), kept with every save. */
  @Property({ type: 'text', default: '', onCreate: (quote: Quote) => quoteSearchText(quote.text, quote.speakerName), onUpdate: (quote: Quote) => quoteSearchText(quote.text, quote.speakerName) })
  searchText!: string;

  @ManyToOne({ entity: () => Tag, nullable: true })
  speaker?: Tag | null;

  @ManyToOne({ entity: () => Tag, nullable: true })
  reportedBy?: Tag | null;

  @Property({ type: 'text', nullable: true })
  context?: string | null;

  @Property({ type: 'string', length: 16, default: QuoteOrigin.EDITOR })
  origin: QuoteOrigin = QuoteOrigin.EDITOR;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /**
   * The article's status and publication time, copied onto its quotes by triggers on both tables
   * (migration 20261204230000) so that no write can leave them behind; the app never sets them.
   */
  @Property({ type: 'string', length: 16, nullable: true })
  articleStatus?: ArticleStatus | null;

  @Property({ type: 'datetime', nullable: true })
  articlePublishedAt?: Date | null;
}

/** What quote search looks for words in: the quote and who is credited with it, folded (foldForLookup). */
export function quoteSearchText(text: string, speakerName: string): string {
  return foldForLookup(`${text} ${speakerName}`);
}

/** The words of a quote the analysis found and an editor removed: reanalysis does not bring them back. */
@Entity({ tableName: 'quote_dismissal' })
export class QuoteDismissal {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Article, deleteRule: 'cascade', index: true })
  article!: Article;

  @Property({ type: 'text' })
  text!: string;
}
