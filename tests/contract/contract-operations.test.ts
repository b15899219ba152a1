import fs from 'node:fs';
import path from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskIdsDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { SAEPPYOL } from '../support/demo';
import { newsroom, type Newsroom } from '../support/newsroom';
import { operationsIn } from '../support/operations';

const contractDir = path.resolve(__dirname, '../../../shared/contract/operations');
const hasContract = fs.existsSync(contractDir);

describe.skipIf(!hasContract)("the contract's operations, as clients send them, run against the demo newsroom", () => {
  let t: TestApp;
  let desk: Newsroom;
  // The contract's operations exactly as clients send them (../shared/contract/operations, read here,
  // not the project's copies in schema/operations, which may grow).
  const operations = hasContract ? operationsIn(contractDir) : new Map();
  // Raw documents: the answers are read as JSON, as a client that never ran codegen would.
  const run = async (client: GraphQLClient, name: string, variables: Record<string, unknown>): Promise<any> => {
    const operation = operations.get(name);
    if (!operation) throw new Error(`the contract has no operation ${name}`);
    return client.request(operation.document, variables);
  };

  beforeAll(async () => {
    t = await startTestApp();
    desk = await newsroom(t);
  });
  afterAll(() => t?.close());

  it('holds the operations the contract README names', () => {
    expect([...operations.keys()].sort()).toEqual(['ArticlePage', 'CreateDraft', 'ImportCopy', 'Publish', 'QuotesBySpeaker', 'ReviseDraft', 'Search', 'SectionFront']);
  });

  it('ArticlePage, SectionFront, QuotesBySpeaker and Search answer what a reader sees', async () => {
    const page = await run(desk.anonymous, 'ArticlePage', { path: SAEPPYOL.path });
    expect(page.route.headline).toBe(SAEPPYOL.headline);
    expect(page.route.quotes.map((quote: { text: string }) => quote.text)).toEqual(SAEPPYOL.quotes.map((quote) => quote.text));

    const front = await run(desk.anonymous, 'SectionFront', { path: 'world/asia', first: 5 });
    expect(front.section.articles.nodes).toHaveLength(5);
    expect(front.section.articles.totalCount).toBeGreaterThanOrEqual(5);

    const quotes = await run(desk.anonymous, 'QuotesBySpeaker', { speaker: 'kim-jong-un' });
    const texts = JSON.stringify(quotes);
    for (const quote of SAEPPYOL.quotes.filter((item) => item.speaker === 'Kim Jong Un')) expect(texts).toContain(quote.text);

    const search = await run(desk.anonymous, 'Search', { query: 'Saeppyol' });
    expect(search.search.edges[0].node.headline).toBe(SAEPPYOL.headline);
  });

  it('CreateDraft, ReviseDraft, Publish and ImportCopy make the CMS round trip', async () => {
    const ids = await desk.editor.request(DeskIdsDocument, { section: 'world/asia', tag: 'kim-jong-un', author: 'hana-seo', slug: 'kim-jong-un-opens-saeppyol-street-homes' });
    const created = (await run(desk.editor, 'CreateDraft', { input: { headline: 'Contract draft', sectionId: ids.section!.id } })).createArticle;
    expect(created.userErrors).toEqual([]);
    expect(created.article).toMatchObject({ status: 'DRAFT', version: 1, slug: 'contract-draft' });

    const revised = (await run(desk.editor, 'ReviseDraft', { input: { id: created.article.id, expectedVersion: 1, headline: 'Contract draft, revised' } })).updateArticle;
    expect(revised.article).toMatchObject({ headline: 'Contract draft, revised', version: 2 });

    const published = (await run(desk.editor, 'Publish', { id: created.article.id })).publishArticle;
    expect(published.article.status).toBe('PUBLISHED');

    const copy = 'Markets steadied on Friday.\nThe Outlook\n"We expect a calm week," said Ines Varga, an analyst at Corvell Bank.';
    const imported = (await run(desk.editor, 'ImportCopy', { input: { headline: 'Markets steady', sectionId: ids.section!.id, text: copy } })).importArticle;
    expect(imported.userErrors).toEqual([]);
    expect(imported.article.tableOfContents).toEqual([{ text: 'The Outlook' }]);
    expect(imported.article.quotes).toEqual([{ text: 'We expect a calm week', speakerName: 'Ines Varga', speaker: { name: 'Ines Varga', kind: 'PERSON' } }]);
    expect(imported.article.tags).toEqual(expect.arrayContaining([{ name: 'Corvell Bank', kind: 'ORGANIZATION' }]));
  });
});
