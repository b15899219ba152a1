/** The most aliases one tag takes: short forms and other spellings, not a thesaurus. */
export const MAX_ALIASES = 20;

/** An alias is another name of the tag, held to the same length as its name. */
export const MAX_ALIAS_LENGTH = 200;

/** An alias as it is stored and shown: trimmed, with each run of spaces made one. */
export function cleanAlias(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Apostrophes as copy and keyboards write them (curly, modifier letter, full width): one in a key. */
const APOSTROPHES = /[\u2018\u2019\u02bc\uff07]/g;

/**
 * What a tag's name or alias is compared by: composed (NFC), trimmed, spaces collapsed, apostrophes
 * made straight (Workers’ Party is Workers' Party), lowercased by JavaScript's full Unicode rules.
 * Both databases compare the same stored keys (tag.name_key, tag_alias.normalized): SQL's lower()
 * folds ASCII letters only on SQLite.
 */
export function tagNameKey(text: string): string {
  return cleanAlias(text.normalize('NFC')).replace(APOSTROPHES, "'").toLowerCase();
}
