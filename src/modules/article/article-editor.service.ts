import { objectKey } from '../../cache/cache-scope';
import { reindexArticle } from '../search/search.index';
import { recordChanges } from '../changes/changes.log';
import { lockSimilar, refreshSimilar } from '../related/related.similar';
import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Role, type Viewer } from '../../auth/viewer';
import { effectiveStatus, isPublic } from '../../auth/visibility';
import { SqlReader } from '../../database/reader';
import { conflict, duplicate, forbidden, invalid, notFound, Problems, Refusal } from '../../errors/errors';
import type { RequestContext, WriteResult, Written } from '../../request';
import { Author } from '../author/author.entity';
import { quotableText, type StoredBlock } from '../body/body.blocks';
import { BodyBlockType, type BodyBlockInput } from '../body/body.inputs';
import { markdownInputToBlocks } from '../body/body.markdown';
import type { AnalysisService, CopyReading } from '../analysis/analysis.service';
import { TagKind } from '../tag/tag.enums';
import { escapeHtml } from '../body/body.sanitize';
import { Correction } from '../correction/correction.entity';
import { Image } from '../image/image.entity';
import { inputIdOf, tryGlobalIdOf, type NodeTypeName } from '../node/global-id';
import { Quote } from '../quote/quote.entity';
import type { QuoteService } from '../quote/quote.service';
import { RelatedLink } from '../related/related-link.entity';
import { CoverageRelation } from '../related/related.enums';
import type { RelatedCoverageInput } from '../related/related.inputs';
import { ArticlePath } from '../route/article-path.entity';
import { checkedSlug, freeSlug } from '../route/slug';
import { Section } from '../section/section.entity';
import { Tag } from '../tag/tag.entity';
import type { TagService } from '../tag/tag.service';
import { ArticleAuthor } from './article-author.entity';
import { ArticleRevision, type ArticleSnapshot } from './article-revision.entity';
import { ArticleTag, ArticleTagDismissal } from './article-tag.entity';
import { Article } from './article.entity';
import { ArticleStatus } from './article.enums';
import { ARTICLE_FIELDS, type ArticleFieldValues } from './article.fields';
import { LIMITS } from './article.limits';
import { type CreateArticleInput, type ImportArticleInput, type RestoreArticleRevisionInput, type UpdateArticleInput } from './article.inputs';
import type { SetLiveblogStateInput } from '../liveblog/liveblog.inputs';

/** An article's editable content, decoded and checked; fields left undefined stay as they are. */
interface ArticleChanges extends Partial<ArticleFieldValues> {
  slug?: string;
  sectionId?: number;
  authorIds?: number[];
  tagIds?: number[];
  body?: StoredBlock[];
  mainImageId?: number | null;
}

type Field = (string | number)[];
const path = (field: Field): string[] => field.map(String);

/**
 * What import and reanalysis use besides the desk: the copy analysis, and the quotes and tags of
 * what it found (QuoteService calls back into the desk, so each is built on first use).
 */
export interface ArticleEditorDeps {
  analysis: () => Pick<AnalysisService, 'blocksOf' | 'read'>;
  quotes: () => Pick<QuoteService, 'applyFound'>;
  tags: () => Pick<TagService, 'ensureFound'>;
}

/**
 * The editorial desk: every change to articles, each one transaction (RequestContext.write) that
 * saves a revision, bumps the version and leaves the old path behind when the URI moves.
 */
export class ArticleEditor {
  constructor(
    private readonly context: RequestContext,
    private readonly deps: ArticleEditorDeps,
  ) {}

  create(input: CreateArticleInput): Promise<WriteResult<number>> {
    return this.context.write('createArticle', Role.CONTRIBUTOR, async (tx, viewer) => {
      const problems = new Problems();
      const changes = this.readContent(input, problems, true);
      problems.check();
      await this.checkReferences(tx, changes, null);
      return this.insert(tx, viewer, 'createArticle', changes);
    });
  }

  /**
   * A draft from copy: its blocks, the quotes the analysis finds with their speakers and outlets, and
   * tags for the people, organizations and places it names (existing tags by name or alias, new ones
   * otherwise), all in one transaction.
   */
  importCopy(input: ImportArticleInput): Promise<WriteResult<number>> {
    return this.context.write('importArticle', Role.CONTRIBUTOR, async (tx, viewer) => {
      const problems = new Problems();
      const changes = this.readContent({ headline: input.headline, sectionId: input.sectionId, authorIds: input.authorIds }, problems, true);
      changes.body = this.deps.analysis().blocksOf(input.text, input.format, problems);
      problems.check();
      // The references first: copy filed under a section that does not exist creates no tags.
      await this.checkReferences(tx, changes, null);
      const reading = this.deps.analysis().read(changes.body!);
      const found = await this.tagFound(tx, reading);
      changes.tagIds = found.tagIds;
      return this.insert(tx, viewer, 'importArticle', changes, async (article) => {
        await this.deps.quotes().applyFound(tx, article, reading.quotes, found.tagOf, true);
        return reading.quotes.length ? ['quotes'] : [];
      });
    });
  }

  /**
   * Runs the copy analysis again over a draft's body as it now stands: found quotes are renewed,
   * quotes an editor added or corrected are kept (and what an editor removed stays removed), and
   * the tags it names are added to the article's, but for those an editor took off (ArticleTagDismissal).
   * A change like any other: versioned and audited.
   */
  reanalyze(id: string, expectedVersion: number): Promise<WriteResult<number>> {
    return this.context.write('reanalyzeArticle', Role.CONTRIBUTOR, async (tx, viewer) => {
      const article = await this.loadForEdit(tx, viewer, id, ['id'], 'reanalyzeArticle', expectedVersion);
      const reading = this.deps.analysis().read(article.body);
      const found = await this.tagFound(tx, reading);
      const { tagIds } = await this.snapshot(tx, article);
      const dismissed = new Set((await tx.find(ArticleTagDismissal, { article }, { fields: ['tag'] })).map((row) => row.tag.id));
      const blocks = article.body.length;
      const quotesChanged = await this.deps.quotes().applyFound(tx, article, reading.quotes, found.tagOf, false);
      // Pull quotes of found quotes that are gone went with them.
      const also = [...(quotesChanged ? ['quotes'] : []), ...(article.body.length !== blocks ? ['body'] : [])];
      const newlyFound = found.tagIds.filter((tagId) => !dismissed.has(tagId));
      return this.save(tx, viewer, 'reanalyzeArticle', article, { tagIds: [...new Set([...tagIds, ...newlyFound])] }, also);
    });
  }

  /** The tags of what the analysis found: for the article (speakers and outlets first), and by the names quotes credit. */
  private async tagFound(tx: EntityManager, reading: CopyReading): Promise<{ tagIds: number[]; tagOf: (name: string | null) => number | null }> {
    const tagged = reading.tagged();
    const ids = await this.deps.tags().ensureFound(tx, tagged.map((entity) => ({ name: entity.name, kind: TagKind[entity.kind], aliases: entity.aliases })));
    return {
      tagIds: [...new Set(tagged.flatMap((entity) => ids.get(entity.name) ?? []))],
      tagOf: (name) => {
        const entity = reading.entityNamed(name);
        return (entity && ids.get(entity.name)) ?? null;
      },
    };
  }

  update(input: UpdateArticleInput): Promise<WriteResult<number>> {
    return this.context.write('updateArticle', Role.CONTRIBUTOR, async (tx, viewer) => {
      const article = await this.loadForEdit(tx, viewer, input.id, ['input', 'id'], 'updateArticle', input.expectedVersion);
      const problems = new Problems();
      const changes = this.readContent(input, problems, false);
      problems.check();
      return this.save(tx, viewer, 'updateArticle', article, changes);
    });
  }

  restore(input: RestoreArticleRevisionInput): Promise<WriteResult<number>> {
    return this.context.write('restoreArticleRevision', Role.CONTRIBUTOR, async (tx, viewer) => {
      const article = await this.loadForEdit(tx, viewer, input.articleId, ['input', 'articleId'], 'restoreArticleRevision', input.expectedVersion);
      const revision = await tx.findOne(ArticleRevision, { article, version: input.version });
      if (!revision) throw new Refusal([notFound(['input', 'version'], `The article has no version ${input.version}.`)]);
      const { snapshot } = revision;
      // Quotes removed since then cannot come back as pull quotes.
      const quoteIds = new Set((await tx.find(Quote, { article }, { fields: ['id'] })).map((quote) => quote.id));
      const changes: ArticleChanges = {
        ...ARTICLE_FIELDS.fromSnapshot(snapshot),
        slug: snapshot.slug,
        sectionId: snapshot.sectionId,
        authorIds: snapshot.authorIds,
        tagIds: snapshot.tagIds,
        body: snapshot.body.filter((block) => block.type !== 'QUOTE' || quoteIds.has(block.quoteId)),
        mainImageId: snapshot.mainImageId,
      };
      return this.save(tx, viewer, 'restoreArticleRevision', article, changes);
    });
  }

  /** Publishes now, schedules for a future `at`, or publishes dated a past `at` (archive imports). */
  publish(id: string, at: Date | null | undefined): Promise<WriteResult<number>> {
    return this.context.write('publishArticle', Role.EDITOR, async (tx, viewer) => {
      const article = await this.load(tx, id, ['id']);
      const { now } = this.context;
      if (effectiveStatus(article, now) === ArticleStatus.PUBLISHED) {
        throw new Refusal([conflict(['id'], `The article is already published (since ${article.publishedAt?.toISOString()}); unpublish it first to publish it again.`)]);
      }
      const when = at ?? now;
      article.status = when > now ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
      article.publishedAt = when;
      // Set once: a scheduled piece has first gone out at its time, with no job needed to say so.
      article.firstPublishedAt ??= when;
      // Published now or scheduled afresh: whatever embargo there was is over.
      const changes = article.embargoed ? ['status', 'publishedAt', 'embargo'] : ['status', 'publishedAt'];
      article.embargoed = false;
      return this.commit(tx, viewer, 'publishArticle', article, changes);
    });
  }

  /**
   * Puts a piece under embargo until `until`: PARTNER tokens (syndication partners, wire clients)
   * may read it from now, the newsroom as ever, and nobody else until it lifts, when it goes public
   * with no one acting, as a scheduled piece does.
   */
  embargo(id: string, until: Date): Promise<WriteResult<number>> {
    return this.context.write('embargoArticle', Role.EDITOR, async (tx, viewer) => {
      const article = await this.load(tx, id, ['id']);
      const { now } = this.context;
      if (until <= now) throw new Refusal([invalid(['until'], 'An embargo lifts in the future; to put the piece out now, publish it.')]);
      if (isPublic(article, now)) throw new Refusal([conflict(['id'], `The article is public already (${effectiveStatus(article, now)}); an embargo is for pieces not yet out.`)]);
      article.status = ArticleStatus.SCHEDULED;
      article.publishedAt = until;
      // A piece that went out before (and was taken down) keeps the day it first did.
      if (!article.firstPublishedAt || article.firstPublishedAt > now) article.firstPublishedAt = until;
      article.embargoed = true;
      return this.commit(tx, viewer, 'embargoArticle', article, ['status', 'publishedAt', 'embargo']);
    });
  }

  /** Takes a piece back to DRAFT, whether it is live, scheduled or archived. */
  unpublish(id: string): Promise<WriteResult<number>> {
    return this.context.write('unpublishArticle', Role.EDITOR, async (tx, viewer) => {
      const article = await this.load(tx, id, ['id']);
      const { now } = this.context;
      if (article.status === ArticleStatus.DRAFT) throw new Refusal([conflict(['id'], 'The article is a draft already.')]);
      article.status = ArticleStatus.DRAFT;
      article.publishedAt = null;
      article.embargoed = false;
      // A scheduled piece pulled before its time never went out.
      if (article.firstPublishedAt && article.firstPublishedAt > now) article.firstPublishedAt = null;
      return this.commit(tx, viewer, 'unpublishArticle', article, ['status', 'publishedAt']);
    });
  }

  /** Archived pieces stay readable at their URI but are no longer current. */
  archive(id: string): Promise<WriteResult<number>> {
    return this.context.write('archiveArticle', Role.EDITOR, async (tx, viewer) => {
      const article = await this.load(tx, id, ['id']);
      const status = effectiveStatus(article, this.context.now);
      if (status !== ArticleStatus.PUBLISHED) throw new Refusal([conflict(['id'], `Only published articles can be archived; this one is ${status}.`)]);
      article.status = ArticleStatus.ARCHIVED;
      return this.commit(tx, viewer, 'archiveArticle', article, ['status']);
    });
  }

  /** Corrections are news: appended to a published piece, never edited away. */
  addCorrection(articleId: string, text: string): Promise<WriteResult<number>> {
    return this.context.write('addCorrection', Role.EDITOR, async (tx, viewer) => {
      const article = await this.load(tx, articleId, ['articleId']);
      const problems = new Problems();
      const words = problems.text(['text'], text, LIMITS.correction, true);
      problems.check();
      if (!isPublic(article, this.context.now)) {
        throw new Refusal([conflict(['articleId'], 'Corrections are for published articles; this one has not been published, so edit it instead.')]);
      }
      tx.create(Correction, { article, text: words!, publishedAt: new Date() });
      return this.commit(tx, viewer, 'addCorrection', article, ['corrections']);
    });
  }

  /** Replaces the editor's related coverage, in the given order. */
  setRelatedCoverage(articleId: string, items: RelatedCoverageInput[]): Promise<WriteResult<number>> {
    return this.context.write('setRelatedCoverage', Role.EDITOR, async (tx, viewer) => {
      const article = await this.load(tx, articleId, ['articleId']);
      const problems = new Problems();
      if (items.length > LIMITS.related) problems.add(invalid(['items'], `At most ${LIMITS.related} related articles.`));
      const seen = new Set<number>();
      const relatedIds = items.map((item, index) => {
        const id = inputIdOf('Article', item.articleId, ['items', index, 'articleId'], problems);
        if (id === article.id) problems.add(invalid(path(['items', index, 'articleId']), 'An article cannot be related to itself.'));
        else if (id !== null && seen.has(id)) problems.add(duplicate(path(['items', index, 'articleId']), 'This article is in the list already.'));
        if (id !== null) seen.add(id);
        if (item.relation === CoverageRelation.SIMILAR) problems.add(invalid(path(['items', index, 'relation']), 'SIMILAR coverage is chosen by the service; pick another relation.'));
        return id;
      });
      problems.check();
      await this.expectKnown(tx, 'article', relatedIds, (index) => ['items', index, 'articleId'], 'article');
      await tx.nativeDelete(RelatedLink, { article });
      items.forEach((item, position) => tx.create(RelatedLink, { article, related: tx.getReference(Article, relatedIds[position]!), relation: item.relation, position }));
      return this.commit(tx, viewer, 'setRelatedCoverage', article, ['relatedCoverage']);
    });
  }

  /** Makes the article a liveblog (LIVE), or closes (ENDED) or reopens one: a change to the article, kept as a revision. */
  setLiveblogState(input: SetLiveblogStateInput): Promise<WriteResult<number>> {
    return this.context.write('setLiveblogState', Role.EDITOR, async (tx, viewer) => {
      const article = await this.loadForEdit(tx, viewer, input.articleId, ['input', 'articleId'], 'setLiveblogState', input.expectedVersion);
      if (article.liveblog === input.state) return { value: article.id, subject: { type: 'Article', id: article.id }, changes: [] };
      article.liveblog = input.state;
      return this.commit(tx, viewer, 'setLiveblogState', article, ['liveblog']);
    });
  }

  /** The article a quote mutation works on, with the contributor's drafts-only rule applied (for QuoteService). */
  async loadForQuotes(tx: EntityManager, viewer: Viewer, articleId: number, field: string[], action: string, expectedVersion?: number): Promise<Article> {
    const article = await this.findLocked(tx, articleId);
    if (!article) throw new Refusal([notFound(field, 'No article has this ID.')]);
    this.mayEdit(viewer, article, action);
    if (expectedVersion !== undefined && article.version !== expectedVersion) throw new Refusal([this.staleVersion(article.version, expectedVersion)]);
    return article;
  }

  /** Saves a change QuoteService made to an article's quotes (and body), as a revision. */
  async saveQuotes(tx: EntityManager, viewer: Viewer, action: string, article: Article, changes: string[]): Promise<void> {
    await this.commit(tx, viewer, action, article, changes);
  }

  // ---- reading input -------------------------------------------------------------------------

  /** Decodes and checks the content fields of a create or update input (no database access). */
  private readContent(
    input: Partial<Pick<UpdateArticleInput, keyof ArticleFieldValues | 'slug' | 'sectionId' | 'authorIds' | 'tagIds' | 'bodyMarkdown' | 'body' | 'mainImageId'>>,
    problems: Problems,
    creating: boolean,
  ): ArticleChanges {
    const changes: ArticleChanges = ARTICLE_FIELDS.read(input, problems, creating);
    if (input.slug !== undefined && input.slug !== null) changes.slug = checkedSlug(input.slug, problems);
    if (input.sectionId !== undefined || creating) {
      const id = input.sectionId ? inputIdOf('Section', input.sectionId, ['input', 'sectionId'], problems) : null;
      if (!input.sectionId) problems.add(invalid(['input', 'sectionId'], 'An article needs a section.'));
      if (id !== null) changes.sectionId = id;
    }
    if (input.authorIds !== undefined && input.authorIds !== null) changes.authorIds = this.decodeList('Author', input.authorIds, 'authorIds', problems);
    if (input.tagIds !== undefined && input.tagIds !== null) changes.tagIds = this.decodeList('Tag', input.tagIds, 'tagIds', problems);
    if (input.mainImageId !== undefined) {
      changes.mainImageId = input.mainImageId === null ? null : inputIdOf('Image', input.mainImageId, ['input', 'mainImageId'], problems);
    }
    const markdown = input.bodyMarkdown ?? null;
    const blocks = input.body ?? null;
    if (markdown !== null && blocks !== null) problems.add(invalid(['input', 'body'], 'Give the body either as Markdown or as blocks, not both.'));
    else if (markdown !== null) {
      if (markdown.length > LIMITS.markdown) problems.add(invalid(['input', 'bodyMarkdown'], `The Markdown is too long: at most ${LIMITS.markdown} characters.`));
      else changes.body = markdownInputToBlocks(markdown, ['input', 'bodyMarkdown'], problems);
    } else if (blocks !== null) changes.body = this.readBlocks(blocks, problems);
    else if (creating) changes.body = [];
    return changes;
  }

  /** Body blocks from input; IDs are decoded here and looked up later. Text is plain: it is escaped, never parsed. */
  private readBlocks(blocks: BodyBlockInput[], problems: Problems): StoredBlock[] {
    if (blocks.length > LIMITS.blocks) problems.add(invalid(['input', 'body'], `A body holds at most ${LIMITS.blocks} blocks.`));
    return blocks.flatMap((block, index): StoredBlock[] => {
      const field = (name: string): string[] => path(['input', 'body', index, name]);
      const text = block.text?.trim() ?? '';
      const needText = (max: number) => {
        if (!text || text.length > max) problems.add(invalid(field('text'), `A ${block.type} block needs text of 1 to ${max} characters.`));
      };
      switch (block.type) {
        case BodyBlockType.PARAGRAPH:
          needText(LIMITS.paragraph);
          return [{ type: 'PARAGRAPH', text, html: escapeHtml(text) }];
        case BodyBlockType.HEADING: {
          needText(LIMITS.heading);
          const level = block.level ?? 2;
          if (!Number.isInteger(level) || level < 2 || level > 4) problems.add(invalid(field('level'), 'A heading level is 2, 3 or 4 (the headline is level 1).'));
          return [{ type: 'HEADING', text, level }];
        }
        case BodyBlockType.LIST: {
          const items = (block.items ?? []).map((item) => item.trim());
          if (!items.length || items.length > LIMITS.listItems || items.some((item) => !item || item.length > LIMITS.listItem)) {
            problems.add(invalid(field('items'), `A list needs 1 to ${LIMITS.listItems} items, each of 1 to ${LIMITS.listItem} characters.`));
          }
          return [{ type: 'LIST', ordered: block.ordered ?? false, items }];
        }
        case BodyBlockType.IMAGE: {
          const imageId = block.imageId ? inputIdOf('Image', block.imageId, ['input', 'body', index, 'imageId'], problems) : null;
          if (!block.imageId) problems.add(invalid(field('imageId'), 'An IMAGE block needs an imageId.'));
          return imageId === null ? [] : [{ type: 'IMAGE', imageId }];
        }
        case BodyBlockType.QUOTE: {
          const quoteId = block.quoteId ? inputIdOf('Quote', block.quoteId, ['input', 'body', index, 'quoteId'], problems) : null;
          if (!block.quoteId) problems.add(invalid(field('quoteId'), 'A QUOTE block needs a quoteId.'));
          return quoteId === null ? [] : [{ type: 'QUOTE', quoteId }];
        }
        default:
          problems.add(invalid(field('type'), 'Unknown block type.'));
          return [];
      }
    });
  }

  private decodeList(type: NodeTypeName, globalIds: string[], name: string, problems: Problems): number[] {
    const ids = globalIds.map((globalId, index) => inputIdOf(type, globalId, ['input', name, index], problems));
    ids.forEach((id, index) => {
      if (id !== null && ids.indexOf(id) !== index) problems.add(duplicate(path(['input', name, index]), `This ${type.toLowerCase()} is in the list already.`));
    });
    return ids.filter((id): id is number => id !== null);
  }

  // ---- checking against the database ---------------------------------------------------------

  /** NOT_FOUND for every id that names no row; `fieldOf` maps an id's position to its input path. */
  private async expectKnown(
    tx: EntityManager,
    table: 'section' | 'author' | 'tag' | 'image' | 'article' | 'quote',
    ids: (number | null)[],
    fieldOf: (index: number) => Field,
    what: string,
    where: Record<string, number> = {},
  ): Promise<void> {
    const wanted = ids.filter((id): id is number => id !== null);
    if (!wanted.length) return;
    const reader = this.readerIn(tx);
    const found = new Set((await reader.all<{ id: number }>(reader.knex(table).select('id').whereIn('id', wanted).where(where))).map((row) => row.id));
    const problems = new Problems();
    ids.forEach((id, index) => {
      if (id !== null && !found.has(id)) problems.add(notFound(path(fieldOf(index)), `No ${what} has this ID.`));
    });
    problems.check();
  }

  /** Every ID the changes name must exist; QUOTE blocks must use the article's own quotes. */
  private async checkReferences(tx: EntityManager, changes: ArticleChanges, articleId: number | null): Promise<void> {
    if (changes.sectionId !== undefined) await this.expectKnown(tx, 'section', [changes.sectionId], () => ['input', 'sectionId'], 'section');
    if (changes.authorIds) await this.expectKnown(tx, 'author', changes.authorIds, (index) => ['input', 'authorIds', index], 'author');
    if (changes.tagIds) await this.expectKnown(tx, 'tag', changes.tagIds, (index) => ['input', 'tagIds', index], 'tag');
    if (changes.mainImageId) await this.expectKnown(tx, 'image', [changes.mainImageId], () => ['input', 'mainImageId'], 'image');
    const body = changes.body ?? [];
    const imageIds = body.map((block) => (block.type === 'IMAGE' ? block.imageId : null));
    await this.expectKnown(tx, 'image', imageIds, (index) => ['input', 'body', index, 'imageId'], 'image');
    const quoteIds = body.map((block) => (block.type === 'QUOTE' ? block.quoteId : null));
    await this.expectKnown(tx, 'quote', quoteIds, (index) => ['input', 'body', index, 'quoteId'], 'quote of this article', { article_id: articleId ?? 0 });
  }

  // ---- saving --------------------------------------------------------------------------------

  /**
   * A new article from checked changes whose references the caller has checked (checkReferences).
   * `alongside` adds what else it holds (its quotes) before the revision is kept, and names it.
   */
  private async insert(tx: EntityManager, viewer: Viewer, action: string, changes: ArticleChanges, alongside?: (article: Article) => Promise<string[]>): Promise<Written<number>> {
    const article = tx.create(Article, {
      ...ARTICLE_FIELDS.complete(changes),
      slug: changes.slug === undefined ? await freeSlug(tx, Article, changes.headline!, 'article') : await this.takeSlug(tx, changes.slug, null),
      section: tx.getReference(Section, changes.sectionId!),
      body: changes.body ?? [],
      mainImage: changes.mainImageId ? tx.getReference(Image, changes.mainImageId) : null,
    });
    this.setCredits(tx, article, changes);
    const fields = Object.keys(changes).filter((key) => key !== 'slug');
    const also = alongside ? await alongside(article) : [];
    return this.commit(tx, viewer, action, article, [...['slug', ...fields].map(fieldName), ...also]);
  }

  /** `also` names what changed beside the article's own fields (its quotes). */
  private async save(tx: EntityManager, viewer: Viewer, action: string, article: Article, changes: ArticleChanges, also: string[] = []): Promise<Written<number>> {
    await this.checkReferences(tx, changes, article.id);
    // Every query on articles happens before the entity changes: MikroORM flushes a touched entity before querying its table.
    if (changes.slug !== undefined) await this.takeSlug(tx, changes.slug, article.id);
    const before = await this.snapshot(tx, article);
    if (changes.tagIds) await rememberTagChoices(tx, article, before.tagIds, changes.tagIds);
    const oldUri = await this.uriOf(tx, article);
    const movedFrom = changes.sectionId !== undefined && changes.sectionId !== before.sectionId ? before.sectionId : undefined;
    ARTICLE_FIELDS.assign(article, changes);
    if (changes.slug !== undefined) article.slug = changes.slug;
    if (changes.sectionId !== undefined) article.section = tx.getReference(Section, changes.sectionId);
    if (changes.body !== undefined) article.body = changes.body;
    if (changes.mainImageId !== undefined) article.mainImage = changes.mainImageId === null ? null : tx.getReference(Image, changes.mainImageId);
    if (changes.authorIds) await tx.nativeDelete(ArticleAuthor, { article });
    if (changes.tagIds) await tx.nativeDelete(ArticleTag, { article });
    this.setCredits(tx, article, changes);
    if (changes.body !== undefined) await this.placeQuotes(tx, article);
    await this.leaveOldPath(tx, article, oldUri);
    const after = snapshotFields(article, changes, before);
    const changed = (Object.keys(after) as (keyof ArticleSnapshot)[]).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
    // Credits this save left alone are what `before` read in this transaction, under the article's lock.
    const credits = changes.authorIds || changes.tagIds ? undefined : { authorIds: before.authorIds, tagIds: before.tagIds };
    return this.commit(tx, viewer, action, article, [...changed.map(fieldName), ...also], { movedFrom, credits });
  }

  /**
   * Bumps the version through MikroORM's optimistic lock (`update … where id = ? and version = ?`), so
   * of two saves from the same version only one can win, then keeps the revision.
   */
  private async commit(
    tx: EntityManager,
    viewer: Viewer,
    action: string,
    article: Article,
    changes: string[],
    { movedFrom, credits }: { movedFrom?: number; credits?: Credits } = {},
  ): Promise<Written<number>> {
    article.updatedAt = new Date();
    // A new slug makes the flush an update of a unique column, which holds the row against the
    // foreign-key checks of other saves' SIMILAR rows naming this article until the commit: such a
    // save takes its SIMILAR locks first (other saves hold theirs before they insert), so it never
    // waits for their lists while they wait for its row.
    if (article.id !== undefined && changes.includes('slug')) await lockSimilar(tx, article.id);
    try {
      await tx.flush();
    } catch (error) {
      if (!(error instanceof OptimisticLockError)) throw error;
      const reader = this.readerIn(tx);
      const current = await reader.first<{ version: number }>(reader.knex('article').select('version').where('id', article.id));
      throw new Refusal([this.staleVersion(current?.version ?? article.version)]);
    }
    // In the same transaction, so the very next search sees the save (or no longer finds a draft).
    await reindexArticle(tx, article.id);
    // The articles whose SIMILAR lists moved: their cached related coverage goes too. Only a change of
    // what the lists are scored from can move them; a new article always names its section.
    const similarMoved = changes.some((change) => SIMILAR_INPUTS.has(change)) ? await refreshSimilar(tx, article.id) : [];
    // Apps that sync (changes) learn of every save, in commit order; a move is also a change in the
    // section it leaves. Last of the locks a save takes: the feed's head row is held to the commit, and
    // a save holding it while it waited for SIMILAR locks deadlocked with one holding those and
    // waiting for the head (tests/editorial/concurrent-writes.test.ts, about one run in five).
    await recordChanges(tx, [...(movedFrom === undefined ? [] : [{ articleId: article.id, sectionId: movedFrom }]), { articleId: article.id, sectionId: article.section.id }]);
    tx.create(ArticleRevision, {
      article,
      version: article.version,
      savedBy: viewer.name,
      savedByRole: viewer.role,
      action,
      changes,
      snapshot: await this.snapshot(tx, article, credits),
    });
    // Subscribers hear of every save, and of a save that put the piece out (publishArticle now).
    const status = effectiveStatus(article, this.context.now);
    const published = action === 'publishArticle' && status === ArticleStatus.PUBLISHED;
    const goesPublicAt = status === ArticleStatus.SCHEDULED ? article.publishedAt?.getTime() : undefined;
    return {
      value: article.id,
      subject: { type: 'Article', id: article.id },
      changes,
      alsoChanged: similarMoved.map((id) => objectKey('Related', id)),
      events: [{ kind: 'article', articleId: article.id, published, ...(goesPublicAt === undefined ? {} : { goesPublicAt }) }],
    };
  }

  private setCredits(tx: EntityManager, article: Article, changes: ArticleChanges): void {
    changes.authorIds?.forEach((id, position) => tx.create(ArticleAuthor, { article, author: tx.getReference(Author, id), position }));
    changes.tagIds?.forEach((id, position) => tx.create(ArticleTag, { article, tag: tx.getReference(Tag, id), position }));
  }

  /** A slug the caller chose: taken by another article is a DUPLICATE. */
  private async takeSlug(tx: EntityManager, slug: string, articleId: number | null): Promise<string> {
    const holder = await tx.findOne(Article, { slug }, { fields: ['id'] });
    if (holder && holder.id !== articleId) throw new Refusal([duplicate(['input', 'slug'], `Another article already has the slug "${slug}".`)]);
    return slug;
  }

  /** Where the article lives now, from its section's path and its slug. */
  private async uriOf(tx: EntityManager, article: Article): Promise<string> {
    const section = await tx.findOneOrFail(Section, article.section.id, { fields: ['path'] });
    return `/${section.path}/${article.slug}`;
  }

  /** When the URI moved, the old one redirects here; rows point at the article, so chains collapse. */
  private async leaveOldPath(tx: EntityManager, article: Article, oldUri: string): Promise<void> {
    const newUri = await this.uriOf(tx, article);
    if (newUri === oldUri) return;
    // The old path may once have been another article's former path; it now points here. The new one is live, not former.
    await tx.nativeDelete(ArticlePath, { path: { $in: [oldUri, newUri] } });
    tx.create(ArticlePath, { path: oldUri, article });
  }

  /** After a body change, each quote points at the paragraph that now holds its words (or none). */
  private async placeQuotes(tx: EntityManager, article: Article): Promise<void> {
    const quotes = await tx.find(Quote, { article }, { orderBy: { position: 'asc' } });
    for (const quote of quotes) {
      const index = paragraphIndex(article.body, quote.text);
      quote.blockIndex = index < 0 ? null : index;
    }
  }

  /**
   * The credits are read as plain rows, so they never enter the identity map that setCredits writes
   * through; `credits` already read in this transaction spare the two round trips.
   */
  private async snapshot(tx: EntityManager, article: Article, credits?: Credits): Promise<ArticleSnapshot> {
    const { authorIds, tagIds } = credits ?? (await this.credits(tx, article));
    return {
      ...ARTICLE_FIELDS.snapshot(article),
      slug: article.slug,
      sectionId: article.section.id,
      authorIds,
      tagIds,
      body: article.body,
      mainImageId: article.mainImage?.id ?? null,
      status: article.status,
      publishedAt: article.publishedAt?.toISOString() ?? null,
    };
  }

  private async credits(tx: EntityManager, article: Article): Promise<Credits> {
    const reader = this.readerIn(tx);
    const ids = (table: string, column: string) =>
      reader.all<{ id: number }>(reader.knex(table).select(`${column} as id`).where('article_id', article.id).orderBy('position'));
    const [authors, tags] = await Promise.all([ids('article_author', 'author_id'), ids('article_tag', 'tag_id')]);
    return { authorIds: authors.map((row) => row.id), tagIds: tags.map((row) => row.id) };
  }

  /** Plain-row reads inside the mutation's transaction. */
  private readerIn(tx: EntityManager): SqlReader {
    return new SqlReader(tx, this.context.reader.dialect);
  }

  // ---- loading -------------------------------------------------------------------------------

  /**
   * On PostgreSQL the row is locked for the transaction, so concurrent edits queue instead of racing.
   * FOR NO KEY UPDATE, not the FOR UPDATE of MikroORM's PESSIMISTIC_WRITE: a save inserts SIMILAR rows
   * naming other articles, and the foreign-key check on each takes FOR KEY SHARE on that article's
   * row, which FOR UPDATE blocks. Two saves of related articles then each waited for the other's
   * article row (and for the section counters it had updated): a deadlock. Edits still queue, since
   * NO KEY UPDATE excludes itself; only key changes and deletes need more, and they take it themselves.
   */
  /** The article, its row locked until the transaction ends (PostgreSQL; SQLite has one writer at a time). */
  async findLocked(tx: EntityManager, id: number): Promise<Article | null> {
    if (this.context.reader.dialect !== 'postgresql') return tx.findOne(Article, id);
    const query = tx.createQueryBuilder(Article).where({ id });
    // Knex's own locking clause, on the query MikroORM built (it runs what getKnexQuery returned).
    query.getKnexQuery().forNoKeyUpdate();
    return query.getSingleResult();
  }

  private async load(tx: EntityManager, globalId: string, field: string[]): Promise<Article> {
    const id = tryGlobalIdOf('Article', globalId);
    const article = id === null ? null : await this.findLocked(tx, id);
    if (!article) throw new Refusal([notFound(field, 'No article has this ID.')]);
    return article;
  }

  /** The article an edit was made to, if the caller may edit it and it is still at `expectedVersion`. */
  private async loadForEdit(tx: EntityManager, viewer: Viewer, globalId: string, field: string[], action: string, expectedVersion: number): Promise<Article> {
    const article = await this.load(tx, globalId, field);
    this.mayEdit(viewer, article, action);
    if (article.version !== expectedVersion) throw new Refusal([this.staleVersion(article.version, expectedVersion)]);
    return article;
  }

  /** Contributors work on drafts; once a piece is scheduled or out, changes need an editor. */
  private mayEdit(viewer: Viewer, article: Article, action: string): void {
    if (viewer.role === Role.CONTRIBUTOR && article.status !== ArticleStatus.DRAFT) {
      throw forbidden(`${action} on a ${article.status} article needs the EDITOR role or higher; contributors edit drafts.`);
    }
  }

  private staleVersion(current: number, expected?: number) {
    const yours = expected === undefined ? 'Someone else saved a change first' : `You edited version ${expected}`;
    return conflict(['input', 'expectedVersion'], `${yours}; the article is now at version ${current}. Reload it, reapply your change and save again.`);
  }
}

/**
 * The index of the first paragraph or list that holds these words, or -1. A quotation split by its
 * attribution ("We will," said the mayor, "rebuild it") is kept joined: its first and last words
 * standing in one block place it too.
 */
export function paragraphIndex(body: StoredBlock[], words: string): number {
  const texts = body.map(quotableText);
  const exact = texts.findIndex((text) => text?.includes(words));
  const parts = words.split(' ');
  if (exact >= 0 || parts.length < 5) return exact;
  const [head, tail] = [parts.slice(0, 2).join(' '), parts.slice(-3).join(' ')];
  return texts.findIndex((text) => text !== null && text.includes(head) && text.includes(tail));
}

/** An article's author and tag ids, in credit order. */
type Credits = Pick<ArticleSnapshot, 'authorIds' | 'tagIds'>;

/** The snapshot after the changes, reading from the entity what the entity holds and from the changes the credits. */
function snapshotFields(article: Article, changes: ArticleChanges, before: ArticleSnapshot): ArticleSnapshot {
  return {
    ...before,
    ...ARTICLE_FIELDS.snapshot(article),
    slug: article.slug,
    sectionId: article.section.id,
    authorIds: changes.authorIds ?? before.authorIds,
    tagIds: changes.tagIds ?? before.tagIds,
    body: article.body,
    mainImageId: article.mainImage?.id ?? null,
  };
}

/** The changes (as fieldName names them) that SIMILAR scores read: tags, section, status and date (related.similar.ts). */
const SIMILAR_INPUTS = new Set(['tags', 'section', 'status', 'publishedAt']);

/** The API's name for a changed field, e.g. sectionId → section. */
function fieldName(key: string): string {
  return key.replace(/Ids?$/, (suffix) => (suffix === 'Ids' ? 's' : ''));
}

/**
 * What an editor's save did to the article's tags, kept for reanalysis: a tag taken off is dismissed,
 * a tag given (back) is not. Reanalysis only adds, so its own saves dismiss nothing.
 */
async function rememberTagChoices(tx: EntityManager, article: Article, before: number[], after: number[]): Promise<void> {
  const had = new Set(before);
  const kept = new Set(after);
  const removed = before.filter((tagId) => !kept.has(tagId));
  const given = after.filter((tagId) => !had.has(tagId));
  if (!removed.length && !given.length) return;
  await tx.nativeDelete(ArticleTagDismissal, { article, tag: { $in: [...removed, ...given] } });
  for (const tagId of removed) tx.create(ArticleTagDismissal, { article, tag: tx.getReference(Tag, tagId) });
}
