import { afterAll, beforeAll, expect } from 'vitest';
import {
  DeskAddQuoteDocument,
  DeskCreateArticleDocument,
  DeskIdsDocument,
  DeskPublishDocument,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { newsroom, type Newsroom } from '../support/newsroom';

/** IDs from the demo newsroom that the editorial tests file and credit pieces with. */
export interface DemoIds {
  section: string;
  tag: string;
  author: string;
  /** A published demo article. */
  published: string;
}

export async function demoIds(desk: Newsroom): Promise<DemoIds> {
  const found = await desk.admin.request(DeskIdsDocument, { section: 'world/asia', tag: 'kim-jong-un', author: 'hana-seo', slug: 'kim-jong-un-opens-saeppyol-street-homes' });
  return { section: found.section!.id, tag: found.tag!.id, author: found.author!.id, published: found.article!.id };
}

/** A test file's app, with a client per role and the demo IDs. */
export interface Desk extends Newsroom {
  t: TestApp;
  ids: DemoIds;
}

/** Boots the real app for the calling test file (fresh database) and closes it afterwards. */
export function useDesk(): Desk {
  const desk = {} as Desk;
  beforeAll(async () => {
    const t = await startTestApp();
    Object.assign(desk, { t }, await newsroom(t));
    desk.ids = await demoIds(desk);
  });
  afterAll(() => desk.t?.close());
  return desk;
}

let serial = 0;

/** A fresh draft, made by an admin, whose body holds a sentence quotes can be found in. */
export async function draft(desk: Desk, headline = `Draft number ${++serial}`) {
  const { createArticle } = await desk.admin.request(DeskCreateArticleDocument, {
    input: { headline, sectionId: desk.ids.section, bodyMarkdown: 'The minister said the bridge would open in spring, officials confirmed.' },
  });
  expect(createArticle.userErrors).toEqual([]);
  return createArticle.article!;
}

export async function publishedDraft(desk: Desk) {
  const article = await draft(desk);
  const { publishArticle } = await desk.admin.request(DeskPublishDocument, { id: article.id });
  expect(publishArticle.userErrors).toEqual([]);
  return publishArticle.article!;
}

export async function quotedDraft(desk: Desk) {
  const article = await draft(desk);
  const { addQuote } = await desk.admin.request(DeskAddQuoteDocument, {
    input: { articleId: article.id, text: 'the bridge would open in spring', speakerName: 'The minister' },
  });
  expect(addQuote.userErrors).toEqual([]);
  return { article, quote: addQuote.quote! };
}

