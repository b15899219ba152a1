import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/modules/analysis/analysis.entities';
import { findQuotes } from '../../src/modules/analysis/analysis.quotes';
import { plainTextToBlocks } from '../../src/modules/body/body.markdown';
import { SEED_TAG_KINDS } from '../support/demo';

const seed = path.resolve(__dirname, '../../../shared/seed/saeppyol-street.txt');

// vitest runs a skipped suite's body to list its tests, so the story is read only where it exists.
const present = fs.existsSync(seed);

describe.skipIf(!present)('the seed story, analysed (../shared/seed; skipped when that folder is absent)', () => {
  const blocks = present ? plainTextToBlocks(fs.readFileSync(seed, 'utf8')) : [];
  const paragraphs = blocks.flatMap((block, blockIndex) => (block.type === 'PARAGRAPH' ? [{ blockIndex, text: block.text }] : []));

  it('finds its four quotes with their speakers and the agency that reported one', () => {
    const quotes = findQuotes(paragraphs);
    expect(quotes.map(({ text, speakerName, speakerKind, reportedBy }) => [text, speakerName, speakerKind, reportedBy])).toEqual([
      ['a source of honour for our generation and a pride of Pyongyang and our state', 'Rodong Sinmun', 'ORGANIZATION', null],
      ['immortality of the martyrs', 'Kim Jong Un', 'PERSON', null],
      ['unconditionally support', 'Kim Jong Un', 'PERSON', null],
      ['some small comfort', 'Kim Jong Un', 'PERSON', 'Korean Central News Agency'],
    ]);
    // All four stand in the first section under a heading (the opening paragraph is block 0, the heading block 1).
    expect(new Set(quotes.map((quote) => blocks[quote.blockIndex].type))).toEqual(new Set(['PARAGRAPH']));
    expect(quotes[0].blockIndex).toBe(2);
  });

  it('names the people, organisations and places a newsroom would tag, an acronym as the name it stands for', () => {
    const entities = findEntities(paragraphs.map((paragraph) => paragraph.text));
    const tags = Object.fromEntries(entities.map((entity) => [entity.name, entity.kind]));
    expect(tags).toMatchObject(SEED_TAG_KINDS);
    expect(entities.find((entity) => entity.name === 'Korean Central News Agency')?.aliases).toEqual(['KCNA']);
    // "Kim", alone, is Kim Jong Un named again, not a tag of its own; nationalities are no tags.
    expect(Object.keys(tags)).not.toContain('Kim');
    expect(Object.keys(tags).filter((name) => /Korean$|^Russian$/.test(name))).toEqual([]);
  });
});
