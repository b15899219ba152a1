import type { EntityManager } from '@mikro-orm/knex';
import { ArticleAuthor } from '../modules/article/article-author.entity';
import { ArticleTag } from '../modules/article/article-tag.entity';
import { Article } from '../modules/article/article.entity';
import { ArticleStatus } from '../modules/article/article.enums';
import { Author } from '../modules/author/author.entity';
import { markdownToBlocks } from '../modules/body/body.markdown';
import { Correction } from '../modules/correction/correction.entity';
import { Image } from '../modules/image/image.entity';
import { LiveblogEntry } from '../modules/liveblog/liveblog.entity';
import { LiveblogState } from '../modules/liveblog/liveblog.enums';
import { Quote } from '../modules/quote/quote.entity';
import { RelatedLink } from '../modules/related/related-link.entity';
import { reindexAll } from '../modules/search/search.index';
import { refreshAllSimilar } from '../modules/related/related.similar';
import { CoverageRelation } from '../modules/related/related.enums';
import { Section } from '../modules/section/section.entity';
import { Tag, TagAlias } from '../modules/tag/tag.entity';
import { TagKind } from '../modules/tag/tag.enums';
import { tagNameKey } from '../modules/tag/tag.names';
import { demoContent, type DemoContent, type DemoSection } from './demo-content';
import { inTransaction } from '../database/transaction';

/** A name → entity index that refuses duplicates and names what is missing. */
class Registry<T> {
  private readonly items = new Map<string, T>();

  constructor(private readonly what: string) {}

  add(key: string, item: T): void {
    if (this.items.has(key)) throw new Error(`Demo content: duplicate ${this.what} '${key}'`);
    this.items.set(key, item);
  }

  get(key: string, where: string): T {
    const item = this.items.get(key);
    if (!item) throw new Error(`Demo content: ${where} refers to unknown ${this.what} '${key}'`);
    return item;
  }

  get size(): number {
    return this.items.size;
  }
}

/** Parses an ISO-8601 date of the content, naming the field when it is not one. */
function parseDate(value: string, where: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Demo content: ${where} has an invalid date '${value}'`);
  return date;
}

/** True while the database holds no sections, i.e. before anything has been set up. */
export async function isDatabaseEmpty(em: EntityManager): Promise<boolean> {
  return (await em.fork().count(Section, {})) === 0;
}

/** Loads the demo newsroom in one transaction; throws, loading nothing, on an unknown slug or a quote not found in its body. */
export async function seedDemo(
  em: EntityManager,
  content: DemoContent = demoContent,
): Promise<{ sections: number; articles: number; quotes: number }> {
  return inTransaction(em, async (tx) => {
    const sections = new Registry<Section>('section');
    const addSections = (list: DemoSection[], parent: Section | null) => {
      list.forEach((demo, position) => {
        const path = parent ? `${parent.path}/${demo.slug}` : demo.slug;
        const section = tx.create(Section, {
          slug: demo.slug,
          name: demo.name,
          path,
          parent,
          position,
          description: demo.description ?? null,
        });
        sections.add(path, section);
        addSections(demo.children ?? [], section);
      });
    };
    addSections(content.sections, null);

    const images = new Registry<Image>('image');
    for (const demo of content.images) {
      images.add(
        demo.key,
        tx.create(Image, {
          url: demo.url,
          altText: demo.altText,
          caption: demo.caption ?? null,
          credit: demo.credit ?? null,
          width: demo.width ?? null,
          height: demo.height ?? null,
        }),
      );
    }

    const tags = new Registry<Tag>('tag');
    for (const demo of content.tags) {
      const tag = tx.create(Tag, { slug: demo.slug, name: demo.name, kind: TagKind[demo.kind], description: demo.description ?? null });
      tags.add(demo.slug, tag);
      (demo.aliases ?? []).forEach((alias, position) => tx.create(TagAlias, { tag, position, alias, normalized: tagNameKey(alias) }));
    }

    const authors = new Registry<Author>('author');
    for (const demo of content.authors) {
      const image = demo.image === undefined ? null : images.get(demo.image, `author '${demo.slug}'`);
      authors.add(
        demo.slug,
        tx.create(Author, { slug: demo.slug, name: demo.name, jobTitle: demo.jobTitle ?? null, bio: demo.bio ?? null, image }),
      );
    }

    const articles = new Registry<Article>('article');
    let quotes = 0;
    for (const demo of content.articles) {
      const where = `article '${demo.slug}'`;
      const date = parseDate(demo.publishedAt, where);
      const body = markdownToBlocks(demo.bodyMarkdown);
      const article = tx.create(Article, {
        slug: demo.slug,
        headline: demo.headline,
        standfirst: demo.standfirst,
        status: ArticleStatus.PUBLISHED,
        section: sections.get(demo.section, where),
        body,
        mainImage: demo.mainImage === undefined ? null : images.get(demo.mainImage, where),
        firstPublishedAt: date,
        publishedAt: date,
        createdAt: date,
        updatedAt: date,
      });
      articles.add(demo.slug, article);
      demo.authors.forEach((slug, position) => tx.create(ArticleAuthor, { article, author: authors.get(slug, where), position }));
      demo.tags.forEach((slug, position) => tx.create(ArticleTag, { article, tag: tags.get(slug, where), position }));
      (demo.quotes ?? []).forEach((quote, position) => {
        const blockIndex = body.findIndex((block) => block.type === 'PARAGRAPH' && block.text.includes(quote.text));
        if (blockIndex < 0) throw new Error(`Demo content: ${where} has no paragraph containing its quote "${quote.text}"`);
        tx.create(Quote, {
          article,
          position,
          blockIndex,
          text: quote.text,
          speakerName: quote.speakerName,
          speaker: quote.speaker === undefined ? null : tags.get(quote.speaker, `${where}, quote "${quote.text}"`),
          reportedBy: quote.reportedBy === undefined ? null : tags.get(quote.reportedBy, `${where}, quote "${quote.text}"`),
          context: quote.context ?? null,
          createdAt: date,
        });
        quotes += 1;
      });
      if (demo.liveblog) {
        article.liveblog = LiveblogState[demo.liveblog.state];
        for (const entry of demo.liveblog.entries) {
          const at = parseDate(entry.publishedAt, `${where}, liveblog entry`);
          tx.create(LiveblogEntry, {
            article,
            title: entry.title ?? null,
            body: markdownToBlocks(entry.bodyMarkdown),
            author: entry.author === undefined ? null : authors.get(entry.author, `${where}, liveblog entry`),
            keyEvent: entry.keyEvent ?? false,
            pinned: entry.pinned ?? false,
            publishedAt: at,
            updatedAt: at,
          });
        }
      }
      for (const correction of demo.corrections ?? []) {
        tx.create(Correction, { article, text: correction.text, publishedAt: parseDate(correction.publishedAt, `${where}, correction`) });
      }
    }

    // Related links may point forward in the list, so they wait until every article exists.
    for (const demo of content.articles) {
      const article = articles.get(demo.slug, 'related coverage');
      (demo.related ?? []).forEach((link, position) => {
        tx.create(RelatedLink, {
          article,
          related: articles.get(link.slug, `article '${demo.slug}', related coverage`),
          relation: CoverageRelation[link.relation],
          position,
        });
      });
    }

    await tx.flush();
    // The database held no articles before, so indexing all of them indexes the demo's.
    await reindexAll(tx);
    await refreshAllSimilar(tx);
    return { sections: sections.size, articles: articles.size, quotes };
  });
}
