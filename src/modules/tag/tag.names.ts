import { foldForLookup } from '../search/search.fold';

/** The most aliases one tag takes: short forms and other spellings, not a thesaurus. */
export const MAX_ALIASES = 20;

/** An alias is another name of the tag, held to the same length as its name. */
export const MAX_ALIAS_LENGTH = 200;

/** An alias as it is stored and shown: trimmed, with each run of spaces made one. */
export function cleanAlias(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * What a tag's name or alias is compared by: trimmed, spaces collapsed, and folded as every lookup
 * is (foldForLookup: Workers’ Party is workers' party), stored as tag.name_key and tag_alias.normalized.
 */
export function tagNameKey(text: string): string {
  return foldForLookup(cleanAlias(text));
}
