/** The most aliases one tag takes: short forms and other spellings, not a thesaurus. */
export const MAX_ALIASES = 20;

/** An alias is another name of the tag, held to the same length as its name. */
export const MAX_ALIAS_LENGTH = 200;

/** An alias as it is stored and shown: trimmed, with each run of spaces made one. */
export function cleanAlias(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * What a tag's name or alias is compared by: composed (NFC), trimmed, spaces collapsed, lowercased
 * by JavaScript's full Unicode rules, so both databases compare the same stored keys (tag_alias.normalized).
 * Names are compared as lower(name) in SQL, which on SQLite folds ASCII letters only.
 */
export function tagNameKey(text: string): string {
  return cleanAlias(text.normalize('NFC')).toLowerCase();
}
