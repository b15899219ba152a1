import { NameReader, type NameKind } from './analysis.names';

/** A person, organisation or place the copy names, by its fullest name, with the shorter forms it also uses. */
export interface FoundEntity {
  name: string;
  kind: NameKind;
  /** Other names the copy gives it: an acronym in brackets, a surname alone. */
  aliases: string[];
  /** How often the copy names it, by any of its names. */
  mentions: number;
}

/**
 * The people, organisations and places named in a piece of copy (its paragraphs and list items:
 * headings capitalise every word, and would read as names). Names are found and classified by NameReader (compromise's lexicon and the words of the
 * name); a surname alone counts for the full name given before it, an acronym in brackets for the
 * name it follows, and a name is kept only when something says what it is.
 */
export function findEntities(texts: string[], reader = new NameReader()): FoundEntity[] {
  const entities = new Map<string, FoundEntity>();
  const byAlias = new Map<string, FoundEntity>();
  const add = (name: string, kind: NameKind | null): FoundEntity | null => {
    const known = byAlias.get(name.toLowerCase()) ?? entities.get(name.toLowerCase());
    if (known) {
      known.mentions += 1;
      return known;
    }
    if (!kind) return null;
    const entity: FoundEntity = { name, kind, aliases: [], mentions: 1 };
    entities.set(name.toLowerCase(), entity);
    if (kind === 'PERSON') {
      const words = name.split(/\s+/);
      // A surname alone names the same person ("Petrov added"; "Kim", whose family name comes first).
      for (const part of words.length >= 2 ? [words[words.length - 1], words[0]] : []) if (!byAlias.has(part.toLowerCase())) byAlias.set(part.toLowerCase(), entity);
    }
    return entity;
  };
  for (const text of texts) {
    for (const name of reader.namesIn(text)) {
      const bracket = text[name.start - 1] === '(' && text[name.end] === ')';
      if (bracket) {
        // "Korean Central News Agency (KCNA)": the acronym is another name of what precedes it.
        const before = reader.namesIn(text.slice(0, name.start - 1).trimEnd());
        const owner = before[before.length - 1];
        const entity = owner && (byAlias.get(owner.text.toLowerCase()) ?? entities.get(owner.text.toLowerCase()));
        if (entity && /^\p{Lu}{2,8}$/u.test(name.text)) {
          if (!entity.aliases.includes(name.text)) entity.aliases.push(name.text);
          byAlias.set(name.text.toLowerCase(), entity);
          continue;
        }
      }
      add(name.text, name.kind);
    }
  }
  return [...entities.values()];
}
