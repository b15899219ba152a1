/** Where a sentence ends: its closing mark, any closing quotation marks or brackets, then space. */
const SENTENCE_END = /[.!?…]["”’')\]]*\s+/g;

/** What may open the next sentence: a capital, a digit or an opening mark. */
const SENTENCE_START = /^["“‘'(\[]?[\p{Lu}\d]/u;

/**
 * The sentence (or sentences, for a quotation that runs across several) in which quoted words stand
 * in their paragraph, for Quote.context: from the end of the sentence before the words' first
 * occurrence to the end of the sentence that holds their last. A quotation split by its attribution
 * is stored joined, so its first and last few words are found apart. Null when the words are not in
 * the paragraph or the sentence is longer than `max`.
 */
export function sentenceAround(paragraph: string, words: string, max: number): string | null {
  const parts = words.split(' ');
  // The longest run of opening words (at most three) found in the paragraph, then of closing words after it.
  const find = (take: (n: number) => string, after: number) => {
    for (let n = Math.min(3, parts.length); n > 0; n--) {
      const at = paragraph.indexOf(take(n), after);
      if (at >= 0) return { at, end: at + take(n).length };
    }
    return null;
  };
  const head = find((n) => parts.slice(0, n).join(' '), 0);
  if (!head) return null;
  const start = head.at;
  const last = find((n) => parts.slice(-n).join(' '), start)?.end ?? head.end;
  let from = 0;
  let to = paragraph.length;
  for (const end of paragraph.matchAll(SENTENCE_END)) {
    const next = end.index + end[0].length;
    if (!SENTENCE_START.test(paragraph.slice(next))) continue;
    // A boundary inside the quoted words belongs to them (a quotation of several sentences).
    if (next <= start) from = next;
    else if (end.index >= last) {
      to = end.index + end[0].trimEnd().length;
      break;
    }
  }
  const sentence = paragraph.slice(from, to).trim();
  return sentence.length > max ? null : sentence;
}
