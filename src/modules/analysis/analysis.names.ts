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

/** Titles that describe an organisation rather than a person ("state newspaper Rodong Sinmun"). */
const ORGANIZATION_TITLES = new Set(['state', 'newspaper', 'agency', 'broadcaster']);

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
  mr mrs ms dr born asked speaking responding writing raised educated elected appointed founded based outside inside beyond behind beside
  near across around along opposite within throughout towards toward amid year christmas easter ramadan eid diwali hanukkah passover
  thanksgiving halloween lent advent`.split(/\s+/),
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
  library libraries orchestra choir theatre theater rovers wanderers athletic united rangers albion hotspur chamber executive infirmary
  hospice academy inspectorate constabulary partnership shipping securities tankers breweries brewers water utilities wire ledger mirror guild forum
  sentinel inquirer enquirer examiner dispatch bulletin argus advertiser`.split(/\s+/),
);

/** Words for an institution that are common nouns when they open a sentence alone ("Police said"); "the Senate" inside one is a name. */
const GENERIC_BODIES = new Set(
  `police government parliament council army navy court ministry committee commission cabinet senate congress assembly authority board
  union agency department office service administration secretariat coalition tribunal`.split(/\s+/),
);

/** Words that make a name a place's ("Wool Street", "Gull Point"). */
const PLACE_WORDS = new Set(
  `street road avenue lane way quay bridge point end square park cinema hall arches harbour harbor bay river island islands isles valley hill
  hills mountain mountains lake coast beach estate village town county province district region peninsula gate gardens green common wharf pier
  station airport market cathedral church abbey castle palace tower stadium arena field fields park lock canal`.split(/\s+/),
);

/** Words before a name that make it a company's: "shares in Morrow Textiles". */
const COMPANY_BEFORE = /\bshares\s+(?:in|of)\s+$/i;
/** Words before a name that make it a place, when nothing else says what it is ("in Carrowby", "a councillor for Eastgate"). */
const PLACE_BEFORE = /\b(?:(?:in|at|near|from|across|around|outside|throughout|towards|toward|into|to|between|neighbouring|neighboring)|(?:councillor|councilor|mp|mep|msp|mla|senator|member|candidate)\s+for|(?:mayor|council|people|city|town|village|residents?|outskirts|centre|center|north|south|east|west|streets|heart|capital|region|province|county|district|port|suburbs?)\s+of)\s+(?:the\s+)?$/i;

/** Words around a name that make it a person's, when nothing else says what it is. */
const PERSON_AFTER = new RegExp(
  `^\\s*(?:,\\s*(?:who|whose|aged|a|an|the|\\d+|${[...TITLES].join('|')})\\b|(?:\\s*,[^,"“”]{1,40},)?\\s(?:said|says|told|tells|added|adds|asked|argued|warned|wrote|insisted|explained|replied|recalled|admitted|conceded|noted|stressed|agreed|shook|smiled|laughed)\\b)`,
  'i',
);
const PERSON_BEFORE = /\b(?:said|says|added|told|asked|according to|thanked|praised|wrote|replied)\s+$/;
/** A role or a kinship set off before a name is a person's: "its artistic director, Marek Šimek", "the deputy governor of the province, X", "her mother, Shirin Karimi". */
const KIN = `husband wife mother father son daughter brother sister partner widow widower grandmother grandfather aunt uncle niece nephew cousin
  granddaughter grandson fiancé fiancée`.split(/\s+/);
const ROLE_BEFORE = new RegExp(`\\b(?:${[...TITLES].filter((title) => !ORGANIZATION_TITLES.has(title)).concat(KIN).join('|')})(?:\\s+(?:of|for|at)\\s+(?:the\\s+)?[a-z]+)?\\s*,\\s*$`, 'i');

/** Words just before a name that say it is an organisation's ("the newspaper Rodong Sinmun"). */
const ORGANIZATION_DESCRIPTORS = new Set(
  `newspaper paper daily weekly agency broadcaster channel network outlet magazine company firm group bank club charity party union
  organisation organization ngo brand label publisher studio carrier airline operator retailer insurer lender startup regulator
  supplier contractor subsidiary developer housebuilder manufacturer maker wholesaler distributor consultancy coalition alliance movement
  campaign farm restaurant festival`.split(/\s+/),
);
/** The same words set off before a name: "its fuel supplier, Northway Fuels"; "the developer, Calloway Homes". */
const ORGANIZATION_BEFORE = new RegExp(String.raw`\b(?:the|a|an|its|their|his|her)\s+(?:[\p{Ll}-]+\s+){0,2}(?:${[...ORGANIZATION_DESCRIPTORS].join('|')})\s*,\s*$`, 'u');
/** Roles held at a workplace, not over a territory ("head coach", "operations director"; not "mayor"). */
const WORKPLACE_ROLES = `coach manager captain director chief executive chairman chairwoman chair spokesperson spokesman spokeswoman founder ceo cfo
  lawyer analyst economist researcher officer secretary editor partner engineer teacher nurse professor`.split(/\s+/);
/** Someone's workplace: "a consumer analyst at Corby Whitlock". */
const EMPLOYER_BEFORE = new RegExp(String.raw`\b(?:${WORKPLACE_ROLES.join('|')})\s+(?:at|with)\s+(?:the\s+)?$`, 'i');
/** A name that modifies a role before a person is where they hold it: "Kestrels head coach Siobhan Carey", "Brightline's operations director, Craig Fenton". */
const EMPLOYER_AFTER = new RegExp(String.raw`^\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}(?:${WORKPLACE_ROLES.join('|')})(?:\s+of\s+\p{Ll}+)?,?\s+\p{Lu}`, 'u');
/** A settlement's name after its kind: "the Lao town of Pak Kha", whatever the words alone suggest. */
const SETTLEMENT_OF = /\b(?:town|city|village|port|hamlet|district|province|region|county|island)\s+of\s+$/i;
/** The same words heading an apposition after a name: "Dagens Marked, a Norwegian financial newspaper". */
const ORGANIZATION_AFTER = new RegExp(
  String.raw`^\s*,\s*(?:a|an|the|its|their)\s+(?:(?!(?:at|of|for|in|from|with|by)\s)[\p{L}-]+\s+){0,3}(?:${[...ORGANIZATION_DESCRIPTORS].join('|')})(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|in|based|of|for|whose|owned|run)\b)`,
  'u',
);

/** Lowercase words allowed inside a name between capitalised ones ("Bank of England", "Ludwig van Beethoven"). */
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'da', 'di', 'du', 'and', '&']);

/** Letters after a person's name that are no part of it ("Rebecca Fairlie KC", "Ann Hale MP"). */
const POSTNOMINALS = new Set(['KC', 'QC', 'SC', 'MP', 'MEP', 'MSP', 'MLA', 'TD', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'FRS', 'PhD', 'Jr', 'Sr']);

/** A full stop that closes an abbreviation, not a sentence ("Dr. Ana Petrov"). */
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Rev|No)\.\s+$/;

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

/** Lowercase words that join an organisation's or a work's name but never a person's. */
const NOT_IN_PERSON_NAMES = new Set(['of', 'for', 'the', 'and', '&']);

/**
 * A Vietnamese name opens with the family name, which tells no gender ("Nguyen" reads as a man's
 * first name); the middle name "Thi" is a woman's ("Nguyen Thi Lan").
 */
function vietnameseGender(words: string[]): NameSpan['gender'] {
  return words.length === 3 && /^Th[iị]$/u.test(words[1]) ? 'female' : null;
}

/**
 * A plural common noun ("dairies", "kestrels"); not a surname, nor one made of a first name and -s
 * ("Hendriks", "Peters"), nor a word with accents, which English plurals do not take ("Brás").
 */
function pluralNoun(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  const doc = nlp(word);
  return doc.has('#Plural') && !doc.has('#Person') && !nlp(word.replace(/ies$/, 'y').replace(/s$/, '')).has('#FirstName');
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
  // A person's name holds no "for", "of" or "the": "Kingsley Prize for Fiction" is no Kingsley.
  const first = words.length >= 2 && words.length <= 4 && !lower.some((word) => NOT_IN_PERSON_NAMES.has(word)) ? nlp(words[0]) : null;
  const firstName = Boolean(first && first.has('#FirstName') && !first.has('#Place')) && !organizationWord && !placeWord;
  const gender = (of: ReturnType<typeof nlp>) => vietnameseGender(words) ?? (of.has('#FemaleName') ? 'female' : of.has('#MaleName') ? 'male' : null);

  if (words.length === 1 && PLACE_ACRONYMS.has(words[0])) return { kind: 'PLACE', gender: null };
  if (firstName && first) return { kind: 'PERSON', gender: gender(first) };
  if (allPlace && !doc.has('#FirstName')) return { kind: 'PLACE', gender: null };
  if (organizationWord || (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]))) return { kind: 'ORGANIZATION', gender: null };
  if (placeWord || (doc.has('#Place') && !doc.has('#FirstName'))) return { kind: 'PLACE', gender: null };
  // A trade or a team named by a plural ("Ferrand Dairies", "Carnford Kestrels"): a surname is no plural noun.
  if (words.length >= 2 && words.length <= 4 && pluralNoun(lower[lower.length - 1])) return { kind: 'ORGANIZATION', gender: null };
  if (doc.has('#Organization')) return { kind: 'ORGANIZATION', gender: null };
  // "North Korean", "Russian": what people and things are, not who.
  if (doc.has('#Demonym')) return { kind: null, gender: null };
  if (doc.has('#Person') && !lower.some((word) => NOT_IN_PERSON_NAMES.has(word))) return { kind: 'PERSON', gender: gender(doc) };
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
  /**
   * Names met inside a sentence, where only a name is capitalised, and the last word of one that is no
   * place's or body's ("Boateng" of Adwoa Boateng): the same word opening a sentence is that name.
   */
  private readonly midSentence = new Set<string>();

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

  /**
   * Whether a run of words can head a longer name with "of the": an organisation's or a place's
   * word, or a plural capitalised inside a sentence ("Friends"; "Members" opening one is a common noun).
   */
  private heads(run: Token[], text: string): boolean {
    const last = run[run.length - 1].text.toLowerCase();
    const opensSentence = /(?:^|[.!?:]["”’]?)\s*["“‘(*_-]*\s*$/.test(text.slice(0, run[0].start));
    return ORGANIZATION_WORDS.has(last) || PLACE_WORDS.has(last) || (run.length === 1 && !opensSentence && nlp(last).has('#Plural'));
  }

  /** Whether a run of words is a person's full name, which "of" follows to say where they are from or work ("Tomasz Wilk of Wilk Halloran Architects"). */
  private person(run: Token[], text: string): boolean {
    return run.length >= 2 && this.classify(text.slice(run[0].start, run[run.length - 1].end)).kind === 'PERSON';
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
      // Letters after a name mark a person, and are no part of the name, though the span covers them
      // ("Rebecca Fairlie KC told jurors": the name is what tells).
      const covered = part[part.length - 1]?.end ?? 0;
      while (part.length > 2 && POSTNOMINALS.has(part[part.length - 1].text)) {
        part.pop();
        titled = true;
      }
      // A lowercase connector left first once a title went ("MP for Harbourside"); "Le Van Thanh" keeps his.
      while (part.length && !capitalised(part[0].text) && CONNECTORS.has(part[0].text)) part.shift();
      if (!part.length) return;
      const start = part[0].start;
      const end = part[part.length - 1].end;
      // "Madrid-based": the place the word is built on.
      const name = text.slice(start, end).replace(/[’']s$|(?<=s)[’']$/, '').replace(/-based$/, '');
      const before = text.slice(Math.max(0, start - 40), start);
      const after = text.slice(end, end + 40);
      // A capitalised word that only opens the sentence is no name unless compromise knows it as one;
      // a plural that opens it ("Witnesses said") is a common noun whatever follows.
      const opening = part.length === 1 && !titled && opens(part[0]) && !/^\p{Lu}{2,}$/u.test(name) && !this.personWords.has(name) && !this.midSentence.has(name);
      // Before a role it may be the employer ("Vale director of rugby …"), unless it is a kind of place ("Station manager …").
      const employer = EMPLOYER_AFTER.test(after) && !PLACE_WORDS.has(name.toLowerCase());
      if (opening && !PERSON_AFTER.test(after) && !employer && !nlp(name).has('#ProperNoun')) return;
      if (opening && !ORGANIZATION_WORDS.has(name.toLowerCase()) && nlp(name.toLowerCase()).has('#Plural')) return;
      // "Police said": an institution's common noun, capitalised only because it opens the sentence.
      if (opening && GENERIC_BODIES.has(name.toLowerCase())) return;
      // Described as an organisation before or after it, unless it opens with a person's first name.
      const described =
        ORGANIZATION_DESCRIPTORS.has((before.match(/([\p{L}-]+)\s*$/u)?.[1] ?? '').toLowerCase()) ||
        COMPANY_BEFORE.test(before) ||
        ORGANIZATION_BEFORE.test(before) ||
        (ORGANIZATION_AFTER.test(text.slice(end, end + 80)) && !nlp(name.split(/\s+/)[0]).has('#FirstName'));
      let { kind, gender } = described ? { kind: 'ORGANIZATION' as NameKind | null, gender: null } : SETTLEMENT_OF.test(before) ? this.settle(name, 'PLACE', null) : this.classify(name);
      // Compromise's guess of a person gives way to the copy around the name: a person's name takes no
      // article ("on the Ria de Sarzedo"), and a lone word after a preposition of place is a place ("in Santiago").
      // A word of a person's name given before is that person, whatever compromise makes of it ("Ms
      // Ellingham", after Ruth Ellingham), unless a preposition of place says otherwise.
      if (kind === 'PLACE' && part.length === 1 && this.personWords.has(name) && !PLACE_BEFORE.test(before)) ({ kind, gender } = { kind: 'PERSON', gender: null });
      if (kind === 'PERSON' && !titled && !this.personWords.has(name)) {
        if (/\bthe\s+$/i.test(before)) ({ kind, gender } = { kind: null, gender: null });
        else if (part.length === 1 && /\b(?:in|near|across|throughout|outside|around)\s+$/i.test(before)) ({ kind, gender } = this.settle(name, 'PLACE', null));
      }
      if (!kind && !(part.length === 1 && this.demonym(name))) {
        const firstName = nlp(name.split(/\s+/)[0]).has('#FirstName');
        const personLike = part.length >= 2 && part.length <= 4 && !part.some((token) => NOT_IN_PERSON_NAMES.has(token.text.toLowerCase()));
        // An apposition ("X, the largest of the fishing villages") follows places as well as people; a
        // preposition of place before it tells which.
        const placed = PLACE_BEFORE.test(before) && /^\s*,\s*(?:a|an|the)\b/i.test(after);
        if (EMPLOYER_BEFORE.test(before) || employer) ({ kind, gender } = this.settle(name, 'ORGANIZATION', null));
        else if (titled || (personLike && (firstName || (PERSON_AFTER.test(after) && !placed) || PERSON_BEFORE.test(before) || ROLE_BEFORE.test(before))) || (part.length === 1 && /\bsaid\s+$/.test(before))) {
          ({ kind, gender } = this.settle(name, 'PERSON', gender));
        }
        // "At the Danish brewer": a nationality, whatever the word before it.
        else if (/-based$/.test(text.slice(start, end)) || (PLACE_BEFORE.test(before) && !(part.length === 1 && /ish$/.test(name)))) ({ kind, gender } = this.settle(name, 'PLACE', null));
      }
      if (!opens(part[0])) {
        this.midSentence.add(name);
        const last = part[part.length - 1].text;
        if (part.length > 1 && kind !== 'PLACE' && kind !== 'ORGANIZATION' && !PLACE_WORDS.has(last.toLowerCase()) && !ORGANIZATION_WORDS.has(last.toLowerCase())) this.midSentence.add(last);
      }
      names.push({ text: name, start: offset + start, end: offset + (covered > end ? covered : start + name.length), kind, gender });
    };
    /**
     * A run without the titles, sentence openers and nationalities before its name ("Russian President
     * Vladimir Putin"). A title joined to it by "for" or "of" names no person ("MP for Harbourside").
     */
    /** Whether a word opens the text or a sentence of it. */
    const opens = (token: Token) => /(?:^|[.!?]["”’]?\s)\s*["“‘(*_-]*\s*$/.test(text.slice(Math.max(0, token.start - 12), token.start)) && !ABBREVIATION.test(text.slice(Math.max(0, token.start - 8), token.start));
    const untitled = (part: Token[]): { part: Token[]; titled: boolean } => {
      let titled = false;
      // "June Halliwell, 78, said": a month that is a first name, before a surname and what a person does.
      if (part.length === 2 && SENTENCE_WORDS.has(part[0].text.toLowerCase()) && nlp(part[0].text).has('#Month') && nlp(part[0].text + ' ' + part[1].text).has('#Person') && PERSON_AFTER.test(text.slice(part[1].end, part[1].end + 40))) {
        return { part, titled: false };
      }
      // A role that opens the sentence before a person's name is capitalised only for that: "Scrum-half Rhys
      // Pennant", "Flanker Ben Ashdown" (a hyphened common noun, or a word before a first name).
      if (part.length >= 3 && opens(part[0]) && !ORGANIZATION_WORDS.has(part[part.length - 1].text.toLowerCase()) && !PLACE_WORDS.has(part[part.length - 1].text.toLowerCase())) {
        if (/^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(part[0].text) || (nlp(part[1].text).has('#FirstName') && !nlp(part[0].text).has('#FirstName') && !leading(part[0].text))) {
          return { part: part.slice(1), titled: true };
        }
      }
      // An organisation's name keeps the words that would be titles before a person's ("Health and Care Workers' Union").
      const body = ORGANIZATION_WORDS.has(part[part.length - 1]?.text.toLowerCase().replace(/[’']s?$/, '') ?? '');
      while (part.length && ((body ? SENTENCE_WORDS.has(part[0].text.toLowerCase()) : leading(part[0].text)) || (part.length > 1 && TITLES.has(part[1].text.toLowerCase()) && this.demonym(part[0].text)))) {
        if (TITLES.has(part[0].text.toLowerCase())) titled = !CONNECTORS.has(part[1]?.text ?? '');
        part = part.slice(1);
      }
      // A title inside the run ends what comes before it: "Environment Minister Declan Moyo"; not one after
      // "of" or "and", which goes on an organisation's name ("Ministry of Foreign Affairs").
      let title = -1;
      for (let index = 0; index < part.length - 1; index += 1) if (TITLES.has(part[index].text.toLowerCase()) && !CONNECTORS.has(part[index - 1]?.text ?? '')) title = index;
      if (body) title = -1;
      return title >= 0 ? { part: part.slice(title + 1), titled: true } : { part, titled };
    };
    const flush = () => {
      // "And" joins two names ("Finance Minister Ana Petrov and Defence Minister Ivo Maric"), each with
      // its own titles, unless the whole is an organisation's name ("Ashgrove Fire and Rescue Service").
      // Nor does it split "Ministry of Industry and Commerce": what a body is "of" may have two parts.
      const and = run.findIndex((token) => token.text.toLowerCase() === 'and');
      const last = run[run.length - 1]?.text.toLowerCase().replace(/[’']s?$/, '');
      const ofBody = and > 0 && ORGANIZATION_WORDS.has(run[0].text.toLowerCase()) && run.slice(1, and).some((token) => token.text === 'of' || token.text === 'for');
      for (const piece of and > 0 && !(last && ORGANIZATION_WORDS.has(last)) && !ofBody ? [run.slice(0, and), run.slice(and + 1)] : [run]) {
        const { part, titled } = untitled(piece);
        emit(part, titled);
      }
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
          // "South Korea's National Intelligence Service": the owner is a name of its own. But a group
          // owns its body ("Harrow Street Traders’ Association", "Women's Institute"), a saint gives a
          // place or a body its name ("St Brigid’s Road", "St Brendan’s High School"), and so does a
          // single name that is no place's ("Tanner's Lock").
          const ownerKind = this.classify(owner).kind;
          const saint = /^(?:St|Saint)\b/.test(owner);
          const group = saint || /s[’']$/.test(word.text) || /^(?:Women|Men|People|Children|Workers)[’']s$/.test(word.text);
          const namesPlace = saint || (run.length === 1 && ownerKind !== 'PLACE');
          const joined = (ORGANIZATION_WORDS.has(last) && (group || (ownerKind !== 'PLACE' && ownerKind !== 'PERSON'))) || (PLACE_WORDS.has(last) && (namesPlace || (ownerKind !== 'PLACE' && ownerKind !== 'PERSON')));
          if (next === i + 1 || !joined) flush();
        }
      } else if (run.length && CONNECTORS.has(word.text.toLowerCase()) && words[i + 1] && capitalised(words[i + 1].text) && !(word.text === 'of' && this.person(run, text))) {
        run.push(word);
      } else if (run.length && word.text === 'of' && words[i + 1]?.text === 'the' && words[i + 2] && capitalised(words[i + 2].text) && this.heads(run, text)) {
        // "Friends of the Tarne", "Museum of the Moving Image"; but "Moyo of the Green Party" is two names.
        run.push(word, words[i + 1]);
        i += 1;
      } else flush();
    }
    flush();
    return names;
  }
}
