/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, e.g. 2026-11-26T09:30:00.000Z. */
  DateTime: { input: string; output: string; }
};

/** A piece of journalism. */
export type Article = Node & {
  __typename?: 'Article';
  /** The authors, in byline order. */
  authors: Array<Author>;
  /** The body as blocks, in reading order. */
  body: Array<BodyBlock>;
  /** The body as sanitized HTML, with an id on every subheading. */
  bodyHtml: Scalars['String']['output'];
  /** The body grouped under its subheadings; the opening run before the first subheading has no heading. */
  bodySections: Array<BodySection>;
  /** The body as plain text; blocks are separated by blank lines. */
  bodyText: Scalars['String']['output'];
  /** e.g. 'By Jane Doe and John Roe'; null when there are no authors. */
  byline?: Maybe<Scalars['String']['output']>;
  /** Published corrections, oldest first. */
  corrections: Array<Correction>;
  /** When the piece was first saved. */
  createdAt: Scalars['DateTime']['output'];
  /** When the piece first went public; never changes afterwards. */
  firstPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The headline. */
  headline: Scalars['String']['output'];
  /** Globally unique and opaque; stable for the life of the object. */
  id: Scalars['ID']['output'];
  /** The picture that leads the piece. */
  mainImage?: Maybe<Image>;
  /** When the piece went public, or goes public if it is scheduled. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Quotes in the article, in reading order. */
  quotes: Array<Quote>;
  /** Minutes to read the body at 230 words a minute; at least 1. */
  readingTimeMinutes: Scalars['Int']['output'];
  /** Editor-chosen coverage first, in the editor's order, then SIMILAR articles chosen by the service. */
  relatedCoverage: Array<RelatedCoverage>;
  /** The section the piece is filed in. */
  section: Section;
  /** The last part of the URI; unique across the site. */
  slug: Scalars['String']['output'];
  /** The summary under the headline (dek). */
  standfirst?: Maybe<Scalars['String']['output']>;
  /** Where the piece stands; a scheduled piece reads PUBLISHED once its time has come. */
  status: ArticleStatus;
  /** The body's subheadings, in order, with their anchors. */
  tableOfContents: Array<HeadingBlock>;
  /** The article's tags in the editor's order, optionally of one kind. */
  tags: Array<Tag>;
  /** When the piece was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The canonical public path: /<section path>/<slug>. */
  uri: Scalars['String']['output'];
  /** Increases with every saved change; updateArticle must name the version it edits. */
  version: Scalars['Int']['output'];
  /** Words in the body, quotes included. */
  wordCount: Scalars['Int']['output'];
};


/** A piece of journalism. */
export type ArticleRelatedCoverageArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A piece of journalism. */
export type ArticleTagsArgs = {
  kind?: InputMaybe<TagKind>;
};

/** A page of articles. */
export type ArticleConnection = {
  __typename?: 'ArticleConnection';
  /** The articles on this page, each with its cursor. */
  edges: Array<ArticleEdge>;
  /** The articles on this page. */
  nodes: Array<Article>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** How many articles the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

/** One article in a list, with the cursor to continue after it. */
export type ArticleEdge = {
  __typename?: 'ArticleEdge';
  /** Pass as `after` to get the items that follow this one. */
  cursor: Scalars['String']['output'];
  /** The article. */
  node: Article;
};

/** Narrows an article list; every field given must match. */
export type ArticleFilter = {
  /** An author slug. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** Only pieces published after this instant. */
  publishedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only pieces published before this instant. */
  publishedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** A section path, e.g. world/asia; includes its subsections. */
  section?: InputMaybe<Scalars['String']['input']>;
  /** Only editors may ask for anything but PUBLISHED. */
  status?: InputMaybe<ArticleStatus>;
  /** A tag slug. */
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** How article lists are ordered. */
export type ArticleOrder =
  | 'NEWEST'
  | 'OLDEST'
  | 'RECENTLY_UPDATED';

/** Where an article stands in its life: a scheduled piece reads as PUBLISHED once its time has come. */
export type ArticleStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED'
  | 'SCHEDULED';

/** A journalist credited in bylines. */
export type Author = Node & {
  __typename?: 'Author';
  /** The author's articles, newest first. */
  articles: ArticleConnection;
  /** A short biography for the author page. */
  bio?: Maybe<Scalars['String']['output']>;
  /** Globally unique and opaque; stable for the life of the object. */
  id: Scalars['ID']['output'];
  /** The author's portrait. */
  image?: Maybe<Image>;
  /** e.g. Asia correspondent. */
  jobTitle?: Maybe<Scalars['String']['output']>;
  /** The name as it appears in bylines. */
  name: Scalars['String']['output'];
  /** The last part of the author page URI. */
  slug: Scalars['String']['output'];
  /** The public path of the author page, e.g. /author/jane-doe. */
  uri: Scalars['String']['output'];
};


/** A journalist credited in bylines. */
export type AuthorArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of authors. */
export type AuthorConnection = {
  __typename?: 'AuthorConnection';
  /** The authors on this page, each with its cursor. */
  edges: Array<AuthorEdge>;
  /** The authors on this page. */
  nodes: Array<Author>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** How many authors the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

/** One author in a list, with the cursor to continue after it. */
export type AuthorEdge = {
  __typename?: 'AuthorEdge';
  /** Pass as `after` to get the items that follow this one. */
  cursor: Scalars['String']['output'];
  /** The author. */
  node: Author;
};

/** One block of an article's body. */
export type BodyBlock = HeadingBlock | ImageBlock | ListBlock | ParagraphBlock | QuoteBlock;

/** A run of an article's body under one subheading. */
export type BodySection = {
  __typename?: 'BodySection';
  /** The blocks after the heading, up to the next subheading. */
  blocks: Array<BodyBlock>;
  /** Null for the opening run before the first subheading. */
  heading?: Maybe<HeadingBlock>;
  /** The quotes that appear in this run, in reading order. */
  quotes: Array<Quote>;
};

/** A published correction to an article; corrections are never edited away. */
export type Correction = {
  __typename?: 'Correction';
  /** When the correction was published. */
  publishedAt: Scalars['DateTime']['output'];
  /** What was wrong and what is right. */
  text: Scalars['String']['output'];
};

/** Why a piece of related coverage belongs beside an article. */
export type CoverageRelation =
  | 'ANALYSIS'
  | 'BACKGROUND'
  | 'EXPLAINER'
  | 'FOLLOW_UP'
  | 'SEE_ALSO'
  /** Chosen by the service, not by an editor. */
  | 'SIMILAR';

/** A subheading of the body. */
export type HeadingBlock = {
  __typename?: 'HeadingBlock';
  /** The fragment id for this heading in bodyHtml. */
  anchor: Scalars['String']['output'];
  /** The HTML heading level, 2 to 4. */
  level: Scalars['Int']['output'];
  /** The subheading as plain text. */
  text: Scalars['String']['output'];
};

/** A picture with the text and credit a page needs to show it. */
export type Image = Node & {
  __typename?: 'Image';
  /** Describes the picture for readers who cannot see it. */
  altText: Scalars['String']['output'];
  /** The caption shown under the picture. */
  caption?: Maybe<Scalars['String']['output']>;
  /** Who took or owns the picture, e.g. "Photograph: KCNA". */
  credit?: Maybe<Scalars['String']['output']>;
  /** Height in pixels, when known. */
  height?: Maybe<Scalars['Int']['output']>;
  /** Globally unique and opaque; stable for the life of the object. */
  id: Scalars['ID']['output'];
  /** Where the picture can be fetched. */
  url: Scalars['String']['output'];
  /** Width in pixels, when known. */
  width?: Maybe<Scalars['Int']['output']>;
};

/** A picture within the body. */
export type ImageBlock = {
  __typename?: 'ImageBlock';
  /** The picture, with its caption and credit. */
  image: Image;
};

/** A bulleted or numbered list. */
export type ListBlock = {
  __typename?: 'ListBlock';
  /** The items, as plain text. */
  items: Array<Scalars['String']['output']>;
  /** True for a numbered list. */
  ordered: Scalars['Boolean']['output'];
};

/** An object with a globally unique, opaque ID. */
export type Node = {
  /** Globally unique and opaque; stable for the life of the object. */
  id: Scalars['ID']['output'];
};

/** Where a page sits in its list (Relay's cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item on this page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows; ask for it with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Always false: lists page forward only. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item on this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A paragraph of the body. */
export type ParagraphBlock = {
  __typename?: 'ParagraphBlock';
  /** The paragraph as sanitized inline HTML (links and emphasis), without a wrapping <p>. */
  html: Scalars['String']['output'];
  /** The paragraph as plain text. */
  text: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** An article by its slug; null when there is none the caller may see. */
  article?: Maybe<Article>;
  /** Articles, newest first unless ordered otherwise. */
  articles: ArticleConnection;
  /** An author by slug; null when there is none. */
  author?: Maybe<Author>;
  /** Authors A to Z. */
  authors: AuthorConnection;
  /** Fetches any object by its global ID; null when it does not exist or is not yours to see. */
  node?: Maybe<Node>;
  /** Fetches objects by global ID, in the order asked; null for each that is missing. */
  nodes: Array<Maybe<Node>>;
  /** Who said what: quotes across articles, newest article first. */
  quotes: QuoteConnection;
  /** Resolves a public path such as /world/asia/some-slug to what lives there, or to a redirect. */
  route?: Maybe<Route>;
  /** Full-text search over published articles, best match first. */
  search: SearchConnection;
  /** A section by its path, e.g. world/asia; null when there is none. */
  section?: Maybe<Section>;
  /** Top-level sections, in editorial order. */
  sections: Array<Section>;
  /** A tag by its slug; null when there is none. */
  tag?: Maybe<Tag>;
  /** Tags A to Z. */
  tags: TagConnection;
  /** The caller, when it presents a token; null for anonymous readers. */
  viewer?: Maybe<Viewer>;
};


export type QueryArticleArgs = {
  slug: Scalars['String']['input'];
};


export type QueryArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArticleOrder>;
};


export type QueryAuthorArgs = {
  slug: Scalars['String']['input'];
};


export type QueryAuthorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<QuoteFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRouteArgs = {
  path: Scalars['String']['input'];
};


export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QuerySectionArgs = {
  path: Scalars['String']['input'];
};


export type QueryTagArgs = {
  slug: Scalars['String']['input'];
};


export type QueryTagsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<TagKind>;
  query?: InputMaybe<Scalars['String']['input']>;
};

/** Words someone said, as an article reports them. */
export type Quote = Node & {
  __typename?: 'Quote';
  /** The article the quote appears in. */
  article: Article;
  /** The sentence in which the quote appears. */
  context?: Maybe<Scalars['String']['output']>;
  /** Globally unique and opaque; stable for the life of the object. */
  id: Scalars['ID']['output'];
  /** The outlet that carried the words, e.g. a news agency. */
  reportedBy?: Maybe<Tag>;
  /** The person or organization quoted, when known. */
  speaker?: Maybe<Tag>;
  /** The speaker as credited in the article. */
  speakerName: Scalars['String']['output'];
  /** The quoted words, without quotation marks. */
  text: Scalars['String']['output'];
};

/** A quote set apart from the text (a pull quote). */
export type QuoteBlock = {
  __typename?: 'QuoteBlock';
  /** The quote, with its speaker. */
  quote: Quote;
};

/** A page of quotes. */
export type QuoteConnection = {
  __typename?: 'QuoteConnection';
  /** The quotes on this page, each with its cursor. */
  edges: Array<QuoteEdge>;
  /** The quotes on this page. */
  nodes: Array<Quote>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** How many quotes the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

/** One quote in a list, with the cursor to continue after it. */
export type QuoteEdge = {
  __typename?: 'QuoteEdge';
  /** Pass as `after` to get the items that follow this one. */
  cursor: Scalars['String']['output'];
  /** The quote. */
  node: Quote;
};

/** Narrows a list of quotes; every field given must match. */
export type QuoteFilter = {
  /** The article the quotes appear in. */
  article?: InputMaybe<Scalars['ID']['input']>;
  /** Words that the quote's text contains. */
  query?: InputMaybe<Scalars['String']['input']>;
  /** The slug of the speaker's tag. */
  speaker?: InputMaybe<Scalars['String']['input']>;
};

/** The path has moved: send the reader on to `location`. */
export type Redirect = {
  __typename?: 'Redirect';
  /** The path to go to instead. */
  location: Scalars['String']['output'];
  /** True for a move that will not be undone (HTTP 301/308). */
  permanent: Scalars['Boolean']['output'];
};

/** A piece that belongs beside an article, and why. */
export type RelatedCoverage = {
  __typename?: 'RelatedCoverage';
  /** The related piece. */
  article: Article;
  /** Whether an editor chose it (true) or the service did (SIMILAR). */
  curated: Scalars['Boolean']['output'];
  /** Why it belongs beside the article. */
  relation: CoverageRelation;
};

/** What a token may do: contributors draft, editors also publish and curate, admins also manage sections and tokens. */
export type Role =
  | 'ADMIN'
  | 'CONTRIBUTOR'
  | 'EDITOR';

/** What lives at a public path. */
export type Route = Article | Author | Redirect | Section | Tag;

/** A page of search hits, best match first. */
export type SearchConnection = {
  __typename?: 'SearchConnection';
  /** The hits on this page. */
  edges: Array<SearchEdge>;
  /** Where this page sits in the results. */
  pageInfo: PageInfo;
  /** How many articles match in all. */
  totalCount: Scalars['Int']['output'];
};

/** One search hit. */
export type SearchEdge = {
  __typename?: 'SearchEdge';
  /** Pass as `after` to get the hits that follow this one. */
  cursor: Scalars['String']['output'];
  /** A short excerpt around the match, with matches wrapped in <mark>…</mark>. */
  highlight?: Maybe<Scalars['String']['output']>;
  /** The article that matched. */
  node: Article;
  /** Higher is a better match. */
  score: Scalars['Float']['output'];
};

/** A part of the site, in a tree such as World › Asia. */
export type Section = Node & {
  __typename?: 'Section';
  /** The section front: newest published pieces first. */
  articles: ArticleConnection;
  /** Subsections, in editorial order. */
  children: Array<Section>;
  /** What the section covers, for its front page. */
  description?: Maybe<Scalars['String']['output']>;
  /** Globally unique and opaque; stable for the life of the object. */
  id: Scalars['ID']['output'];
  /** The name readers see, e.g. Asia. */
  name: Scalars['String']['output'];
  /** The section above this one; null at the top. */
  parent?: Maybe<Section>;
  /** Slash-separated slugs from the top, e.g. world/asia. */
  path: Scalars['String']['output'];
  /** The last part of the path, e.g. asia. */
  slug: Scalars['String']['output'];
  /** The public path of the section front, e.g. /world/asia. */
  uri: Scalars['String']['output'];
};


/** A part of the site, in a tree such as World › Asia. */
export type SectionArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeSubsections?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A person, organization, place, event, series or topic that articles are about. */
export type Tag = Node & {
  __typename?: 'Tag';
  /** Articles with this tag, newest first. */
  articles: ArticleConnection;
  /** A line of context for the tag page. */
  description?: Maybe<Scalars['String']['output']>;
  /** Globally unique and opaque; stable for the life of the object. */
  id: Scalars['ID']['output'];
  /** What the tag stands for. */
  kind: TagKind;
  /** The name readers see. */
  name: Scalars['String']['output'];
  /** Quotes whose speaker is this tag, newest article first. */
  quotes: QuoteConnection;
  /** The last part of the tag page URI, e.g. kim-jong-un. */
  slug: Scalars['String']['output'];
  /** The public path of the tag page, e.g. /tag/kim-jong-un. */
  uri: Scalars['String']['output'];
};


/** A person, organization, place, event, series or topic that articles are about. */
export type TagArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person, organization, place, event, series or topic that articles are about. */
export type TagQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of tags. */
export type TagConnection = {
  __typename?: 'TagConnection';
  /** The tags on this page, each with its cursor. */
  edges: Array<TagEdge>;
  /** The tags on this page. */
  nodes: Array<Tag>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** How many tags the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

/** One tag in a list, with the cursor to continue after it. */
export type TagEdge = {
  __typename?: 'TagEdge';
  /** Pass as `after` to get the items that follow this one. */
  cursor: Scalars['String']['output'];
  /** The tag. */
  node: Tag;
};

/** What a tag stands for. */
export type TagKind =
  | 'EVENT'
  | 'ORGANIZATION'
  | 'PERSON'
  | 'PLACE'
  | 'SERIES'
  | 'TOPIC';

/** The caller, as their API token names them. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The token's name, e.g. the editor or the CMS it belongs to. */
  name: Scalars['String']['output'];
  /** What the caller may do. */
  role: Role;
};

/** Narrows an article list; every field given must match. */
export type ArticleFilter = {
  /** An author slug. */
  author?: string | null | undefined;
  /** Only pieces published after this instant. */
  publishedAfter?: string | null | undefined;
  /** Only pieces published before this instant. */
  publishedBefore?: string | null | undefined;
  /** A section path, e.g. world/asia; includes its subsections. */
  section?: string | null | undefined;
  /** Only editors may ask for anything but PUBLISHED. */
  status?: ArticleStatus | null | undefined;
  /** A tag slug. */
  tag?: string | null | undefined;
};

/** How article lists are ordered. */
export type ArticleOrder =
  | 'NEWEST'
  | 'OLDEST'
  | 'RECENTLY_UPDATED';

/** Where an article stands in its life: a scheduled piece reads as PUBLISHED once its time has come. */
export type ArticleStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED'
  | 'SCHEDULED';

/** Why a piece of related coverage belongs beside an article. */
export type CoverageRelation =
  | 'ANALYSIS'
  | 'BACKGROUND'
  | 'EXPLAINER'
  | 'FOLLOW_UP'
  | 'SEE_ALSO'
  /** Chosen by the service, not by an editor. */
  | 'SIMILAR';

/** Narrows a list of quotes; every field given must match. */
export type QuoteFilter = {
  /** The article the quotes appear in. */
  article?: string | number | null | undefined;
  /** Words that the quote's text contains. */
  query?: string | null | undefined;
  /** The slug of the speaker's tag. */
  speaker?: string | null | undefined;
};

/** What a token may do: contributors draft, editors also publish and curate, admins also manage sections and tokens. */
export type Role =
  | 'ADMIN'
  | 'CONTRIBUTOR'
  | 'EDITOR';

/** What a tag stands for. */
export type TagKind =
  | 'EVENT'
  | 'ORGANIZATION'
  | 'PERSON'
  | 'PLACE'
  | 'SERIES'
  | 'TOPIC';

export type ArticlePageQueryVariables = Exact<{
  path: string;
}>;


export type ArticlePageQuery = { route:
    | { __typename: 'Article', id: string, uri: string, headline: string, standfirst: string | null, byline: string | null, publishedAt: string | null, updatedAt: string, readingTimeMinutes: number, section: { id: string, name: string, path: string, parent: { id: string, name: string, path: string } | null }, authors: Array<{ id: string, name: string, uri: string }>, tags: Array<{ id: string, name: string, kind: TagKind, uri: string }>, mainImage: { id: string, url: string, altText: string, caption: string | null, credit: string | null } | null, tableOfContents: Array<{ text: string, anchor: string }>, body: Array<
        | { __typename: 'HeadingBlock', text: string, level: number, anchor: string }
        | { __typename: 'ImageBlock', image: { id: string, url: string, altText: string, caption: string | null, credit: string | null } }
        | { __typename: 'ListBlock', ordered: boolean, items: Array<string> }
        | { __typename: 'ParagraphBlock', html: string }
        | { __typename: 'QuoteBlock', quote: { id: string, text: string, speakerName: string } }
      >, quotes: Array<{ id: string, text: string, speakerName: string, speaker: { id: string, name: string, uri: string } | null, reportedBy: { id: string, name: string } | null }>, relatedCoverage: Array<{ relation: CoverageRelation, curated: boolean, article: { id: string, uri: string, headline: string, publishedAt: string | null } }>, corrections: Array<{ text: string, publishedAt: string }> }
    | { __typename: 'Author' }
    | { __typename: 'Redirect', location: string, permanent: boolean }
    | { __typename: 'Section' }
    | { __typename: 'Tag' }
   | null };

export type QuotesBySpeakerQueryVariables = Exact<{
  speaker: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type QuotesBySpeakerQuery = { quotes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, text: string, context: string | null, speakerName: string, reportedBy: { name: string } | null, article: { id: string, uri: string, headline: string, publishedAt: string | null } } }> } };

export type SearchQueryVariables = Exact<{
  query: string;
  filter?: ArticleFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ score: number, highlight: string | null, node: { id: string, uri: string, headline: string, publishedAt: string | null, section: { name: string } } }> } };

export type SectionFrontQueryVariables = Exact<{
  path: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SectionFrontQuery = { section: { id: string, name: string, path: string, children: Array<{ id: string, name: string, path: string }>, articles: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, uri: string, headline: string, standfirst: string | null, publishedAt: string | null, section: { id: string, name: string }, authors: Array<{ id: string, name: string }>, tags: Array<{ id: string, name: string, kind: TagKind }>, quotes: Array<{ id: string, text: string, speaker: { id: string, name: string } | null }>, relatedCoverage: Array<{ relation: CoverageRelation, article: { id: string, uri: string, headline: string } }> }> } } | null };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Article', headline: string, uri: string, id: string }
    | { __typename: 'Author', slug: string, name: string, id: string }
    | { __typename: 'Image', url: string, altText: string, id: string }
    | { __typename: 'Quote', text: string, speakerName: string, id: string }
    | { __typename: 'Section', path: string, id: string }
    | { __typename: 'Tag', slug: string, name: string, id: string }
   | null };

export type NodesByIdsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesByIdsQuery = { nodes: Array<
    | { __typename: 'Article', id: string }
    | { __typename: 'Author', id: string }
    | { __typename: 'Image', id: string }
    | { __typename: 'Quote', id: string }
    | { __typename: 'Section', id: string }
    | { __typename: 'Tag', id: string }
   | null> };

export type ArticleBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type ArticleBySlugQuery = { article: { id: string, slug: string, uri: string, headline: string, standfirst: string | null, status: ArticleStatus, version: number, wordCount: number, readingTimeMinutes: number, bodyText: string, bodyHtml: string, firstPublishedAt: string | null, publishedAt: string | null, byline: string | null, tableOfContents: Array<{ text: string, level: number, anchor: string }>, body: Array<
      | { __typename: 'HeadingBlock', text: string, anchor: string }
      | { __typename: 'ImageBlock' }
      | { __typename: 'ListBlock' }
      | { __typename: 'ParagraphBlock', text: string }
      | { __typename: 'QuoteBlock' }
    >, bodySections: Array<{ heading: { text: string, anchor: string } | null, blocks: Array<
        | { __typename: 'HeadingBlock' }
        | { __typename: 'ImageBlock' }
        | { __typename: 'ListBlock' }
        | { __typename: 'ParagraphBlock' }
        | { __typename: 'QuoteBlock' }
      >, quotes: Array<{ text: string }> }>, quotes: Array<{ id: string, text: string, speakerName: string, context: string | null, speaker: { slug: string, name: string, kind: TagKind } | null, reportedBy: { slug: string, name: string } | null, article: { slug: string } }>, relatedCoverage: Array<{ relation: CoverageRelation, curated: boolean, article: { slug: string } }>, corrections: Array<{ text: string, publishedAt: string }>, mainImage: { id: string, url: string, altText: string, caption: string | null, credit: string | null } | null, authors: Array<{ slug: string, name: string }>, tags: Array<{ slug: string, name: string, kind: TagKind }>, people: Array<{ slug: string }>, section: { path: string } } | null };

export type ArticleListQueryVariables = Exact<{
  filter?: ArticleFilter | null | undefined;
  orderBy?: ArticleOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ArticleListQuery = { articles: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, slug: string, publishedAt: string | null, updatedAt: string, section: { path: string } } }>, nodes: Array<{ slug: string }> } };

export type TagPageQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TagPageQuery = { tag: { id: string, name: string, kind: TagKind, uri: string, articles: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ slug: string, publishedAt: string | null }> }, quotes: { totalCount: number, nodes: Array<{ text: string, article: { slug: string } }> } } | null };

export type TagListQueryVariables = Exact<{
  kind?: TagKind | null | undefined;
  query?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TagListQuery = { tags: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ slug: string, name: string, kind: TagKind }> } };

export type AuthorPageQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuthorPageQuery = { author: { id: string, name: string, jobTitle: string | null, bio: string | null, uri: string, image: { url: string } | null, articles: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ slug: string, authors: Array<{ slug: string }> }> } } | null };

export type AuthorListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuthorListQuery = { authors: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ slug: string, name: string }> } };

export type SectionListQueryVariables = Exact<{ [key: string]: never; }>;


export type SectionListQuery = { sections: Array<{ id: string, name: string, path: string, uri: string, parent: { path: string } | null, children: Array<{ name: string, path: string, uri: string, parent: { path: string } | null }> }> };

export type SectionArticlesQueryVariables = Exact<{
  path: string;
  includeSubsections?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SectionArticlesQuery = { section: { path: string, articles: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ slug: string, section: { path: string } }> } } | null };

export type RouteKindQueryVariables = Exact<{
  path: string;
}>;


export type RouteKindQuery = { route:
    | { __typename: 'Article', slug: string }
    | { __typename: 'Author', slug: string }
    | { __typename: 'Redirect', location: string, permanent: boolean }
    | { __typename: 'Section', path: string }
    | { __typename: 'Tag', slug: string }
   | null };

export type QuoteSearchQueryVariables = Exact<{
  filter?: QuoteFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type QuoteSearchQuery = { quotes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ text: string, speakerName: string, article: { slug: string } }> } };

export type CurrentViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentViewerQuery = { viewer: { name: string, role: Role } | null };


export const ArticlePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArticlePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"route"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Redirect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"permanent"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"standfirst"}},{"kind":"Field","name":{"kind":"Name","value":"byline"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"readingTimeMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"authors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mainImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tableOfContents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"anchor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParagraphBlock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"html"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeadingBlock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"anchor"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QuoteBlock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"speakerName"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageBlock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ListBlock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ordered"}},{"kind":"Field","name":{"kind":"Name","value":"items"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"quotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"speakerName"}},{"kind":"Field","name":{"kind":"Name","value":"speaker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"relatedCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"curated"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArticlePageQuery, ArticlePageQueryVariables>;
export const QuotesBySpeakerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuotesBySpeaker"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"speaker"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quotes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"speaker"},"value":{"kind":"Variable","name":{"kind":"Name","value":"speaker"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"speakerName"}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuotesBySpeakerQuery, QuotesBySpeakerQueryVariables>;
export const SearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Search"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"highlight"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;
export const SectionFrontDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SectionFront"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"standfirst"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"speaker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"relatedCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SectionFrontQuery, SectionFrontQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Section"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tag"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Author"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quote"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"speakerName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Image"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const NodesByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodesByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NodesByIdsQuery, NodesByIdsQueryVariables>;
export const ArticleBySlugDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArticleBySlug"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"standfirst"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"wordCount"}},{"kind":"Field","name":{"kind":"Name","value":"readingTimeMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"bodyText"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}},{"kind":"Field","name":{"kind":"Name","value":"firstPublishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"byline"}},{"kind":"Field","name":{"kind":"Name","value":"tableOfContents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"anchor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParagraphBlock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeadingBlock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"anchor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bodySections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"heading"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"anchor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"blocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"quotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"speakerName"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"speaker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"relatedCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"curated"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mainImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"people"},"name":{"kind":"Name","value":"tags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"PERSON"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<ArticleBySlugQuery, ArticleBySlugQueryVariables>;
export const ArticleListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArticleList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<ArticleListQuery, ArticleListQueryVariables>;
export const TagPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TagPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"quotes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TagPageQuery, TagPageQueryVariables>;
export const TagListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TagList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TagKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<TagListQuery, TagListQueryVariables>;
export const AuthorPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthorPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"author"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"authors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuthorPageQuery, AuthorPageQueryVariables>;
export const AuthorListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthorList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AuthorListQuery, AuthorListQueryVariables>;
export const SectionListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SectionList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SectionListQuery, SectionListQueryVariables>;
export const SectionArticlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SectionArticles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeSubsections"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeSubsections"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeSubsections"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SectionArticlesQuery, SectionArticlesQueryVariables>;
export const RouteKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RouteKind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"route"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Section"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tag"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Author"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Redirect"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"permanent"}}]}}]}}]}}]} as unknown as DocumentNode<RouteKindQuery, RouteKindQueryVariables>;
export const QuoteSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuoteSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"QuoteFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quotes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"speakerName"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuoteSearchQuery, QuoteSearchQueryVariables>;
export const CurrentViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurrentViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<CurrentViewerQuery, CurrentViewerQueryVariables>;