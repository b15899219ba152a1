import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleBySlugDocument, type ArticleBySlugQuery } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { SAEPPYOL } from '../support/demo';

let t: TestApp;
let story: NonNullable<ArticleBySlugQuery['article']>;
beforeAll(async () => {
  t = await startTestApp();
  story = (await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug })).article!;
});
afterAll(() => t?.close());

describe('article(slug:)', () => {
  it('finds the story by slug, whatever the case, and null for an unknown slug', async () => {
    expect(story).toMatchObject({ headline: SAEPPYOL.headline, status: 'PUBLISHED', uri: SAEPPYOL.path, section: { path: 'world/asia' } });
    expect((await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug.toUpperCase() })).article?.id).toBe(story.id);
    expect((await t.client.request(ArticleBySlugDocument, { slug: 'no-such-story' })).article).toBeNull();
  });

  it('groups the body under its six subheadings, with all four quotes in the first', () => {
    expect(story.bodySections).toHaveLength(7);
    expect(story.bodySections[0].heading).toBeNull();
    expect(story.bodySections.slice(1).map((section) => section.heading?.text)).toEqual(SAEPPYOL.headings);
    expect(story.bodySections[1].quotes.map((quote) => quote.text)).toEqual(SAEPPYOL.quotes.map((quote) => quote.text));
    expect(story.bodySections.filter((_, index) => index !== 1).flatMap((section) => section.quotes)).toEqual([]);
  });

  it('renders HTML whose subheadings carry the table of contents anchors', () => {
    for (const heading of story.tableOfContents) {
      expect(heading.level).toBe(2);
      expect(story.bodyHtml).toContain(`<h2 id="${heading.anchor}">`);
    }
    expect(story.tableOfContents[0].anchor).toBe('a-symbol-of-national-gratitude-and-strategic-alignment');
    expect(story.body.filter((block) => block.__typename === 'HeadingBlock').map((block) => 'anchor' in block && block.anchor)).toEqual(
      story.tableOfContents.map((heading) => heading.anchor),
    );
  });

  it('gives plain text, a word count and a reading time that agree', () => {
    expect(story.bodyText).not.toMatch(/<[a-z]/i);
    expect(story.bodyText).toContain('matériel');
    expect(story.bodyText.startsWith(story.body.find((block) => block.__typename === 'ParagraphBlock' && 'text' in block)!.text!)).toBe(true);
    const words = story.bodyText.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    expect(Math.abs(story.wordCount - words) / words).toBeLessThan(0.03);
    expect(story.wordCount).toBeGreaterThan(700);
    expect(story.readingTimeMinutes).toBe(Math.ceil(story.wordCount / 230));
  });

  it('credits speakers and the agency that reported them', () => {
    expect(story.quotes.map((quote) => quote.speaker?.slug ?? null)).toEqual(['rodong-sinmun', 'kim-jong-un', 'kim-jong-un', 'kim-jong-un']);
    expect(story.quotes[3].reportedBy).toEqual({ slug: 'korean-central-news-agency', name: 'Korean Central News Agency' });
    expect(story.quotes.every((quote) => quote.article.slug === SAEPPYOL.slug)).toBe(true);
  });

  it('filters its tags by kind and names its byline from its authors', () => {
    expect(story.people.map((tag) => tag.slug)).toEqual(expect.arrayContaining(['kim-jong-un', 'kim-ju-ae', 'vladimir-putin']));
    expect(story.tags.filter((tag) => tag.kind === 'PERSON').map((tag) => tag.slug)).toEqual(story.people.map((tag) => tag.slug));
    const names = story.authors.map((author) => author.name);
    expect(story.byline).toBe(names.length === 1 ? `By ${names[0]}` : `By ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
  });

  it('shows published corrections with their date', async () => {
    const { article } = await t.client.request(ArticleBySlugDocument, { slug: 'oyelaran-elected-eastbridge-mayor' });
    expect(article?.corrections).toEqual([
      { text: 'An earlier version of this article gave the turnout as 34 per cent. It was 31 per cent.', publishedAt: '2026-11-04T09:15:00.000Z' },
    ]);
    expect(story.corrections).toEqual([]);
  });
});
