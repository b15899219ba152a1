/**
 * npm run quotes:eval [-- --set copy-blind2] [-- --misses]
 *
 * Scores the copy analysis against every fixture set in tests/fixtures (each article's copy and the
 * quotes, speakers, reporters and tags a newsroom expects of it), and the seed story when
 * ../shared/seed is beside the project: quotes found, precision and recall of quote spans, speaker
 * and reporter accuracy, wrong speakers where the fixture says the copy names none, and tag
 * precision and recall by kind. tests/analysis/fixtures.test.ts holds the same figures to the
 * targets, so the README's table can be reproduced at any time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config/paths';
import { findEntities } from '../src/modules/analysis/analysis.entities';
import { NameReader } from '../src/modules/analysis/analysis.names';
import { readableBlocks } from '../src/modules/body/body.blocks';
import { findQuotes, type FoundQuote } from '../src/modules/analysis/analysis.quotes';
import { markdownToBlocks, plainTextToBlocks } from '../src/modules/body/body.markdown';

export interface Fixture {
  name: string;
  copy: string;
  format: 'PLAIN' | 'MARKDOWN';
  quotes: { text: string; speakerName: string | null; reportedBy: string | null }[];
  tags: { name: string; kind: string; aliases?: string[] }[];
}

export interface Score {
  articles: number;
  expectedQuotes: number;
  foundQuotes: number;
  matchedQuotes: number;
  precision: number;
  recall: number;
  speakerAccuracy: number;
  /** Quotes the fixture credits to nobody that were given a speaker anyway. */
  wrongSpeakerWhereNone: number;
  /** Quotes given a speaker that is not the fixture's (the fixture's may be nobody): worse than none. */
  wrongSpeakers: number;
  /** Quotes given no speaker where the fixture names one. */
  missingSpeakers: number;
  reporterAccuracy: number;
  /** By kind: tags expected, found, expected ones found (matched), found ones expected (right). */
  tags: Record<string, { expected: number; found: number; matched: number; right: number; precision: number; recall: number }>;
  /** What went wrong, fixture by fixture, to read when a figure drops. */
  misses: string[];
}

/** Every fixture: tests/fixtures/copy/<name>.json beside its copy, and the seed story's expectations. */
export function loadFixtures(root = projectRoot(), set: (typeof FIXTURE_SETS)[number] = 'copy'): Fixture[] {
  const folder = path.join(root, 'tests', 'fixtures', set);
  const fixtures: Fixture[] = [];
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    const expected = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Omit<Fixture, 'name' | 'copy'>;
    const base = file.replace(/(\.expected)?\.json$/, '');
    const copyFile = [path.join(folder, `${base}.txt`), path.join(folder, `${base}.md`), path.resolve(root, '../shared/seed', `${base}.txt`)].find((candidate) => fs.existsSync(candidate));
    if (!copyFile) continue;
    fixtures.push({ ...expected, name: base, copy: fs.readFileSync(copyFile, 'utf8') });
  }
  return fixtures;
}

/** The copy's paragraphs and list items, by block, as import stores them. */
export function paragraphsOf(fixture: Pick<Fixture, 'copy' | 'format'>): { blockIndex: number; text: string }[] {
  return readableBlocks(fixture.format === 'MARKDOWN' ? markdownToBlocks(fixture.copy) : plainTextToBlocks(fixture.copy));
}

const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase().replace(/\s+/g, ' ').trim() === (b ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function evaluate(fixtures: Fixture[]): Score {
  const score: Score = { articles: fixtures.length, expectedQuotes: 0, foundQuotes: 0, matchedQuotes: 0, precision: 0, recall: 0, speakerAccuracy: 0, wrongSpeakerWhereNone: 0, wrongSpeakers: 0, missingSpeakers: 0, reporterAccuracy: 0, tags: {}, misses: [] };
  let speakersRight = 0;
  let reportersRight = 0;
  for (const fixture of fixtures) {
    const reader = new NameReader();
    const paragraphs = paragraphsOf(fixture);
    const found = findQuotes(paragraphs, reader);
    score.expectedQuotes += fixture.quotes.length;
    score.foundQuotes += found.length;
    const unmatched = new Set<FoundQuote>(found);
    for (const expected of fixture.quotes) {
      const match = found.find((quote) => unmatched.has(quote) && same(quote.text, expected.text));
      if (!match) {
        score.misses.push(`${fixture.name}: missed "${expected.text}"`);
        continue;
      }
      unmatched.delete(match);
      score.matchedQuotes += 1;
      if (same(match.speakerName, expected.speakerName)) speakersRight += 1;
      else score.misses.push(`${fixture.name}: "${expected.text.slice(0, 50)}" by ${match.speakerName ?? 'nobody'}, expected ${expected.speakerName ?? 'nobody'}`);
      if (expected.speakerName === null && match.speakerName !== null) score.wrongSpeakerWhereNone += 1;
      if (match.speakerName !== null && !same(match.speakerName, expected.speakerName)) score.wrongSpeakers += 1;
      if (match.speakerName === null && expected.speakerName !== null) score.missingSpeakers += 1;
      if (same(match.reportedBy, expected.reportedBy)) reportersRight += 1;
      else score.misses.push(`${fixture.name}: "${expected.text.slice(0, 50)}" reported by ${match.reportedBy ?? 'nobody'}, expected ${expected.reportedBy ?? 'nobody'}`);
    }
    for (const extra of unmatched) score.misses.push(`${fixture.name}: found "${extra.text}" (${extra.speakerName ?? 'nobody'}), not a quote of the fixture`);

    const entities = findEntities(paragraphs.map((paragraph) => paragraph.text), reader);
    const names = (tag: { name: string; aliases?: string[] }) => [tag.name, ...(tag.aliases ?? [])].map((name) => name.toLowerCase());
    for (const kind of ['PERSON', 'ORGANIZATION', 'PLACE']) {
      const expected = fixture.tags.filter((tag) => tag.kind === kind);
      const got = entities.filter((entity) => entity.kind === kind);
      const tally = (score.tags[kind] ??= { expected: 0, found: 0, matched: 0, right: 0, precision: 0, recall: 0 });
      tally.expected += expected.length;
      tally.found += got.length;
      for (const tag of expected) {
        const match = got.find((entity) => names(entity).some((name) => names(tag).includes(name)));
        if (match) tally.matched += 1;
        else score.misses.push(`${fixture.name}: no ${kind} tag ${tag.name}`);
      }
      for (const entity of got) {
        if (expected.some((tag) => names(entity).some((name) => names(tag).includes(name)))) tally.right += 1;
        else score.misses.push(`${fixture.name}: extra ${kind} tag ${entity.name}`);
      }
    }
  }
  score.precision = ratio(score.matchedQuotes, score.foundQuotes);
  score.recall = ratio(score.matchedQuotes, score.expectedQuotes);
  score.speakerAccuracy = ratio(speakersRight, score.matchedQuotes);
  score.reporterAccuracy = ratio(reportersRight, score.matchedQuotes);
  for (const tally of Object.values(score.tags)) {
    tally.precision = ratio(tally.right, tally.found);
    tally.recall = ratio(tally.matched, tally.expected);
  }
  return score;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/**
 * The fixture sets, in the order they were written: `copy`, which the rules were written on; then
 * `copy-holdout`, `copy-blind` and `copy-blind2`, each written blind to the analysis and measured
 * once before the rules were refined on it too; `copy-blind3`, written blind last, which no rule has
 * been refined on: the measure of copy the rules have not seen.
 */
export const FIXTURE_SETS = ['copy', 'copy-holdout', 'copy-blind', 'copy-blind2', 'copy-blind3', 'copy-blind4'] as const;

function main(): void {
  const legacy = process.argv.includes('--holdout') ? 'copy-holdout' : process.argv.includes('--blind') ? 'copy-blind' : null;
  const chosen = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : legacy;
  const sets = chosen ? FIXTURE_SETS.filter((set) => set === chosen) : [...FIXTURE_SETS];
  if (!sets.length) throw new Error(`--set takes one of ${FIXTURE_SETS.join(', ')}`);
  const loaded = sets.map((set) => [set, loadFixtures(projectRoot(), set)] as const);
  const rows: [string, Score][] = loaded.map(([set, fixtures]) => [set, evaluate(fixtures)]);
  if (sets.length > 1) rows.push(['all', evaluate(loaded.flatMap(([, fixtures]) => fixtures))]);
  console.table(
    Object.fromEntries(
      rows.map(([set, score]) => [
        set,
        {
          articles: score.articles,
          quotes: score.expectedQuotes,
          found: score.foundQuotes,
          'span precision': percent(score.precision),
          'span recall': percent(score.recall),
          speakers: percent(score.speakerAccuracy),
          'wrong speakers': score.wrongSpeakers,
          'no speaker': score.missingSpeakers,
          reporters: percent(score.reporterAccuracy),
          'wrong where none': score.wrongSpeakerWhereNone,
        },
      ]),
    ),
  );
  console.log('tags: precision / recall by kind');
  console.table(
    Object.fromEntries(rows.map(([set, score]) => [set, Object.fromEntries(Object.entries(score.tags).map(([kind, tally]) => [kind, `${percent(tally.precision)} / ${percent(tally.recall)}`]))])),
  );
  if (process.argv.includes('--misses')) for (const [set, score] of rows.slice(0, sets.length)) console.log(`\n${set}:\n${score.misses.join('\n')}`);
}

if (require.main === module) main();
