import { NameReader, type NameKind, type NameSpan } from './analysis.names';

/** A person, organisation or place the copy names, by its fullest name, with the shorter forms it also uses. */
export interface FoundEntity {
  name: string;
  kind: NameKind;
  /** Other names the copy gives it: an acronym in brackets. */
  aliases: string[];
  /** How often the copy names it, by any of its names. */
  mentions: number;
}

/** The place that opens the name of its own council, committee or chamber ("Dunhallow County Council"). */
const LOCAL_BODY = /^(.+?)\s+(?:County|Borough|District|City|Town|Parish|Regional|Provincial|Municipal|People[’']s|Chamber of Commerce)\b/;

/** Quoted words: speech names things as its speaker sees them, and titles in quotation marks are no names at all. */
const QUOTED = /“[^”]*”|"[^"]*"/g;

/**
 * The people, organisations and places named in a piece of copy (its paragraphs and list items:
 * headings capitalise every word, and would read as names). NameReader finds and classifies each
 * name; then the whole copy settles what one mention could not:
 * - an acronym in brackets is another name of what it follows ("Korean Central News Agency (KCNA)"),
 *   and an acronym the copy never explains (GDP) is no tag;
 * - a surname or a first name alone is the person named in full before it;
 * - a name the copy does not explain is a person's when its last word also stands alone
 *   ("Rui Calado's header" … "Calado said");
 * - the place that opens a local body's name is a place too ("Ashgrove Borough Council": Ashgrove).
 */
export function findEntities(texts: string[], reader = new NameReader()): FoundEntity[] {
  const spans: { span: NameSpan; text: string }[] = [];
  for (const text of texts) {
    const unquoted = text.replace(QUOTED, (quoted) => ' '.repeat(quoted.length));
    for (const span of reader.namesIn(unquoted)) spans.push({ span, text: unquoted });
  }
  // Words that stand alone as names, with the kind their context gave them, if any ("Vale director of rugby …": a club).
  const alone = new Map<string, NameKind | null>();
  for (const { span } of spans) if (!span.text.includes(' ') && !alone.get(span.text)) alone.set(span.text, span.kind);

  const entities = new Map<string, FoundEntity>();
  const byAlias = new Map<string, FoundEntity>();
  const find = (name: string) => byAlias.get(name.toLowerCase()) ?? entities.get(name.toLowerCase());
  const add = (name: string, kind: NameKind | null): FoundEntity | null => {
    const known = find(name) ?? shortFormOf(name, kind);
    if (known) {
      known.mentions += 1;
      return known;
    }
    if (!kind) return null;
    const entity: FoundEntity = { name, kind, aliases: [], mentions: 1 };
    entities.set(name.toLowerCase(), entity);
    const words = name.split(/\s+/);
    if (kind === 'PERSON' && words.length >= 2) {
      // "Petrov added"; "Kim", whose family name comes first.
      for (const part of [words[words.length - 1], words[0]]) if (!byAlias.has(part.toLowerCase())) byAlias.set(part.toLowerCase(), entity);
    }
    if (kind === 'ORGANIZATION') {
      const place = LOCAL_BODY.exec(name)?.[1];
      if (place && !find(place)) add(place, 'PLACE');
    }
    return entity;
  };

  /**
   * A word alone that opens or closes the name of an organisation or place named before is its short
   * form ("Havbris" for Havbris Shipping, "Tarne" for River Tarne, "Kestrels" for Carnford Kestrels even
   * "in the Kestrels"), unless the word that opens it is a place of its own beside an organisation
   * ("Kelverton" beside Kelverton River Watch).
   */
  const shortFormOf = (name: string, kind: NameKind | null): FoundEntity | null => {
    if (name.includes(' ')) return null;
    const entity = [...entities.values()].reverse().find((candidate) => {
      const words = candidate.name.split(/\s+/);
      return candidate.kind !== 'PERSON' && words.length >= 2 && (words[0] === name || words[words.length - 1] === name);
    });
    if (!entity || (kind === 'PLACE' && entity.kind !== 'PLACE' && entity.name.startsWith(`${name} `))) return null;
    entity.aliases.push(name);
    byAlias.set(name.toLowerCase(), entity);
    return entity;
  };

  for (const { span, text } of spans) {
    // A birth name is the person named before with the same first name ("Born Margit Halvorsen", of Margit Rowe).
    if (span.kind === 'PERSON' && /\b(?:born|née|nee)\s+$/i.test(text.slice(Math.max(0, span.start - 8), span.start))) {
      const first = span.text.split(/\s+/)[0];
      const person = [...entities.values()].find((entity) => entity.kind === 'PERSON' && entity.name !== span.text && entity.name.split(/\s+/)[0] === first);
      if (person) {
        byAlias.set(span.text.toLowerCase(), person);
        person.mentions += 1;
        continue;
      }
    }
    if (text[span.start - 1] === '(' && text[span.end] === ')') {
      const before = reader.namesIn(text.slice(0, span.start - 1).trimEnd());
      const owner = before[before.length - 1];
      const entity = owner && find(owner.text);
      if (entity && /^\p{Lu}{2,8}$/u.test(span.text)) {
        if (!entity.aliases.includes(span.text)) entity.aliases.push(span.text);
        byAlias.set(span.text.toLowerCase(), entity);
        continue;
      }
    }
    let kind = span.kind;
    if (/^\p{Lu}{2,8}$/u.test(span.text) && !find(span.text) && kind === 'ORGANIZATION') kind = null;
    if (!kind && span.text.includes(' ')) {
      const words = span.text.split(/\s+/);
      const last = words[words.length - 1];
      if (words.length <= 3 && alone.has(last)) kind = alone.get(last) === 'ORGANIZATION' ? 'ORGANIZATION' : 'PERSON';
    }
    add(span.text, kind);
  }
  return [...entities.values()];
}
