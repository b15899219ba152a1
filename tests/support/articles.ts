import type { EntityManager } from '@mikro-orm/knex';
import { ArticleTag } from '../../src/modules/article/article-tag.entity';
import { Article } from '../../src/modules/article/article.entity';
import { ArticleStatus } from '../../src/modules/article/article.enums';
import { markdownToBlocks } from '../../src/modules/body/body.markdown';
import { refreshSimilar } from '../../src/modules/related/related.similar';
import { reindexArticle, removeFromIndex } from '../../src/modules/search/search.index';
import { Section } from '../../src/modules/section/section.entity';
import { Tag } from '../../src/modules/tag/tag.entity';
import { TagKind } from '../../src/modules/tag/tag.enums';
import type { TestApp } from './app';
import { inTransaction } from '../../src/database/transaction';

export interface NewArticle {
  slug: string;
  headline: string;
  standfirst?: string;
  /** Section path; 'world' when left out. */
  section?: string;
  /** Slugs of existing tags, in order. */
  tags?: string[];
  paragraphs?: string[];
  status?: ArticleStatus;
  publishedAt?: Date;
}

/** Runs `work` in a transaction and then reindexes the article and its SIMILAR lists, as an editorial mutation does. */
async function write<T>(t: TestApp, work: (tx: EntityManager) => Promise<{ id: number; result: T }>): Promise<T> {
  return inTransaction(t.app.orm.em.fork(), async (tx) => {
    const { id, result } = await work(tx);
    await tx.flush();
    await reindexArticle(tx, id);
    await refreshSimilar(tx, id);
    return result;
  });
}

/** Saves an article straight through MikroORM (published now unless told otherwise); returns its id. */
export function addArticle(t: TestApp, data: NewArticle): Promise<number> {
  return write(t, async (tx) => {
    const publishedAt = data.publishedAt ?? new Date(Date.now() - 60_000);
    const article = tx.create(Article, {
      slug: data.slug,
      headline: data.headline,
      standfirst: data.standfirst ?? null,
      status: data.status ?? ArticleStatus.PUBLISHED,
      section: await tx.findOneOrFail(Section, { path: data.section ?? 'world' }),
      body: markdownToBlocks((data.paragraphs ?? []).join('\n\n')),
      firstPublishedAt: publishedAt,
      publishedAt,
    });
    for (const [position, slug] of (data.tags ?? []).entries()) {
      tx.create(ArticleTag, { article, tag: await tx.findOneOrFail(Tag, { slug }), position });
    }
    await tx.flush();
    return { id: article.id, result: article.id };
  });
}

/** Changes an article through MikroORM and reindexes it, the way an editorial mutation will. */
export function editArticle(t: TestApp, id: number, change: (article: Article) => void): Promise<void> {
  return write(t, async (tx) => {
    change(await tx.findOneOrFail(Article, id));
    return { id, result: undefined };
  });
}

/** Deletes an article and takes it out of the search index. */
export async function deleteArticle(t: TestApp, id: number): Promise<void> {
  await inTransaction(t.app.orm.em.fork(), async (tx) => {
    await tx.nativeDelete(Article, id);
    await removeFromIndex(tx, id);
  });
}

export async function addTag(t: TestApp, slug: string, kind: TagKind): Promise<void> {
  const em = t.app.orm.em.fork();
  em.create(Tag, { slug, name: slug.replace(/-/g, ' '), kind });
  await em.flush();
}

export async function articleId(t: TestApp, slug: string): Promise<number> {
  return (await t.app.orm.em.fork().findOneOrFail(Article, { slug })).id;
}
