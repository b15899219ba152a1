import { ArticleAuthor } from '../modules/article/article-author.entity';
import { ArticleTag, ArticleTagDismissal } from '../modules/article/article-tag.entity';
import { ArticleRevision } from '../modules/article/article-revision.entity';
import { Article } from '../modules/article/article.entity';
import { AuditEntry } from '../modules/audit/audit.entity';
import { Author } from '../modules/author/author.entity';
import { ArticleChange, FeedHead } from '../modules/changes/changes.entity';
import { Correction } from '../modules/correction/correction.entity';
import { Image } from '../modules/image/image.entity';
import { LiveblogEntry } from '../modules/liveblog/liveblog.entity';
import { Quote, QuoteDismissal } from '../modules/quote/quote.entity';
import { RelatedLink } from '../modules/related/related-link.entity';
import { ArticlePath } from '../modules/route/article-path.entity';
import { Section } from '../modules/section/section.entity';
import { Tag } from '../modules/tag/tag.entity';
import { ApiToken } from '../modules/token/token.entity';

/** Every table the service owns, listed so that discovery never depends on file globs. */
export const entities = [
  Image,
  Section,
  Tag,
  Author,
  Article,
  ArticleAuthor,
  ArticleTag,
  ArticleTagDismissal,
  Quote,
  QuoteDismissal,
  RelatedLink,
  Correction,
  LiveblogEntry,
  ArticlePath,
  ArticleRevision,
  ApiToken,
  AuditEntry,
  ArticleChange,
  FeedHead,
];
