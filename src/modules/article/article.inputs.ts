import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../schema/date-time.scalar';
import { BodyBlockInput } from '../body/body.inputs';
import { ArticleStatus } from './article.enums';
import { ARTICLE_FIELDS, type ArticleFieldInputs } from './article.fields';
import { inWords, LIMITS } from './article.limits';

@InputType('ArticleFilter', { description: 'Narrows an article list; every field given must match.' })
export class ArticleFilterInput {
  @Field(() => String, { nullable: true, description: 'A section path, e.g. world/asia; includes its subsections.' })
  section?: string | null;

  @Field(() => String, { nullable: true, description: 'A tag slug.' })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'An author slug.' })
  author?: string | null;

  @Field(() => ArticleStatus, { nullable: true, description: 'Only the newsroom may ask for anything but PUBLISHED; PARTNER tokens may ask for SCHEDULED, and get the pieces under embargo.' })
  status?: ArticleStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'With status SCHEDULED: only pieces under embargo (true), or only those merely scheduled (false).' })
  embargoed?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only pieces published after this instant.' })
  publishedAfter?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only pieces published before this instant.' })
  publishedBefore?: Date | null;
}

@InputType('CreateArticleInput', { description: 'A new draft.' })
export class CreateArticleInput {
  @Field(() => String, { nullable: true, description: 'Made from the headline when left out (with -2, -3… if taken); a slug given here must be free.' })
  slug?: string | null;

  @Field(() => ID, { description: 'The section to file the piece in.' })
  sectionId!: string;

  @Field(() => [ID], { nullable: true, description: 'The authors, in byline order.' })
  authorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The tags, in the editor\'s order.' })
  tagIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Give the body either as Markdown or as blocks, not both.' })
  bodyMarkdown?: string | null;

  @Field(() => [BodyBlockInput], { nullable: true, description: 'The body as blocks, instead of bodyMarkdown.' })
  body?: BodyBlockInput[] | null;

  @Field(() => ID, { nullable: true, description: 'The picture that leads the piece.' })
  mainImageId?: string | null;
}

// Its plain fields come from ARTICLE_FIELDS (below); the interface lends them their types.
export interface CreateArticleInput extends ArticleFieldInputs {}
ARTICLE_FIELDS.input(CreateArticleInput, 'create');

@InputType('UpdateArticleInput', { description: 'A change to an article; fields left out stay as they are.' })
export class UpdateArticleInput {
  @Field(() => ID, { description: 'The article to change.' })
  id!: string;

  @Field(() => Int, { description: 'The version the change was made from; a stale version is a CONFLICT and changes nothing.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'A new slug; the old path keeps redirecting to the new one.' })
  slug?: string | null;

  @Field(() => ID, { nullable: true, description: 'Moves the piece to another section; the old path keeps redirecting.' })
  sectionId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the authors, in byline order.' })
  authorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the tags, in order.' })
  tagIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Replaces the body with this Markdown (not together with body).' })
  bodyMarkdown?: string | null;

  @Field(() => [BodyBlockInput], { nullable: true, description: 'Replaces the body with these blocks (not together with bodyMarkdown).' })
  body?: BodyBlockInput[] | null;

  @Field(() => ID, { nullable: true, description: 'A new main image; null removes it.' })
  mainImageId?: string | null;
}

export interface UpdateArticleInput extends ArticleFieldInputs {}
ARTICLE_FIELDS.input(UpdateArticleInput, 'update');

export enum ImportFormat {
  PLAIN = 'PLAIN',
  MARKDOWN = 'MARKDOWN',
}

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'How imported copy is written.',
  valuesConfig: {
    PLAIN: { description: 'Wire copy: one paragraph a line; short lines without closing punctuation are subheadings.' },
    MARKDOWN: { description: 'Markdown: headings, paragraphs, lists, emphasis and links.' },
  },
});

@InputType('ImportArticleInput', { description: 'Copy to turn into a draft.' })
export class ImportArticleInput {
  @Field({ description: `The copy, up to ${inWords(LIMITS.markdown)} characters.` })
  text!: string;

  @Field(() => ImportFormat, { nullable: true, defaultValue: ImportFormat.PLAIN, description: 'How the copy is written.' })
  format?: ImportFormat | null;

  @Field({ description: 'The headline of the draft.' })
  headline!: string;

  @Field(() => ID, { description: 'The section to file the draft in.' })
  sectionId!: string;

  @Field(() => [ID], { nullable: true, description: 'The authors, in byline order.' })
  authorIds?: string[] | null;
}

@InputType('RestoreArticleRevisionInput', { description: 'Brings back what an article held at an earlier version, as a new revision.' })
export class RestoreArticleRevisionInput {
  @Field(() => ID, { description: 'The article.' })
  articleId!: string;

  @Field(() => Int, { description: 'The version to bring back (see Article.revisions).' })
  version!: number;

  @Field(() => Int, { description: 'The version the article is at now; a stale version is a CONFLICT and changes nothing.' })
  expectedVersion!: number;
}
