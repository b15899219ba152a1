import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchHitsDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { addArticle, deleteArticle, editArticle } from '../support/articles';
import { SAEPPYOL } from '../support/demo';

/**
 * Issue 12, part 5: the last word of a query matches however far it is typed, also where the
 * stemmer would change what was typed ("pyongy" is not a beginning of the stem of Pyongyang, nor
 * "runni" of the stem of running), on both databases.
 */
let t: TestApp;
beforeAll(async () => {
  // Articles are written here straight through MikroORM (tests/support/articles.ts), past the
  // mutations that evict cached answers, so the response cache is off.
  t = await startTestApp({ cache: { enabled: false } });
});
afterAll(() => t?.close());

async function search(query: string) {
  return (await t.client.request(SearchHitsDocument, { query, first: 100 })).search;
}

async function slugs(query: string): Promise<string[]> {
  return (await search(query)).edges.map((edge) => edge.node.slug);
}

/** Every beginning of `word` of at least three letters, the whole word included. */
function prefixes(word: string): string[] {
  return Array.from({ length: word.length - 2 }, (_, i) => word.slice(0, i + 3));
}

/**
 * Words of the demo newsroom, most of whose stems are no beginning of some of their prefixes (found by
 * typing every prefix of every word of the demo on both databases): -y and -ies (y becomes i, or the
 * whole -ity goes: authority), -ing with a doubled consonant (running: run), -ing, -ed and -es
 * (building: build, estimated: estim, delegates: deleg), -ies words, and the names of the Saeppyol
 * Street story. `after`: a whole word found in the same articles.
 */
const WORDS = [
  { word: 'Pyongyang', after: 'Kim' },
  { word: 'Saeppyol', after: 'street' },
  { word: 'ceremony', after: 'Kim' },
  { word: 'ceremonies', after: 'Kim' },
  { word: 'military', after: 'Korea' },
  { word: 'policy', after: 'Kim' },
  { word: 'casualties', after: 'Korea' },
  { word: 'authority', after: 'port' },
  { word: 'authorities', after: 'island' },
  { word: 'security', after: 'Korea' },
  { word: 'electricity', after: 'energy' },
  { word: 'running', after: 'shipping' },
  { word: 'planning', after: 'water' },
  { word: 'shipping', after: 'container' },
  { word: 'building', after: 'bakery' },
  { word: 'fighting', after: 'Korean' },
  { word: 'estimated', after: 'losses' },
  { word: 'delegates', after: 'congress' },
  { word: 'consequences', after: 'Saeppyol' },
  { word: 'dried', after: 'reservoir' },
  { word: 'destroyed', after: 'hurricane' },
  { word: 'recycled', after: 'water' },
  { word: 'relatives', after: 'soldiers' },
];

describe('the last word matches however far it is typed', () => {
  // The word in quotes is the word alone, not a beginning: what every beginning of it must find too.
  for (const { word, after } of WORDS) {
    it(`finds what "${word}" finds from every beginning of it, alone and after "${after}"`, async () => {
      const whole = await slugs(`"${word}"`);
      expect(whole.length, word).toBeGreaterThan(0);
      const wholeAfter = await slugs(`${after} "${word}"`);
      expect(wholeAfter.length, `${after} ${word}`).toBeGreaterThan(0);
      for (const prefix of prefixes(word)) {
        expect(await slugs(prefix), prefix).toEqual(expect.arrayContaining(whole));
        expect(await slugs(`${after} ${prefix}`), `${after} ${prefix}`).toEqual(expect.arrayContaining(wholeAfter));
      }
    });
  }

  it('finds the Saeppyol Street story first from a beginning the stemmer changes, and marks the word it matched', async () => {
    for (const prefix of ['Saeppy', 'Pyongy', 'saeppyo']) {
      const result = await search(prefix);
      expect(result.edges.map((edge) => edge.node.slug), prefix).toContain(SAEPPYOL.slug);
    }
    const [top] = (await search('Saeppy')).edges;
    expect(top.node.slug).toBe(SAEPPYOL.slug);
    expect(top.highlight).toMatch(/<mark>Saeppyol<\/mark>/);
    const street = (await search('Saeppyol stre')).edges;
    expect(street[0].node.slug).toBe(SAEPPYOL.slug);
  });

  it('keeps stemming whole words: "ceremonies" finds "ceremony" and back, a prefix only ever widens', async () => {
    await addArticle(t, { slug: 'one-ceremony', headline: 'Harbour pilots hold a ceremony', paragraphs: ['A single ceremony on the quay.'] });
    await addArticle(t, { slug: 'many-ceremonies', headline: 'Harbour pilots hold ceremonies', paragraphs: ['Several ceremonies along the quay.'] });
    for (const query of ['ceremony', 'ceremonies', 'ceremoni', 'ceremon', 'harbour pilots ceremonies', 'pilots ceremony']) {
      expect(await slugs(query), query).toEqual(expect.arrayContaining(['one-ceremony', 'many-ceremonies']));
    }
    // A prefix is no license to match anything: the words of an article still have to begin with it.
    expect(await slugs('ceremonyx')).toEqual([]);
    expect(await slugs('pilots ceremz')).toEqual([]);
  });

  it('keeps -excluded words and phrases as they were', async () => {
    const all = await slugs('Saeppy');
    expect(all).toContain('north-korea-party-congress-opens');
    expect(await slugs('-delegates Saeppy')).toEqual(all.filter((slug) => slug !== 'north-korea-party-congress-opens'));
    expect(await slugs('"Saeppyol Street"')).toContain(SAEPPYOL.slug);
    expect(await slugs('"Saeppy Street"')).toEqual([]);
  });

  it('knows the words of a piece as soon as it is saved, edited or deleted', async () => {
    const id = await addArticle(t, {
      slug: 'quillyard-regatta',
      headline: 'Quillyard regatta goes ahead',
      paragraphs: ['Crews were zorbing across the bay while the committee kept planning.'],
    });
    for (const query of ['Quilly', 'quillyar', 'zorbi', 'zorbin', 'regatta zorbi', 'quillyard zorbin']) {
      expect(await slugs(query), query).toEqual(['quillyard-regatta']);
    }
    await editArticle(t, id, (article) => (article.headline = 'Thornbury regatta goes ahead'));
    expect(await slugs('thornbury')).toEqual(['quillyard-regatta']);
    expect(await slugs('Thornbu')).toEqual(['quillyard-regatta']);
    expect(await slugs('Quilly')).toEqual([]);
    await deleteArticle(t, id);
    expect(await slugs('zorbi')).toEqual([]);
    expect(await slugs('thornbu')).toEqual([]);
  });

  it('pages and counts a prefix search like any other', async () => {
    const result = await search('pyongy');
    expect(result.totalCount).toBe(result.edges.length);
    expect(result.totalCount).toBe((await search('pyongyang')).totalCount);
    const scores = result.edges.map((edge) => edge.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = await t.client.request(SearchHitsDocument, { query: 'pyongy', first: 1 });
    const second = await t.client.request(SearchHitsDocument, { query: 'pyongy', first: 1, after: first.search.pageInfo.endCursor });
    expect(second.search.edges[0]?.node.slug).toBe(result.edges[1]?.node.slug);
  });
});
