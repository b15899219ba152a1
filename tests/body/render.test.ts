import { describe, expect, it } from 'vitest';
import type { StoredBlock } from '../../src/modules/body/body.blocks';
import {
  bodyRuns,
  countWords,
  headingAnchors,
  type ImageForRender,
  type QuoteForRender,
  readingTimeMinutes,
  renderHtml,
  renderText,
  tableOfContents,
} from '../../src/modules/body/body.render';

const heading = (text: string, level = 2): StoredBlock => ({ type: 'HEADING', text, level });
const paragraph = (text: string): StoredBlock => ({ type: 'PARAGRAPH', text, html: text });

const quotes: Record<number, QuoteForRender> = {
  1: { text: 'immortality of the martyrs', speakerName: 'Kim Jong Un' },
  2: { text: 'a <b>bold</b> "claim"', speakerName: 'A & B' },
};
const images: Record<number, ImageForRender> = {
  1: { url: 'https://img.example/saeppyol.jpg?w=1200&h=800', altText: 'New flats on "Saeppyol" Street', caption: 'The new district.', credit: 'KCNA' },
  2: { url: '/media/plain.jpg', altText: 'A street', caption: null, credit: '  ' },
  3: { url: 'javascript:alert(1)', altText: 'x', caption: 'hostile' },
  4: { url: 'JaVa\tScRiPt:alert(1)', altText: 'x' },
  5: { url: 'data:image/svg+xml;base64,xx', altText: 'x' },
};
const lookup = { quote: (id: number) => quotes[id], image: (id: number) => images[id] };

describe('headingAnchors and tableOfContents', () => {
  it('slugs headings to lowercase ASCII, folding accents and de-duplicating', () => {
    const blocks = [
      heading('Arms & Matériel: Straße Œuvre'),
      paragraph('x'),
      heading('Arms & Materiel: Strasse OEuvre'),
      heading('Arms & Matériel: Straße Œuvre', 3),
      heading('Arms-Materiel-Strasse-Oeuvre-2'),
      heading('¿¡ !?'),
      heading('평양'),
    ];
    expect(headingAnchors(blocks)).toEqual([
      'arms-materiel-strasse-oeuvre',
      'arms-materiel-strasse-oeuvre-2',
      'arms-materiel-strasse-oeuvre-3',
      'arms-materiel-strasse-oeuvre-2-2',
      'section',
      'section-2',
    ]);
  });

  it('lists each heading with its level and anchor', () => {
    expect(tableOfContents([paragraph('lede'), heading('The Shadow of the Ukraine War'), paragraph('x'), heading('Kim Ju Ae', 3)])).toEqual([
      { text: 'The Shadow of the Ukraine War', level: 2, anchor: 'the-shadow-of-the-ukraine-war' },
      { text: 'Kim Ju Ae', level: 3, anchor: 'kim-ju-ae' },
    ]);
  });
});

describe('renderHtml', () => {
  it('escapes heading text and gives headings their anchor id', () => {
    expect(renderHtml([heading('Tom & Jerry <3')], lookup)).toBe('<h2 id="tom-jerry-3">Tom &amp; Jerry &lt;3</h2>');
  });

  it('renders paragraphs with their stored inline html, lists escaped, joined by newlines', () => {
    const blocks: StoredBlock[] = [
      { type: 'PARAGRAPH', text: 'A bold move', html: 'A <strong>bold</strong> move' },
      { type: 'LIST', ordered: false, items: ['<Pyongyang>', 'Moscow & Kursk'] },
      { type: 'LIST', ordered: true, items: ['one'] },
    ];
    expect(renderHtml(blocks, lookup)).toBe(
      '<p>A <strong>bold</strong> move</p>\n<ul><li>&lt;Pyongyang&gt;</li><li>Moscow &amp; Kursk</li></ul>\n<ol><li>one</li></ol>',
    );
  });

  it('renders quotes as an escaped blockquote with the speaker in a footer', () => {
    expect(renderHtml([{ type: 'QUOTE', quoteId: 1 }, { type: 'QUOTE', quoteId: 2 }], lookup)).toBe(
      '<blockquote><p>immortality of the martyrs</p><footer>Kim Jong Un</footer></blockquote>\n' +
        '<blockquote><p>a &lt;b&gt;bold&lt;/b&gt; &quot;claim&quot;</p><footer>A &amp; B</footer></blockquote>',
    );
  });

  it('renders images as figures with escaped attributes and caption plus credit when present', () => {
    expect(renderHtml([{ type: 'IMAGE', imageId: 1 }, { type: 'IMAGE', imageId: 2 }], lookup)).toBe(
      '<figure><img src="https://img.example/saeppyol.jpg?w=1200&amp;h=800" alt="New flats on &quot;Saeppyol&quot; Street">' +
        '<figcaption>The new district. <span class="credit">KCNA</span></figcaption></figure>\n' +
        '<figure><img src="/media/plain.jpg" alt="A street"></figure>',
    );
  });

  it('drops images whose URL is not http(s) or relative, and blocks whose quote or image is missing', () => {
    const blocks: StoredBlock[] = [
      { type: 'IMAGE', imageId: 3 },
      { type: 'IMAGE', imageId: 4 },
      { type: 'IMAGE', imageId: 5 },
      { type: 'IMAGE', imageId: 99 },
      { type: 'QUOTE', quoteId: 99 },
      paragraph('kept'),
    ];
    expect(renderHtml(blocks, lookup)).toBe('<p>kept</p>');
  });
});

describe('renderText', () => {
  it('separates blocks by blank lines, quotes the speaker and bullets list items', () => {
    const blocks: StoredBlock[] = [
      heading('Honoring the Fallen'),
      paragraph('Kim spoke.'),
      { type: 'QUOTE', quoteId: 1 },
      { type: 'QUOTE', quoteId: 99 },
      { type: 'LIST', ordered: false, items: ['Pyongyang', 'Moscow'] },
      { type: 'IMAGE', imageId: 1 },
    ];
    expect(renderText(blocks, lookup)).toBe(
      'Honoring the Fallen\n\nKim spoke.\n\n"immortality of the martyrs" — Kim Jong Un\n\n- Pyongyang\n- Moscow\n\nThe new district. KCNA',
    );
  });
});

describe('countWords and readingTimeMinutes', () => {
  // Rule: a word is a run of letters/digits; an apostrophe (' or ’) or hyphen between two such runs, and . or , between digits, stay inside it.
  it('counts contractions, hyphenated compounds and numbers as single words', () => {
    expect(countWords('don’t stop-loss 3 cats')).toBe(4);
    // Dashes (— and the en dash in Korea–Russia) separate words.
    expect(countWords("it's 1,133 words — 3.5% of the North Korea–Russia pact")).toBe(10);
    expect(countWords('Kim’s matériel, 평양 and Пхеньян!')).toBe(5);
    expect(countWords('  -- … ’ ')).toBe(0);
  });

  it('reads at 230 words a minute, rounded up, at least one minute', () => {
    expect(readingTimeMinutes(0)).toBe(1);
    expect(readingTimeMinutes(1)).toBe(1);
    expect(readingTimeMinutes(230)).toBe(1);
    expect(readingTimeMinutes(231)).toBe(2);
    expect(readingTimeMinutes(1133)).toBe(5);
  });
});

describe('bodyRuns', () => {
  it('starts with the opening run, then one run per heading of any level, with index ranges into the body', () => {
    const blocks = [paragraph('lede'), paragraph('more'), heading('One'), paragraph('a'), heading('Deeper', 3), heading('One'), paragraph('b'), paragraph('c')];
    const runs = bodyRuns(blocks);
    expect(runs.map((run) => [run.heading?.anchor ?? null, run.start, run.end, run.blocks.length])).toEqual([
      [null, 0, 2, 2],
      ['one', 3, 4, 1],
      ['deeper', 5, 5, 0],
      ['one-2', 6, 8, 2],
    ]);
    for (const run of runs) expect(run.blocks).toEqual(blocks.slice(run.start, run.end));
  });

  it('omits an empty opening run', () => {
    const runs = bodyRuns([heading('Only'), paragraph('x')]);
    expect(runs).toHaveLength(1);
    expect(runs[0].heading?.block).toEqual(heading('Only'));
  });
});
