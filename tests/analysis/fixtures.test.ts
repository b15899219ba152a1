import { describe, expect, it } from 'vitest';
import { evaluate, loadFixtures } from '../../bench/quotes-eval';

/** The sets the rules were written and refined on; the last blind set is the measure, not a target here. */
const DEVELOPMENT = ['copy', 'copy-holdout', 'copy-blind', 'copy-blind2', 'copy-blind3'] as const;

/**
 * The analysis over the development fixtures (and the seed story where ../shared/seed is beside the
 * project), held to the targets. `npm run quotes:eval -- --misses` says what went
 * wrong, fixture by fixture.
 */
describe('quotes, speakers and tags over the fixtures', () => {
  const fixtures = DEVELOPMENT.flatMap((set) => loadFixtures(undefined, set));
  const score = evaluate(fixtures);

  it('reads at least ten fixtures of different shapes', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(score.expectedQuotes).toBeGreaterThan(400);
  });

  it('finds the quotes: recall and precision of their spans at least 95%', () => {
    expect(score.recall, score.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.precision, score.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('names the right speaker for at least 90% of them, and never one where the copy names none', () => {
    expect(score.speakerAccuracy, score.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(score.wrongSpeakerWhereNone, score.misses.join('\n')).toBe(0);
    expect(score.reporterAccuracy, score.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('tags people, organisations and places with precision and recall of at least 85% each', () => {
    for (const [kind, tally] of Object.entries(score.tags)) {
      expect(tally.precision, `${kind} precision\n${score.misses.join('\n')}`).toBeGreaterThanOrEqual(0.85);
      expect(tally.recall, `${kind} recall\n${score.misses.join('\n')}`).toBeGreaterThanOrEqual(0.85);
    }
  });
});
