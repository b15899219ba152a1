/** Apostrophes as copy and keyboards write them (curly, modifier letter, full width): one in a key. */
const APOSTROPHES = /[\u2018\u2019\u02bc\uff07]/g;

/**
 * Text as lookups compare it: composed (NFC), apostrophes made straight (won’t is won't),
 * lowercased by JavaScript's full Unicode rules. Kept beside what it folds (tag.name_key,
 * tag_alias.normalized, quote.search_text), so that both databases compare the same keys: SQL's
 * lower() folds ASCII letters only on SQLite.
 */
export function foldForLookup(text: string): string {
  return text.normalize('NFC').replace(APOSTROPHES, "'").toLowerCase();
}
