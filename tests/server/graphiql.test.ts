import 'reflect-metadata';
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { newsroom } from '../support/newsroom';
import { AddLiveblogEntryDocument, LiveblogArticleDocument, SetLiveblogStateDocument } from '../generated/graphql';

const CHROMIUM = '/usr/bin/chromium';
const HEADLINE = 'Kim Jong Un opens Saeppyol Street homes for families of soldiers killed abroad';

interface Visit {
  page: Page;
  /** Every URL the page asked for, including GraphiQL's own fetches. */
  requests: string[];
  /** Uncaught script errors and responses of 400 and above. */
  problems: string[];
}

const haveChromium = fs.existsSync(CHROMIUM);
const suite = haveChromium ? describe : describe.skip;

suite(haveChromium ? 'GraphiQL in a real browser' : `GraphiQL in a real browser: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`, () => {
  let test: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [test, browser] = await Promise.all([
      startTestApp(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  /** A first visit: a fresh context has empty localStorage, so GraphiQL starts from the default tabs. */
  async function open(): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(test.url);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 10_000 });
    return { page, requests, problems };
  }

  const response = (page: Page, text: string) => page.locator('.graphiql-response', { hasText: text }).waitFor({ timeout: 10_000 });

  it('loads everything from the service itself and offers the contract operations as tabs', async () => {
    const { page, requests, problems } = await open();
    try {
      expect(requests.length).toBeGreaterThan(1);
      for (const url of requests) expect(new URL(url).hostname, url).toBe('127.0.0.1');
      const tabs = await page.locator('.graphiql-tab-button').allInnerTexts();
      expect(tabs).toEqual(expect.arrayContaining(['ArticlePage', 'SectionFront', 'QuotesBySpeaker', 'Search']));
      expect(tabs[0]).toBe('ArticlePage');
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('runs the ArticlePage tab as offered (variables prefilled) and shows the headline', async () => {
    const { page, requests, problems } = await open();
    try {
      await expect(page.locator('.graphiql-editor-tool .CodeMirror').first().innerText()).resolves.toContain('kim-jong-un-opens-saeppyol-street-homes');
      await page.locator('.graphiql-execute-button').click();
      await response(page, HEADLINE);
      await page.screenshot({ path: '/tmp/graphiql.png' });
      for (const url of requests) expect(new URL(url).hostname, url).toBe('127.0.0.1');
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('runs a query typed into a new tab with Ctrl+Enter', async () => {
    const { page, problems } = await open();
    try {
      await page.locator('.graphiql-tabs button[aria-label="Add tab"]').click();
      await page.locator('.graphiql-query-editor .CodeMirror').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      // CodeMirror closes each brace as it opens; typing the closing ones steps over them.
      await page.keyboard.type('query Sections { sections { name } }');
      // GraphiQL reads the edit after a short debounce; until the tab takes the operation's name, Ctrl+Enter
      // would still send the name of the operation shown before (ArticlePage).
      await page.locator('.graphiql-tab-active .graphiql-tab-button', { hasText: 'Sections' }).waitFor({ timeout: 5_000 });
      await page.keyboard.press('Control+Enter');
      await response(page, '"World"');
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
  it('runs a subscription over the WebSocket and shows each entry as it is posted', async () => {
    const desk = await newsroom(test);
    const { article } = await desk.anonymous.request(LiveblogArticleDocument, { slug: 'typhoon-sanwol-evacuations' });
    const { node } = await desk.editor.request('query($id: ID!) { node(id: $id) { ... on Article { version } } }', { id: article!.id }) as { node: { version: number } };
    await desk.editor.request(SetLiveblogStateDocument, { input: { articleId: article!.id, expectedVersion: node.version, state: 'LIVE' } });
    const { page, problems } = await open();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    try {
      await page.locator('.graphiql-tabs button[aria-label="Add tab"]').click();
      await page.locator('.graphiql-query-editor .CodeMirror').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(`subscription Storm { liveblogEntries(articleId: "${article!.id}") { change entry { title } } }`);
      await page.locator('.graphiql-tab-active .graphiql-tab-button', { hasText: 'Storm' }).waitFor({ timeout: 5_000 });
      await page.keyboard.press('Control+Enter');
      // Posted until one is shown: the page acknowledges no subscribe, so the first may come before it.
      for (let attempt = 1; ; attempt += 1) {
        await desk.contributor.request(AddLiveblogEntryDocument, { input: { articleId: article!.id, title: `Ferries resume, update ${attempt}`, bodyMarkdown: 'The first ferry has left.' } });
        try {
          await page.locator('.graphiql-response', { hasText: 'Ferries resume, update' }).waitFor({ timeout: 500 });
          break;
        } catch (error) {
          if (attempt >= 20) throw error;
        }
      }
      expect(sockets).toEqual([test.url.replace(/^http/, 'ws')]);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
