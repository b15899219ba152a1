import nlp from 'compromise';

/** What a name in the copy stands for. */
export type NameKind = 'PERSON' | 'ORGANIZATION' | 'PLACE';

/** A name as it appears in a sentence: its words, where they are, and what it is taken for. */
export interface NameSpan {
  text: string;
  start: number;
  end: number;
  kind: NameKind | null;
  /** A person's gender where the first name tells it (for "he" and "she"). */
  gender: 'male' | 'female' | null;
}

/** Titles and roles that come before a name and are not part of it ("Finance Minister Ana Petrov"). */
const TITLES = new Set(
  `leader president vice prime minister finance foreign defence defense interior justice health education transport trade economy
  mayor deputy councillor councilor councilwoman councilman alderman judge justice magistrate coach manager captain striker goalkeeper midfielder
  defender forward skipper dr mr mrs ms miss mx sir dame lord lady chief executive secretary general senator governor chairman chairwoman chair
  director professor prof inspector detective officer sergeant constable commissioner superintendent spokesperson spokesman spokeswoman ambassador
  envoy king queen prince princess premier chancellor state newspaper agency broadcaster rev reverend father bishop archbishop pope imam rabbi
  colonel major lieutenant admiral commander chairperson ceo cfo founder president-elect lawyer attorney prosecutor counsel solicitor barrister
  rapporteur analyst economist researcher official officials minister-president head mp mep msp mla`.split(/\s+/),
);

/** Capitalised words that start sentences and are not names. */
const SENTENCE_WORDS = new Set(
  `the a an in on at while when but and however according just this that these those it he she they we i you our their his her its as after
  before since if asked speaking also meanwhile last next first then there here what who why how where despite although though even still yet
  so for with without from by to of under over into among between during until unless because whether both either neither each every all some
  many most few several no not one two three four five six seven eight nine ten monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december today yesterday tomorrow earlier later now
  mr mrs ms dr born asked speaking responding writing raised educated elected appointed founded based`.split(/\s+/),
);

/** Words that make a name an organisation's. */
const ORGANIZATION_WORDS = new Set(
  `agency service ministry department council court party committee commission union association bank company corporation corp inc ltd plc llc
  group university institute foundation office police army navy force forces club fc times herald news post journal gazette tribune
  sinmun press reuters authority board organisation organization federation league network bureau assembly parliament senate congress airlines
  airways railways railway hospital school college trust fund society tribunal cabinet government administration secretariat fire brigade
  guard guards coalition alliance movement front collective cooperative co-operative partners holdings industries studios records media radio
  television tv broadcasting channel observer telegraph guardian chronicle courier mail express review daily weekly monitor watch unit
  inc. ltd. co. ironworks works foundry brewery bakery shipyard dockyard mills motors energy rail systems technologies labs partners ventures
  capital logistics construction engineering consulting solutions pharma pharmaceuticals foods festival archive archives museum gallery
  library libraries orchestra choir theatre theater rovers wanderers athletic united rangers albion hotspur chamber`.split(/\s+/),
);

/** Words that make a name a place's ("Wool Street", "Gull Point"). */
const PLACE_WORDS = new Set(
  `street road avenue lane way quay bridge point end square park cinema hall arches harbour harbor bay river island islands isles valley hill
  hills mountain mountains lake coast beach estate village town county province district region peninsula gate gardens green common wharf pier
  station airport market cathedral church abbey castle palace tower stadium arena field fields park lock canal`.split(/\s+/),
);

/** Words before a name that make it a place, when nothing else says what it is ("in Carrowby"). */
const PLACE_BEFORE = /\b(?:(?:in|at|near|from|across|around|outside|throughout|towards|toward|into|to|between)|(?:mayor|council|people|city|town|village|residents?|outskirts|centre|center|north|south|east|west|streets|heart|capital|region|province|county|district|port|suburbs?)\s+of)\s+(?:the\s+)?$/i;

/** Words around a name that make it a person's, when nothing else says what it is. */
const PERSON_AFTER = new RegExp(
  `^\\s*(?:,\\s*(?:who|whose|aged|a|an|the|\\d|${[...TITLES].join('|')})\\b|\\s(?:said|says|told|tells|added|adds|asked|argued|warned|wrote|insisted|explained|replied|recalled|admitted|conceded|noted|stressed|agreed|shook|smiled|laughed)\\b)`,
  'i',
);
const PERSON_BEFORE = /\b(?:said|says|added|told|asked|according to|thanked|praised|by|with|wrote|replied)\s+$/;

/** Words just before a name that say it is an organisation's ("the newspaper Rodong Sinmun"). */
const ORGANIZATION_DESCRIPTORS = new Set(
  `newspaper paper daily weekly agency broadcaster channel network outlet magazine company firm group bank club charity party union
  organisation organization ngo brand label publisher studio carrier airline operator retailer insurer lender startup regulator`.split(/\s+/),
);

/** Lowercase words allowed inside a name between capitalised ones ("Bank of England", "Ludwig van Beethoven"). */
const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'da', 'di', 'du', 'and', '&']);

/** Acronyms that name places. */
const PLACE_ACRONYMS = new Set(['UK', 'US', 'USA', 'UAE', 'EU', 'DRC']);

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{M}\p{N}](?:(?<=s)['’](?!\p{L}))?|[\p{L}\p{M}]/gu;

/** A title or role that comes before a name ("Detective Inspector"). */
export function isTitle(word: string): boolean {
  return TITLES.has(word.toLowerCase());
}

function leading(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLES.has(lower) || SENTENCE_WORDS.has(lower);
}

function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({ text: match[0], start: match.index!, end: match.index! + match[0].length }));
}

/** What compromise, and the words of a name, say it is. */
function classify(name: string): { kind: NameKind | null; gender: NameSpan['gender'] } {
  const words = name.split(/\s+/);
  const lower = words.map((word) => word.toLowerCase().replace(/[’']s$/, ''));
  const doc = nlp(name);
  const terms = doc.terms().json() as { terms: { tags: string[] }[] }[];
  const organizationWord = lower.some((word) => ORGANIZATION_WORDS.has(word));
  const placeWord = words.length >= 2 && PLACE_WORDS.has(lower[lower.length - 1]);
  // Every word a place's: "United States", "North Korea" (but "Ashcombe United" is a club).
  const allPlace = terms.length > 0 && terms.every((term) => term.terms[0]?.tags.includes('Place')) && lower.every((word) => !ORGANIZATION_WORDS.has(word) || word === 'united');
  // A first name opens a person's name, whatever compromise makes of the whole ("Ellen Marsh" is no marsh).
  const first = words.length >= 2 && words.length <= 4 ? nlp(words[0]) : null;
  const firstName = Boolean(first && first.has('#FirstName') && !first.has('#Place')) && !organizationWord && !placeWord;
  const gender = (of: ReturnType<typeof nlp>) => (of.has('#FemaleName') ? 'female' : of.has('#MaleName') ? 'male' : null);

  if (words.length === 1 && PLACE_ACRONYMS.has(words[0])) return { kind: 'PLACE', gender: null };
  if (firstName && first) return { kind: 'PERSON', gender: gender(first) };
  if (allPlace && !doc.has('#FirstName')) return { kind: 'PLACE', gender: null };
  if (organizationWord || (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]))) return { kind: 'ORGANIZATION', gender: null };
  if (placeWord || (doc.has('#Place') && !doc.has('#FirstName'))) return { kind: 'PLACE', gender: null };
  if (doc.has('#Organization')) return { kind: 'ORGANIZATION', gender: null };
  // "North Korean", "Russian": what people and things are, not who.
  if (doc.has('#Demonym')) return { kind: null, gender: null };
  if (doc.has('#Person')) return { kind: 'PERSON', gender: gender(doc) };
  return { kind: null, gender: null };
}

/**
 * Finds and classifies the names in one piece of copy; a name met again is classified once (asking
 * compromise costs far more than the rest).
 */
export class NameReader {
  private readonly kinds = new Map<string, { kind: NameKind | null; gender: NameSpan['gender'] }>();

  private readonly demonyms = new Map<string, boolean>();
  /** Each word of the people named so far: "Marsh" alone, after "Ellen Marsh", is a person. */
  private readonly personWords = new Set<string>();

  /** "Russian", "North Korean": a word for where someone is from. */
  demonym(word: string): boolean {
    let known = this.demonyms.get(word);
    if (known === undefined) this.demonyms.set(word, (known = nlp(word).has('#Demonym')));
    return known;
  }

  classify(name: string): { kind: NameKind | null; gender: NameSpan['gender'] } {
    let known = this.kinds.get(name);
    if (!known) {
      known = classify(name);
      if (!known.kind && !name.includes(' ') && this.personWords.has(name)) known = { kind: 'PERSON', gender: null };
      this.kinds.set(name, known);
    }
    if (known.kind === 'PERSON' && name.includes(' ')) for (const word of name.split(/\s+/)) this.personWords.add(word);
    return known;
  }

  /** Settles a name's kind once its context has told it, for every later mention. */
  private settle(name: string, kind: NameKind, gender: NameSpan['gender']): { kind: NameKind; gender: NameSpan['gender'] } {
    const settled = { kind, gender };
    this.kinds.set(name, settled);
    if (kind === 'PERSON' && name.includes(' ')) for (const word of name.split(/\s+/)) this.personWords.add(word);
    return settled;
  }

  /**
   * The names in a sentence: runs of capitalised words (with "of", "van", "and" … between them),
   * without the titles before them and without a capitalised word that only starts the sentence. A
   * possessive splits a run ("South Korea's National Intelligence Service" is a place and an
   * organisation), and so does "and" unless the whole is an organisation's name ("Ashgrove Fire and
   * Rescue Service"). Where the words alone do not say what a name is, its context may: a title or
   * "said" before it, ", who" or "said" after it make a person; "in" or "near" before it a place.
   */
  namesIn(text: string, offset = 0): NameSpan[] {
    const words = tokens(text);
    const names: NameSpan[] = [];
    let run: Token[] = [];
    const emit = (part: Token[], titled: boolean) => {
      while (part.length && CONNECTORS.has(part[part.length - 1].text.toLowerCase())) part.pop();
      // A lowercase connector left first once a title went ("MP for Harbourside"); "Le Van Thanh" keeps his.
      while (part.length && !capitalised(part[0].text) && CONNECTORS.has(part[0].text)) part.shift();
      if (!part.length) return;
      const start = part[0].start;
      const end = part[part.length - 1].end;
      const name = text.slice(start, end).replace(/[’']s$/, '');
      const before = text.slice(Math.max(0, start - 40), start);
      const after = text.slice(end, end + 40);
      // A capitalised word that only opens the sentence is no name unless compromise knows it as one.
      if (part.length === 1 && !titled && /^\s*["“‘(*_-]*\s*$/.test(text.slice(0, start)) && !/^\p{Lu}{2,}$/u.test(name) && !this.personWords.has(name) && !PERSON_AFTER.test(after) && !nlp(name).has('#ProperNoun')) return;
      let { kind, gender } = ORGANIZATION_DESCRIPTORS.has((before.match(/([\p{L}-]+)\s*$/u)?.[1] ?? '').toLowerCase()) ? { kind: 'ORGANIZATION' as NameKind | null, gender: null } : this.classify(name);
      if (!kind && !(part.length === 1 && this.demonym(name))) {
        const firstName = nlp(name.split(/\s+/)[0]).has('#FirstName');
        if (titled || (part.length >= 2 && part.length <= 4 && (firstName || PERSON_AFTER.test(after) || PERSON_BEFORE.test(before))) || (part.length === 1 && /\bsaid\s+$/.test(before))) {
          ({ kind, gender } = this.settle(name, 'PERSON', gender));
        }
        else if (PLACE_BEFORE.test(before)) ({ kind, gender } = this.settle(name, 'PLACE', null));
      }
      names.push({ text: name, start: offset + start, end: offset + start + name.length, kind, gender });
    };
    const flush = () => {
      let titled = false;
      // Titles, sentence openers and nationalities before a name are not part of it ("Russian President Vladimir Putin").
      while (run.length && (leading(run[0].text) || (run.length > 1 && TITLES.has(run[1].text.toLowerCase()) && this.demonym(run[0].text)))) {
        if (TITLES.has(run[0].text.toLowerCase())) titled = true;
        run.shift();
      }
      // A title inside the run ends what comes before it: "Environment Minister Declan Moyo".
      let title = -1;
      for (let index = 0; index < run.length - 1; index += 1) if (TITLES.has(run[index].text.toLowerCase())) title = index;
      if (run.length && ORGANIZATION_WORDS.has(run[run.length - 1].text.toLowerCase())) title = -1;
      if (title >= 0) {
        run = run.slice(title + 1);
        titled = true;
      }
      const and = run.findIndex((token) => token.text.toLowerCase() === 'and');
      const last = run[run.length - 1]?.text.toLowerCase().replace(/[’']s?$/, '');
      if (and > 0 && !(last && ORGANIZATION_WORDS.has(last))) {
        emit(run.slice(0, and), titled);
        emit(run.slice(and + 1), false);
      } else emit(run, titled);
      run = [];
    };
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i];
      const gap = run.length ? text.slice(run[run.length - 1].end, word.start) : '';
      // Punctuation between words ends a name; so does a possessive.
      if (run.length && /[^\s]/.test(gap.replace(/&/g, ''))) flush();
      if (capitalised(word.text)) {
        run.push(word);
        // A possessive ends a name ("South Korea's National Intelligence Service"), unless the name
        // goes on to a word that names an organisation or a place ("Quang Ngai People's Committee").
        if (/(?:[’']s|s[’'])$/.test(word.text)) {
          let next = i + 1;
          while (words[next] && capitalised(words[next].text) && /^\s+$/.test(text.slice(words[next - 1].end, words[next].start))) next += 1;
          const last = words[next - 1]?.text.toLowerCase();
          const owner = text.slice(run[0].start, word.end).replace(/(?:[’']s|[’'])$/, '');
          // "South Korea's National Intelligence Service": the owner is a name of its own.
          const ownerKind = this.classify(owner).kind;
          if (next === i + 1 || !(ORGANIZATION_WORDS.has(last) || PLACE_WORDS.has(last)) || ownerKind === 'PLACE' || ownerKind === 'PERSON') flush();
        }
      } else if (run.length && CONNECTORS.has(word.text.toLowerCase()) && words[i + 1] && capitalised(words[i + 1].text)) {
        run.push(word);
      } else flush();
    }
    flush();
    return names;
  }
}
