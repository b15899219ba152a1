import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyzeCopyDocument } from '../generated/graphql';
import { useDesk } from '../editorial/support';
import { expectGraphQLError } from '../support/app';

const desk = useDesk();
const seed = path.resolve(__dirname, '../../../shared/seed/saeppyol-street.txt');

describe('analyzeCopy: what import would make of the copy, saving nothing', () => {
  it.skipIf(!fs.existsSync(seed))("reads the seed story's structure, its four quotes with speakers and reporter, and its tags, matched to the newsroom's", async () => {
    const { analyzeCopy } = await desk.contributor.request(AnalyzeCopyDocument, { input: { text: fs.readFileSync(seed, 'utf8'), format: 'PLAIN' } });
    expect(analyzeCopy.userErrors).toEqual([]);
    const analysis = analyzeCopy.analysis!;
    expect(analysis.headings).toHaveLength(6);
    expect(analysis.headings[0]).toBe('A Symbol of National Gratitude and Strategic Alignment');
    expect(analysis.paragraphs).toBe(14);
    expect(Math.abs(analysis.wordCount - 1133) / 1133).toBeLessThanOrEqual(0.02);
    expect(analysis.quotes.map((quote) => [quote.text, quote.speakerName, quote.reportedBy?.name ?? null])).toEqual([
      ['a source of honour for our generation and a pride of Pyongyang and our state', 'Rodong Sinmun', null],
      ['immortality of the martyrs', 'Kim Jong Un', null],
      ['unconditionally support', 'Kim Jong Un', null],
      ['some small comfort', 'Kim Jong Un', 'Korean Central News Agency'],
    ]);
    // The newsroom already has these tags, one of them found by its alias.
    expect(analysis.quotes[1].speaker).toMatchObject({ name: 'Kim Jong Un', kind: 'PERSON', existing: { slug: 'kim-jong-un' } });
    expect(analysis.quotes[3].reportedBy?.existing?.name).toBe('Korean Central News Agency');
    const tags = Object.fromEntries(analysis.tags.map((tag) => [tag.name, tag.kind]));
    expect(tags).toMatchObject({ 'Kim Jong Un': 'PERSON', 'Vladimir Putin': 'PERSON', Pyongyang: 'PLACE', 'Rodong Sinmun': 'ORGANIZATION', 'National Intelligence Service': 'ORGANIZATION' });
    expect(analysis.tags.find((tag) => tag.name === 'Korean Central News Agency')?.aliases).toEqual(['KCNA']);
    // Most named first.
    expect(analysis.tags[0].mentions).toBeGreaterThanOrEqual(analysis.tags[analysis.tags.length - 1].mentions);
  });

  it('reads Markdown, and says who is unknown rather than guess', async () => {
    const text = ['## The vote', '', 'Councillor Ana Petrov said the plan was "a mistake we will pay for".', '', '"Nobody asked us," one resident said.'].join('\n');
    const { analyzeCopy } = await desk.contributor.request(AnalyzeCopyDocument, { input: { text, format: 'MARKDOWN' } });
    expect(analyzeCopy.analysis?.headings).toEqual(['The vote']);
    expect(analyzeCopy.analysis?.quotes.map((quote) => [quote.text, quote.speakerName, quote.speaker?.existing ?? null])).toEqual([
      ['a mistake we will pay for', 'Ana Petrov', null],
      ['Nobody asked us', null, null],
    ]);
  });

  it('refuses copy it cannot read with userErrors, and answers only a newsroom token', async () => {
    for (const [text, format, message] of [
      ['   ', 'PLAIN', /empty/],
      ['## Only a heading', 'MARKDOWN', /no paragraph/],
      ['x'.repeat(200_001), 'PLAIN', /too long/],
      [`${'> '.repeat(150)}deep`, 'MARKDOWN', /nests too deeply/],
    ] as const) {
      const { analyzeCopy } = await desk.contributor.request(AnalyzeCopyDocument, { input: { text, format } });
      expect(analyzeCopy.analysis).toBeNull();
      expect(analyzeCopy.userErrors).toEqual([expect.objectContaining({ field: ['input', 'text'], code: 'INVALID', message: expect.stringMatching(message) })]);
    }
    await expectGraphQLError(desk.anonymous, AnalyzeCopyDocument, { input: { text: 'Mayor Jo Bell said "yes".' } }, 'UNAUTHENTICATED');
  });
});
