import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextToBlocks } from '../../src/modules/body/body.markdown';
import { bodyRuns, countWords, renderText } from '../../src/modules/body/body.render';
import { SAEPPYOL } from '../support/demo';

const SEED = path.resolve(__dirname, '../../../shared/seed/saeppyol-street.txt');
const seedPresent = fs.existsSync(SEED);
const noLookup = { quote: () => undefined, image: () => undefined };

describe('plainTextToBlocks: rules', () => {
  it('makes one paragraph a line, ignores blank lines and normalizes CRLF and trailing whitespace', () => {
    const blocks = plainTextToBlocks('First sentence here.  \r\n\r\n\r\nSecond one, with <b> & “quotes”.\t\r\n');
    expect(blocks).toEqual([
      { type: 'PARAGRAPH', text: 'First sentence here.', html: 'First sentence here.' },
      { type: 'PARAGRAPH', text: 'Second one, with <b> & “quotes”.', html: 'Second one, with &lt;b&gt; &amp; “quotes”.' },
    ]);
  });

  it('treats a short line without closing punctuation as a level-2 subheading', () => {
    const blocks = plainTextToBlocks('Arms for Technology\nThe deal was signed.\nWhat comes next?\nHe said: “no”\nA line that goes on and on for far too many words to be any sort of heading');
    expect(blocks.map((b) => b.type)).toEqual(['HEADING', 'PARAGRAPH', 'PARAGRAPH', 'PARAGRAPH', 'PARAGRAPH']);
    expect(blocks[0]).toEqual({ type: 'HEADING', text: 'Arms for Technology', level: 2 });
  });

  it('does not make a heading of a line without letters', () => {
    expect(plainTextToBlocks('###')[0].type).toBe('PARAGRAPH');
  });
});

const seedSuite = seedPresent ? describe : describe.skip;
const seedTitle = seedPresent
  ? 'plainTextToBlocks: the Saeppyol Street wire copy'
  : `plainTextToBlocks: the Saeppyol Street wire copy (skipped: the shared seed folder is missing, ${SEED} not found)`;

seedSuite(seedTitle, () => {
  const blocks = seedPresent ? plainTextToBlocks(fs.readFileSync(SEED, 'utf8')) : [];
  const text = renderText(blocks, noLookup);

  it('finds exactly the six subheadings, in order', () => {
    expect(blocks.filter((b) => b.type === 'HEADING').map((b) => b.type === 'HEADING' && b.text)).toEqual(SAEPPYOL.headings);
    expect(blocks.every((b) => b.type !== 'HEADING' || b.level === 2)).toBe(true);
  });

  it('keeps 14 paragraphs, the first being the lede', () => {
    const paragraphs = blocks.filter((b) => b.type === 'PARAGRAPH');
    expect(paragraphs).toHaveLength(14);
    expect(blocks[0].type).toBe('PARAGRAPH');
    expect(paragraphs[0].type === 'PARAGRAPH' && paragraphs[0].text).toMatch(/^North Korean leader Kim Jong Un has inaugurated/);
  });

  it('splits into 7 runs: the opening without a heading, then one per heading', () => {
    const runs = bodyRuns(blocks);
    expect(runs).toHaveLength(7);
    expect(runs[0]).toMatchObject({ heading: null, start: 0, end: 1 });
    expect(runs[1].heading?.anchor).toBe('a-symbol-of-national-gratitude-and-strategic-alignment');
    expect(runs.slice(1).every((run) => run.heading !== null && run.blocks.length > 0)).toBe(true);
    expect(runs.reduce((n, run) => n + run.blocks.length, 0)).toBe(14);
  });

  it('counts words within 2% of 1,133', () => {
    const words = countWords(text);
    expect(Math.abs(words - 1133) / 1133).toBeLessThanOrEqual(0.02);
  });

  it('keeps accented letters and curly apostrophes intact', () => {
    expect(text).toContain('matériel');
    expect(text).toContain('North Korea’s');
    expect(blocks.some((b) => b.type === 'PARAGRAPH' && b.html.includes('matériel') && b.html.includes('’'))).toBe(true);
  });
});
