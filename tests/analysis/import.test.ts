import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../bench/quotes-eval';
import {
  AnalyzeCopyDocument,
  DeskAddQuoteDocument,
  DeskAuditLogDocument,
  DeskDraftsDocument,
  DeskRemoveQuoteDocument,
  DeskUpdateArticleDocument,
  ImportAnalysedDocument,
  QuoteSearchDocument,
  ReanalyzeArticleDocument,
  SpeakerQuotesDocument,
  TagAliasesDocument,
  TagSearchDocument,
  UpdateQuoteDocument,
} from '../generated/graphql';
import { useDesk } from '../editorial/support';
import { expectGraphQLError } from '../support/app';
import { SAEPPYOL, SEED_TAG_KINDS } from '../support/demo';

const desk = useDesk();
const seed = path.resolve(__dirname, '../../../shared/seed/saeppyol-street.txt');

const importCopy = async (text: string, options: { headline?: string; format?: 'PLAIN' | 'MARKDOWN'; sectionId?: string } = {}) => {
  const { importArticle } = await desk.contributor.request(ImportAnalysedDocument, {
    input: { headline: options.headline ?? 'Imported copy', sectionId: options.sectionId ?? desk.ids.section, text, format: options.format ?? 'PLAIN' },
  });
  return importArticle;
};

const COUNCIL = [
  'Wenlow Borough Council voted on Tuesday to close the Marsh Lane depot, ending a two-year dispute.',
  '"We have listened, and we have decided," said Priya Castellan, the council\'s leader.',
  'Opposition councillor Tom Ferrand called the vote "a quiet betrayal of the east side".',
  '"Nobody asked the drivers," one depot worker said.',
].join('\n');

describe('importArticle reads the copy: quotes with their speakers and outlets, and tags', () => {
  it.skipIf(!fs.existsSync(seed))('imports the seed story as its README says, linked to the newsroom\'s tags by name and alias', async () => {
    const { article, userErrors } = await importCopy(fs.readFileSync(seed, 'utf8'), { headline: 'Kim Jong Un opens Saeppyol Street homes for families of soldiers killed abroad' });
    expect(userErrors).toEqual([]);
    const draft = article!;
    const headings = draft.body.flatMap((block) => (block.__typename === 'HeadingBlock' ? [block.text] : []));
    expect(headings).toEqual(SAEPPYOL.headings);
    expect(draft.body.filter((block) => block.__typename === 'ParagraphBlock')).toHaveLength(14);
    expect(Math.abs(draft.wordCount - 1133) / 1133).toBeLessThanOrEqual(0.02);
    expect(draft.bodySections).toHaveLength(7);
    expect(draft.bodySections.map((section) => section.quotes.length)).toEqual([0, 4, 0, 0, 0, 0, 0]);

    expect(draft.quotes.map((quote) => [quote.text, quote.speakerName, quote.speaker?.slug ?? null, quote.reportedBy?.name ?? null])).toEqual([
      ['a source of honour for our generation and a pride of Pyongyang and our state', 'Rodong Sinmun', 'rodong-sinmun', null],
      ['immortality of the martyrs', 'Kim Jong Un', 'kim-jong-un', null],
      ['unconditionally support', 'Kim Jong Un', 'kim-jong-un', null],
      ['some small comfort', 'Kim Jong Un', 'kim-jong-un', 'Korean Central News Agency'],
    ]);
    expect(draft.quotes.every((quote) => quote.origin === 'ANALYSIS' && quote.attributed)).toBe(true);
    // Each quote keeps the sentence it stands in.
    expect(draft.quotes[3].context).toBe(
      'According to the Korean Central News Agency (KCNA), Kim Jong Un expressed his desire to expedite the project, hoping it would offer "some small comfort" to the bereaved families.',
    );
    expect(draft.quotes[0].speaker?.kind).toBe('ORGANIZATION');

    const kinds = Object.fromEntries(draft.tags.map((tag) => [tag.name, tag.kind]));
    expect(kinds).toMatchObject(SEED_TAG_KINDS);
    // The newsroom's own tags, one of them found by its alias (the copy says "KCNA" too): no twins.
    expect(draft.tags.find((tag) => tag.name === 'Korean Central News Agency')?.aliases).toContain('KCNA');
    expect(draft.tags.filter((tag) => /^kim-jong-un|^korean-central-news-agency|^kcna/.test(tag.slug)).map((tag) => tag.slug).sort()).toEqual(['kim-jong-un', 'korean-central-news-agency']);

    // His three quotes in this draft are found from his tag.
    const { tag } = await desk.contributor.request(SpeakerQuotesDocument, { slug: 'kim-jong-un' });
    expect(tag!.quotes.nodes.filter((quote) => quote.article.id === draft.id).map((quote) => quote.text)).toEqual(['immortality of the martyrs', 'unconditionally support', 'some small comfort']);

    // One audited change, version 1.
    expect(draft.version).toBe(1);
    const { auditLog } = await desk.admin.request(DeskAuditLogDocument, { subjectId: draft.id });
    expect(auditLog.nodes.map((entry) => [entry.action, entry.actorRole])).toEqual([['importArticle', 'CONTRIBUTOR']]);
    expect(auditLog.nodes[0].changes).toEqual(expect.arrayContaining(['body', 'tags', 'quotes']));
  });

  it('creates the tags the newsroom lacks, of the right kind, and finds them again next time instead of twins', async () => {
    const first = await importCopy(COUNCIL, { headline: 'Depot to close' });
    expect(first.userErrors).toEqual([]);
    const quotes = first.article!.quotes;
    expect(quotes.map((quote) => [quote.text, quote.speakerName, quote.attributed, quote.speaker?.slug ?? null])).toEqual([
      ['We have listened, and we have decided', 'Priya Castellan', true, 'priya-castellan'],
      ['a quiet betrayal of the east side', 'Tom Ferrand', true, 'tom-ferrand'],
      // The copy does not say which worker: no speaker rather than a wrong one.
      ['Nobody asked the drivers', '', false, null],
    ]);
    expect(quotes.map((quote) => quote.context)).toEqual([
      '"We have listened, and we have decided," said Priya Castellan, the council\'s leader.',
      'Opposition councillor Tom Ferrand called the vote "a quiet betrayal of the east side".',
      '"Nobody asked the drivers," one depot worker said.',
    ]);
    const tags = first.article!.tags;
    expect(tags.find((tag) => tag.name === 'Wenlow Borough Council')?.kind).toBe('ORGANIZATION');
    expect(tags.find((tag) => tag.name === 'Priya Castellan')?.kind).toBe('PERSON');

    const second = await importCopy(COUNCIL.replace('Tuesday', 'Wednesday'), { headline: 'Depot to close, again' });
    expect(second.article!.tags.map((tag) => tag.slug)).toEqual(tags.map((tag) => tag.slug));
    const { tags: named } = await desk.contributor.request(TagSearchDocument, { query: 'Castellan' });
    expect(named.nodes.map((tag) => tag.slug)).toEqual(['priya-castellan']);
  });

  it('finds a tag again whichever apostrophe the copy writes its name with', async () => {
    const guild = 'The Harbour Pilots’ Guild said on Monday that the new locks at Wenlow would open in May, a month late.\n"We are ready for the first ships," said Mara Quillon, the guild’s chair.';
    const first = await importCopy(guild, { headline: 'Locks to open in May' });
    expect(first.userErrors).toEqual([]);
    const named = first.article!.tags.find((tag) => tag.name === 'Harbour Pilots’ Guild');
    expect(named?.kind).toBe('ORGANIZATION');
    const second = await importCopy(guild.replace(/’/g, "'"), { headline: 'Locks to open in May, straight' });
    expect(second.article!.tags.map((tag) => tag.slug)).toEqual(first.article!.tags.map((tag) => tag.slug));
    expect((await desk.contributor.request(TagSearchDocument, { query: "pilots' guild" })).tags.nodes.map((tag) => tag.slug)).toEqual([named!.slug]);
  });

  it('stores what analyzeCopy shows, for every fixture article', async () => {
    for (const fixture of loadFixtures(path.resolve(__dirname, '../..')).filter((item) => !item.name.startsWith('saeppyol'))) {
      const format = fixture.format;
      const { analyzeCopy } = await desk.contributor.request(AnalyzeCopyDocument, { input: { text: fixture.copy, format } });
      const imported = await importCopy(fixture.copy, { headline: fixture.name, format });
      expect(imported.userErrors).toEqual([]);
      const shown = analyzeCopy.analysis!.quotes.map((quote) => [quote.text, quote.speakerName ?? '', quote.speaker?.name ?? null, quote.reportedBy?.name ?? null]);
      const stored = imported.article!.quotes.map((quote) => [quote.text, quote.speakerName, quote.speaker?.name ?? null, quote.reportedBy?.name ?? null]);
      expect(stored, fixture.name).toEqual(shown);
      expect(new Set(imported.article!.tags.map((tag) => tag.name)), fixture.name).toEqual(new Set(analyzeCopy.analysis!.tags.slice(0, 30).map((tag) => tag.existing?.name ?? tag.name)));
    }
  });

  it('refuses copy it cannot read, an unknown section and invalid text with userErrors, saving nothing', async () => {
    const drafts = async () => (await desk.editor.request(DeskDraftsDocument, { status: 'DRAFT' })).articles.nodes.length;
    const tagsNamed = async (query: string) => (await desk.contributor.request(TagSearchDocument, { query })).tags.nodes.length;
    const before = await drafts();
    const copy = '"It will not happen again," said Odile Varnham, the harbour master.';
    for (const [text, format, message] of [
      ['', 'PLAIN', /empty/],
      ['  \n ', 'PLAIN', /empty/],
      ['## Only a heading', 'MARKDOWN', /no paragraph/],
      ['Only a heading', 'PLAIN', /no paragraph/],
      ['x'.repeat(200_001), 'PLAIN', /too long/],
      // What a file that was not UTF-8 becomes once decoded.
      [`${copy} Caf\uFFFD`, 'PLAIN', /UTF-8/],
    ] as const) {
      const refused = await importCopy(text, { format });
      expect(refused.article).toBeNull();
      expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'text'], code: 'INVALID', message: expect.stringMatching(message) })]);
    }
    const unknown = await importCopy(copy, { sectionId: 'U2VjdGlvbjo5OTk5' });
    expect(unknown.userErrors).toEqual([expect.objectContaining({ field: ['input', 'sectionId'], code: 'NOT_FOUND' })]);
    expect(await drafts()).toBe(before);
    expect(await tagsNamed('Varnham')).toBe(0);
    await expectGraphQLError(desk.anonymous, ImportAnalysedDocument, { input: { headline: 'x', sectionId: desk.ids.section, text: copy } }, 'UNAUTHENTICATED');
  });
});

describe('reanalyzeArticle reads an edited draft again, keeping what editors did by hand', () => {
  it('renews found quotes, keeps corrected and added ones, leaves removed ones out, and checks the version', async () => {
    const imported = (await importCopy(COUNCIL, { headline: 'Depot vote' })).article!;
    const [leader, opposition, worker] = imported.quotes;

    // An editor corrects the worker's quote (the reporter knows who it was), removes the opposition's, and adds one by hand.
    const corrected = await desk.editor.request(UpdateQuoteDocument, { input: { id: worker.id, expectedVersion: imported.version, speakerName: 'Dev Okafor' } });
    expect(corrected.updateQuote.userErrors).toEqual([]);
    expect(corrected.updateQuote.quote).toMatchObject({ speakerName: 'Dev Okafor', attributed: true, origin: 'EDITOR' });
    expect((await desk.editor.request(DeskRemoveQuoteDocument, { id: opposition.id })).removeQuote.userErrors).toEqual([]);
    const added = await desk.editor.request(DeskAddQuoteDocument, { input: { articleId: imported.id, text: 'ending a two-year dispute', speakerName: 'Wenlow Borough Council' } });
    expect(added.addQuote.userErrors).toEqual([]);

    // Then the body grows a paragraph with a new quotation.
    const body = `${COUNCIL}\n\n"The depot site will become housing," Castellan added.`;
    const version = added.addQuote.quote!.article.version;
    const edited = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: imported.id, expectedVersion: version, bodyMarkdown: body } });
    expect(edited.updateArticle.userErrors).toEqual([]);

    // A stale version is refused and changes nothing.
    const stale = await desk.editor.request(ReanalyzeArticleDocument, { id: imported.id, expectedVersion: version });
    expect(stale.reanalyzeArticle.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] })]);

    const { reanalyzeArticle } = await desk.editor.request(ReanalyzeArticleDocument, { id: imported.id, expectedVersion: edited.updateArticle.article!.version });
    expect(reanalyzeArticle.userErrors).toEqual([]);
    const after = reanalyzeArticle.article!;
    expect(after.quotes.map((quote) => [quote.text, quote.speakerName, quote.origin])).toEqual([
      ['ending a two-year dispute', 'Wenlow Borough Council', 'EDITOR'],
      ['We have listened, and we have decided', 'Priya Castellan', 'ANALYSIS'],
      ['Nobody asked the drivers', 'Dev Okafor', 'EDITOR'],
      ['The depot site will become housing', 'Priya Castellan', 'ANALYSIS'],
    ]);
    // The quote found again is the same quote: its ID stays.
    expect(after.quotes[1].id).toBe(leader.id);
    expect(after.version).toBe(edited.updateArticle.article!.version + 1);
  });

  it('leaves out the tags an editor took off, until an editor gives one back', async () => {
    const imported = (await importCopy(COUNCIL, { headline: 'Depot vote, retagged' })).article!;
    const slugs = imported.tags.map((tag) => tag.slug);
    expect(slugs).toEqual(expect.arrayContaining(['priya-castellan', 'tom-ferrand', 'wenlow-borough-council']));
    const idOf = async (slug: string) => (await desk.anonymous.request(TagAliasesDocument, { slug })).tag!.id;
    const retag = async (version: number, kept: string[]) => {
      const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: imported.id, expectedVersion: version, tagIds: await Promise.all(kept.map(idOf)) } });
      expect(updateArticle.userErrors).toEqual([]);
      return updateArticle.article!.version;
    };
    const reanalyze = async (version: number) => {
      const { reanalyzeArticle } = await desk.editor.request(ReanalyzeArticleDocument, { id: imported.id, expectedVersion: version });
      expect(reanalyzeArticle.userErrors).toEqual([]);
      return reanalyzeArticle.article!;
    };

    // The editor takes two people's tags off; reading the copy again does not put them back.
    const withoutPeople = slugs.filter((slug) => slug !== 'priya-castellan' && slug !== 'tom-ferrand');
    const again = await reanalyze(await retag(imported.version, withoutPeople));
    expect(again.tags.map((tag) => tag.slug)).toEqual(withoutPeople);
    // Its quotes still credit their speakers: only the article's tags were the editor's to choose.
    expect(again.quotes.map((quote) => quote.speakerName)).toContain('Tom Ferrand');

    // Given back by an editor, a tag is the article's again, and stays through the next reading.
    const third = await reanalyze(await retag(again.version, [...withoutPeople, 'priya-castellan']));
    expect(third.tags.map((tag) => tag.slug)).toEqual([...withoutPeople, 'priya-castellan']);
  });
});

describe('finding quotes and tags by what people type', () => {
  it('finds quotes whichever apostrophe is typed, and letters beyond ASCII in any case, on both databases', async () => {
    const copy = 'The parish council met on Friday to discuss the spire.\n"We won’t let the Église Saint-Étienne fall," said Zoë Lefèvre, the council’s chair.';
    const imported = (await importCopy(copy, { headline: 'Spire to be saved' })).article!;
    const text = 'We won’t let the Église Saint-Étienne fall';
    expect(imported.quotes.map((quote) => quote.text)).toEqual([text]);
    const found = async (query: string) => (await desk.contributor.request(QuoteSearchDocument, { filter: { query, article: imported.id } })).quotes.nodes.map((quote) => quote.text);
    expect(await found("won't")).toEqual([text]);
    expect(await found('WON’T ÉGLISE')).toEqual([text]);
    expect(await found('saint-étienne')).toEqual([text]);
    expect(await found('wont')).toEqual([]);
  });

  it("finds a speaker's quotes by their name, and a tag by its alias", async () => {
    const { quotes } = await desk.contributor.request(SpeakerQuotesDocument, { slug: 'korean-central-news-agency', query: 'Kim Jong Un' });
    expect(quotes.nodes.length).toBeGreaterThan(0);
    expect(quotes.nodes.every((quote) => quote.speakerName === 'Kim Jong Un')).toBe(true);
    const byWords = await desk.contributor.request(SpeakerQuotesDocument, { slug: 'kim-jong-un', query: 'Kim martyrs' });
    expect(byWords.quotes.nodes.map((quote) => quote.text)).toContain('immortality of the martyrs');
  });
});
