/**
 * Limits on what an editor may send about an article and what it holds, in one place: entities size
 * their columns by them, validation holds input to them (each breach an INVALID user error naming the
 * field), and descriptions quote them.
 */
export const LIMITS = {
  headline: 250,
  standfirst: 600,
  /** Markdown bodies and imported copy, in characters. */
  markdown: 200_000,
  blocks: 1_000,
  paragraph: 20_000,
  heading: 200,
  listItems: 200,
  listItem: 2_000,
  correction: 2_000,
  related: 20,
  quote: 1_000,
  speakerName: 200,
  quoteContext: 1_000,
  entryTitle: 250,
  /** A liveblog entry's Markdown, in characters. */
  entryMarkdown: 20_000,
};

/** A number as descriptions write it: 200,000. */
export const inWords = (limit: number): string => limit.toLocaleString('en');
