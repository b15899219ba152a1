import nlp from 'compromise';
import { findEntities } from './analysis.entities';
import { isTitle, NameReader, type NameKind, type NameSpan } from './analysis.names';

/** A paragraph (or list item) of the body, by its block's index. */
export interface CopyParagraph {
  blockIndex: number;
  text: string;
}

/** A direct quotation found in the copy, with whom the copy credits it to. */
export interface FoundQuote {
  blockIndex: number;
  /** The quoted words, without the marks and without a comma or full stop closing them. */
  text: string;
  /** Who said it, by the fullest name the copy gives; null when the copy does not say. */
  speakerName: string | null;
  speakerKind: Exclude<NameKind, 'PLACE'> | null;
  /** The outlet the copy credits for the quote ("according to …", "told the Herald"). */
  reportedBy: string | null;
}

/** Verbs of speech: their subject is the speaker. */
const SPEECH = new Set(
  `said says say saying told tells tell added adds warned warns argued argues wrote writes described describes expressed expresses reaffirmed
  reaffirms stated states declared declares insisted insists explained explains noted notes claimed claims asked asks replied replies responded
  responds announced announces acknowledged acknowledges admitted admits conceded concedes recalled recalls continued continues concluded
  concludes urged urges vowed vows pledged pledges promised promises suggested suggests stressed stresses emphasised emphasized emphasises
  emphasizes cautioned cautions predicted predicts complained complains joked jokes testified testifies ruled rules posted tweeted commented
  comments remarked remarks observed observes called calls described repeated repeats agreed agrees disagreed countered counters maintained
  maintains added, admitted, confirmed confirms denied denies boasted boasts lamented laments mused muses shouted shouts whispered whispers
  wrote, reported reports told, hoped hopes thanked thanks praised praises criticised criticized condemned condemns welcomed welcomes
  warning adding telling insisting explaining arguing noting calling describing urging saying quoted quotes puts`.split(/[\s,]+/).filter(Boolean),
);

/** Pronouns and the kind of speaker they stand for. */
const PRONOUNS: Record<string, { kind: 'PERSON' | 'ORGANIZATION' | null; gender: NameSpan['gender'] }> = {
  he: { kind: 'PERSON', gender: 'male' },
  she: { kind: 'PERSON', gender: 'female' },
  they: { kind: null, gender: null },
  it: { kind: 'ORGANIZATION', gender: null },
};

/** Nouns by which copy refers again to a speaker it has named ("the minister", "the agency"). */
const PERSON_NOUNS = new Set(
  `minister mayor judge coach manager captain president premier chancellor governor senator spokesperson spokesman spokeswoman councillor
  councilor chair chairman chairwoman director chief executive officer official lawyer attorney prosecutor professor doctor detective inspector
  commissioner leader secretary ambassador envoy striker goalkeeper player midfielder defender keeper author founder principal headteacher
  teacher priest bishop king queen prince princess general colonel analyst economist researcher owner farmer resident witness survivor mother
  father driver pilot nurse chef architect engineer scientist actor singer artist woman man boss skipper referee trainer winger forward
  barrister solicitor counsel novelist translator curator historian campaigner organiser organizer`.split(/\s+/),
);
const ORGANIZATION_NOUNS = new Set(
  `agency ministry department company firm council court government party committee commission union association bank club team police
  army authority board organisation organization group university institute hospital school newspaper broadcaster network office service
  federation league regulator tribunal campaign charity prosecutors trust foundation infirmary hospice force executive society academy
  inspectorate partnership constabulary alliance coalition forum collective cooperative guild chamber`.split(/\s+/),
);
/** Words that end a club's name, which "the club" may stand for ("Westford Rovers"). */
const CLUB_WORDS = ['club', 'fc', 'afc', 'united', 'rovers', 'wanderers', 'athletic', 'rangers', 'albion', 'hotspur'];
/** Organisation nouns that stand for a name holding another word: "the force" is the police. */
const ORGANIZATION_SYNONYMS: Record<string, string[]> = { force: ['police', 'constabulary', 'force'], police: ['police', 'constabulary', 'force'], club: CLUB_WORDS, team: CLUB_WORDS };
/** Plural nouns for a police force's officers, who speak for it as a spokesperson does ("Officers said"). */
const POLICE_WORDS = new Set(['police', 'officers', 'detectives', 'investigators']);
/** What an organisation puts out, which speaks for it ("a statement from the council"). */
const STATEMENTS = new Set(['statement', 'letter', 'message']);
/** Heads of a phrase for someone, or something, that speaks for an organisation ("a spokesperson for the force", "a council spokesman"). */
const SPOKESPEOPLE = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'representative', 'representatives', ...STATEMENTS]);
/** Role nouns that stand for any of several titles: "the officer" is the detective inspector named before. */
const ROLE_KINDS: Record<string, string[]> = {
  officer: ['officer', 'detective', 'inspector', 'sergeant', 'constable', 'superintendent', 'commissioner', 'pc', 'dc', 'ds', 'di', 'sgt'],
};
/** Words before a role noun that say nothing of which one is meant ("the former minister"). */
const IDLE_MODIFIERS = new Set(['former', 'new', 'outgoing', 'current', 'then', 'local', 'veteran', 'acting', 'interim', 'same']);

/** Nouns for a business, which "the company" may stand for when no name holds the word. */
const COMPANY_NOUNS = new Set(['company', 'firm', 'operator', 'business', 'group', 'carrier', 'retailer', 'startup', 'manufacturer', 'developer']);
/**
 * Organisations a copy would call by a noun of their own ("the bank", "the union", "the trust"), never
 * "the company"; a body named for its members ("Workers") or "United" is a union or a club.
 */
const NOT_A_COMPANY = /\b(?:Ministry|Department|Council|Court|Office|Agency|Authority|Commission|Police|Government|Parliament|Assembly|Senate|Committee|Service|Union|Federation|Association|Party|Regulator|Bank|Trust|Foundation|Charity|University|College|School|Academy|Hospital|Infirmary|Hospice|Society|Institute|Museum|Archive|Gallery|Club|League|Constabulary|Inspectorate|Watch|Workers|Members|United)\b/;

/**
 * The longest sentence read for quotes and names. Reading a sentence costs time that grows with its
 * length for each quotation in it, so one "sentence" of 150,000 quotation marks held the service for
 * 40 s; no sentence of prose comes near this, and a longer one is left as it is.
 */
const MAX_SENTENCE_CHARS = 5_000;

/** Words before a quotation that make it a name rather than speech. */
const NAMING = /(?:so-called|dubbed|titled|entitled|known as|nicknamed|branded|labell?ed|termed|the words|the word|the phrase|the slogan|the motto|the hashtag)\s*$/i;
/**
 * A work's noun before a quotation makes it the work's title ("the film “The Salt Road”"), when the
 * quotation opens as a title does, with a capital; "called the book “a quiet masterpiece”" speaks of it.
 */
const WORK = /(?:the|a|an|his|her|their|its)\s+(?:new\s+)?(?:film|movie|book|novel|song|album|single|play|show|series|documentary|poem|opera|musical|exhibition|report|operation|campaign|plan|policy|programme|program|project|initiative|strategy|doctrine|bill|act|law|motion|festival|game|app|podcast|column|article|essay|memoir|headline|painting|sculpture|ballet)\s*$/i;

/** A verb of speech next, perhaps after an apposition or an adverb: "X said", "X, the coach, told", "X reportedly said". */
const SPEECH_WORDS = [...SPEECH].join('|');
/** Between a speaker and the verb: an adverb or an auxiliary ("reportedly said", "has said", "twice called"); not "was", whose subject is criticised, not criticising. */
const BETWEEN = String.raw`(?:\p{Ll}+ly\s+|has\s+|had\s+|also\s+|twice\s+|again\s+|later\s+|then\s+|once\s+|still\s+)?`;
/** An apposition or a relative clause between commas: "X, the coach, said", "the company, which …, said". */
const APPOSITION = String.raw`(?:(?:\s*,[^,"“”]{1,100}){1,2},)?`;
/** Also a relative clause that speaks ("Aibek Nurlanov, who said …", "the fund, which said"), and past an acronym in brackets. */
const SPEAKS_NEXT = new RegExp(String.raw`^(?:\s*\([^)]*\))?${APPOSITION},?\s+(?:(?:who|which)\s+)?${BETWEEN}(?:${SPEECH_WORDS})\b`, 'u');
const PRONOUN_SPEAKS = new RegExp(String.raw`\b(he|she|they|it)${APPOSITION}\s+${BETWEEN}(?:${SPEECH_WORDS})\b`, 'giu');
/**
 * A noun phrase that speaks: "the minister", "the foreign minister", "a council spokesperson", "a
 * spokesperson for the force", "officers", "one nurse".
 */
const NOUN_SPEAKS = new RegExp(
  String.raw`\b((?:the|a|an|one|another)\s+(?:[\p{L}’'-]+\s+){0,2}?[\p{L}-]+(?:\s+(?:for|of|at|from)\s+(?:the\s+)?[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]*){0,4})?|${[...POLICE_WORDS].join('|')})${APPOSITION}\s+${BETWEEN}(?:${SPEECH_WORDS})\b`,
  'giu',
);
/** After a quotation, up to six words that speak: "…," a spokesperson for the force said. */
const SUBJECT_SPEAKS = new RegExp(String.raw`^\s*[,:—–-]?\s*((?:the\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,5}?)\s+${BETWEEN}(?:${SPEECH_WORDS})\b`, 'su');
/** An organisation's spokesperson who speaks, after the organisation's name: "Coastway's spokesman said". */
const SPOKESPERSON_SPEAKS = new RegExp(String.raw`^[’']s?\s+(?:[\p{Ll}-]+\s+)?(?:spokesperson|spokesman|spokeswoman|representative)${APPOSITION}\s+${BETWEEN}(?:${SPEECH_WORDS})\b`, 'u');
/** A bare noun that speaks: "mourners said", "residents told reporters". */
const GROUP_SPEAKS = new RegExp(String.raw`\b(\p{Ll}{3,})${APPOSITION}\s+${BETWEEN}(?:${SPEECH_WORDS})\b`, 'gu');
/** Words that can open a speaker's phrase after a quotation ("…," she said; "…," the minister said; "…," officers said). */
const SUBJECT_OPENER = new RegExp(String.raw`^(?:\p{Lu}|(?:he|she|they|it|the|a|an|one|another|his|her|its|their|our|${[...POLICE_WORDS].join('|')})\b)`, 'u');

/** "…," said X / "…," X said: the quotation's own attribution, straight after it. */
const SAID_AFTER = new RegExp(`^\\s*[,:—–-]?\\s*(?:(?:${[...SPEECH].join('|')})\\b|(?:[\\p{L}’'.-]+\\s+){1,4}(?:${[...SPEECH].join('|')})\\b)`, 'iu');

/** Words in Title Case ("The Salt Road", "Captain Puffin and the Lost Lighthouse"): a title, not speech. */
function titleCase(inner: string): boolean {
  const words = inner.trim().replace(/[,.!?]+$/, '').split(/\s+/);
  if (words.length < 2 || words.length > 10) return false;
  const small = /^(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from|but|nor|as|is)$/;
  return /^\p{Lu}/u.test(words[0]) && words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || small.test(word));
}

/** Where outlets are credited: "according to X", "told X", "in an interview with X", "X reported". */
/** A compound adjective may stand between ("according to the state-run Lao Press Agency"). */
const ACCORDING_TO = /\baccording to (?:the )?(?:\p{Ll}+-\p{Ll}+ )?$/iu;
const TOLD = /\b(?:told|telling|tells|tell) (?:the )?$/i;
/** Speaking to an outlet, not crediting it with a fact. */
const SPOKE_TO = /\b(?:told|telling|tells|speaking to|spoke to|in an? interview with|in comments to|in remarks to)\b/i;
/** What an outlet is. */
const OUTLET_NOUNS = 'station|newspaper|paper|broadcaster|agency|channel|programme|program|magazine|network|daily|outlet|website|broadcast';
/** An outlet credited before by what it is: "he told the station", "…," the agency reported. */
const TOLD_AGAIN = new RegExp(String.raw`\b(?:(?:told|telling|tells|speaking to|in an interview with) the (?:${OUTLET_NOUNS})|the (?:${OUTLET_NOUNS}) (?:reported|reports))\b`, 'i');
/** "…," the agency reported: the outlet carried the quotation; who spoke it is said before it. */
const CARRIED_AFTER = new RegExp(String.raw`^\s*[,:—–-]?\s*the\s+(?:${OUTLET_NOUNS})\s+(?:reported|reports)\b`, 'i');
const INTERVIEW = /\b(?:in an? (?:[\p{L}\p{N}-]+ )?(?:interview|statement|conversation|podcast|broadcast) (?:with|to|on)|speaking to|writing in|wrote in|in comments to|in remarks to|quoted by|cited by|carried by|broadcast by|published by) (?:the )?$/iu;
const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Rev|No|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|U\.S|U\.K)\.$/;

interface Span {
  open: number;
  close: number;
  inner: string;
}

interface Sentence {
  start: number;
  end: number;
}

/** Who a stretch of copy says spoke: `phrase` when it says someone did, `someone` when that is a person it does not name. */
interface Attribution {
  mention: Mention | null;
  phrase: boolean;
  someone?: boolean;
}

interface Mention {
  name: string;
  kind: NameKind | null;
  gender: NameSpan['gender'];
  /** Titles and role nouns the copy gave this name ("minister"). */
  roles: Set<string>;
  /** Every word of those titles and roles, to tell one minister from another ("foreign", "minister"). */
  roleWords: Set<string>;
  /** Where in the copy it was named (paragraph and offset as one number), in reading order. */
  seen: number[];
}

/** A place in the copy: paragraph, then offset. */
const at = (paragraph: number, offset: number) => paragraph * 10_000_000 + offset;

/** Role words that tell a person's gender ("her daughter, Maya"; "the chairwoman"). */
const FEMALE_ROLES = new Set(['daughter', 'wife', 'mother', 'sister', 'grandmother', 'widow', 'woman', 'girl', 'chairwoman', 'spokeswoman', 'businesswoman', 'councilwoman', 'queen', 'princess', 'mrs', 'ms', 'miss', 'dame', 'lady', 'aunt', 'niece', 'granddaughter']);
const MALE_ROLES = new Set(['son', 'husband', 'father', 'brother', 'grandfather', 'widower', 'man', 'boy', 'chairman', 'spokesman', 'businessman', 'councilman', 'king', 'prince', 'mr', 'sir', 'lord', 'uncle', 'nephew', 'grandson']);

/** Double-quoted stretches of a paragraph, straight or curly. */
function quotations(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /“([^”]*)”|"([^"]*)"/g;
  for (const match of text.matchAll(pattern)) {
    const inner = match[1] ?? match[2] ?? '';
    spans.push({ open: match.index!, close: match.index! + match[0].length, inner });
  }
  return spans;
}

/** Sentences of a paragraph; a full stop inside a quotation ends no sentence, except one that closes it. */
function sentences(text: string, spans: Span[]): Sentence[] {
  // Built in one pass (spans are in order and apart): rebuilding the whole text for each quotation took
  // time growing with the square of its length.
  const pieces: string[] = [];
  let from = 0;
  for (const span of spans) {
    pieces.push(text.slice(from, span.open + 1), text.slice(span.open + 1, span.close - 1).replace(/[.!?](?=.)/g, ';'));
    from = span.close - 1;
  }
  pieces.push(text.slice(from));
  const masked = pieces.join('');
  const found: Sentence[] = [];
  let start = 0;
  const end = /[.!?][”"’)\]]*(?=\s+[“"‘(\[]?[\p{Lu}\p{N}])/gu;
  for (const match of masked.matchAll(end)) {
    const stop = match.index! + match[0].length;
    if (ABBREVIATIONS.test(masked.slice(Math.max(0, match.index! - 6), match.index! + 1))) continue;
    found.push({ start, end: stop });
    start = stop;
  }
  if (start < text.length) found.push({ start, end: text.length });
  return found;
}

/** The text less its quotations (spans in order and apart). */
function outside(text: string, spans: Span[]): string {
  return spans.map((span, index) => text.slice(index ? spans[index - 1].close : 0, span.open)).join('') + text.slice(spans[spans.length - 1]?.close ?? 0);
}

/** The quoted words as the quote keeps them: no comma or full stop closing them, no edge spaces. */
function clean(inner: string): string {
  return inner.trim().replace(/[,.]+$/, '').replace(/\s+/g, ' ').trim();
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}’'-]+/gu) ?? [];
}

/** A plural common noun alone ("residents", "critics"): people the copy does not name. */
function plural(phrase: string): boolean {
  if (!/^\p{Ll}+s$/u.test(phrase)) return false;
  const doc = nlp(phrase);
  return doc.has('#Plural') && !doc.has('#Verb');
}

function hasSpeechVerb(text: string): boolean {
  return wordsOf(text).some((word) => SPEECH.has(word));
}

/**
 * Finds the direct quotations of a piece of copy and who the copy credits them to. Rules, in the
 * order a reader applies them:
 * - A quotation with a naming word before it ("so-called"; "the film" before a capital) is a name or
 *   a title, not speech; so is a short one (two words or fewer) in a sentence with no verb of speech
 *   and nobody speaking.
 * - A quotation broken by its attribution (“We will,” she said, “rebuild it.”) is one quote.
 * - The speaker is named after the quotation ("…," said X / "…," X said), before it ("X said:",
 *   "X, who said", "X told reporters …"), or is the subject of the sentence that holds it.
 * - "He" and "she" stand for the person who spoke last, if the copy has named no one else since,
 *   else for the last person named whose gender does not rule them out; "they" is a group, which no
 *   tag names. "The minister" stands for the last person given that role ("the foreign minister":
 *   that role exactly), "the agency" for the last organisation of that kind, and "a spokesperson for
 *   the force" or "officers" for the organisation they speak for. "A resident" is someone new.
 * - "According to X", "told X", "in an interview with X" credit an outlet, unless X is the only
 *   one who could have spoken; "told the station" credits the outlet credited last, and an outlet the
 *   paragraph credited before its quotations ("Speaking to X, he went further.") holds for them.
 * - When none of that names anyone, the speaker stays unknown: a wrong speaker is worse than none.
 */
export function findQuotes(paragraphs: CopyParagraph[], reader = new NameReader()): FoundQuote[] {
  const found: FoundQuote[] = [];
  const mentions: Mention[] = [];
  /** Names the copy credits as outlets: "the company" is never one of them. */
  const outlets = new Set<string>();
  let lastOutlet: string | null = null;
  const canonical = new Map<string, string>();
  // What the whole copy settles a name to be, for a mention that alone does not say ("Adwoa Boateng is
  // already …" before "Boateng, 38,"): a pronoun may stand for her before the copy says she is a person.
  const settled = new Map<string, NameKind>();
  for (const entity of findEntities(paragraphs.map((paragraph) => paragraph.text), reader)) settled.set(entity.name, entity.kind);

  /** Names of two words or more, latest last: a word of one alone names the same ("Calado", "Northline"). */
  const longNames: { name: string; kind: NameKind | null }[] = [];

  /** The fullest form of a name the copy has given ("Petrov" → "Ana Petrov", "KCNA" → the agency). */
  const fullName = (name: string): string => {
    const known = canonical.get(name.toLowerCase());
    if (known) return known;
    if (!name.includes(' ')) {
      for (let i = longNames.length - 1; i >= 0; i -= 1) {
        const words = longNames[i].name.split(/\s+/);
        if (longNames[i].kind !== 'PLACE' && (words[0] === name || words[words.length - 1] === name)) return longNames[i].name;
      }
    }
    return name;
  };

  let paragraphIndex = 0;
  let colonSpeaker: Mention | null = null;
  /** The speaker of the quotation that closed the paragraph before, which a paragraph of quotation alone goes on with. */
  let closingSpeaker: { mention: Mention; blockIndex: number } | null = null;
  /** Who spoke, quoted or not, in reading order; null for a person the copy does not name ("one neighbour"). */
  const speakers: { mention: Mention | null; paragraph: number; at: number }[] = [];
  const remember = (span: NameSpan, roleWords: string[], heads: string[] = []) => {
    const name = fullName(span.text);
    let mention = mentions.find((candidate) => candidate.name === name);
    const kind = mention?.kind ?? span.kind;
    if (!mention) {
      mention = { name, kind, gender: span.gender, roles: new Set(), roleWords: new Set(), seen: [] };
      mentions.push(mention);
    }
    const position = at(paragraphIndex, span.start);
    if (!mention.seen.includes(position)) mention.seen.push(position);
    for (const word of roleWords) {
      mention.roleWords.add(word);
      if (PERSON_NOUNS.has(word) || ORGANIZATION_NOUNS.has(word) || FEMALE_ROLES.has(word) || MALE_ROLES.has(word) || heads.includes(word)) mention.roles.add(word);
      if (!mention.gender && FEMALE_ROLES.has(word)) mention.gender = 'female';
      if (!mention.gender && MALE_ROLES.has(word)) mention.gender = 'male';
    }
    const words = name.split(/\s+/);
    if (words.length >= 2 && !longNames.some((entry) => entry.name === name)) longNames.push({ name, kind });
    if (kind === 'PERSON' && words.length >= 2) {
      canonical.set(words[words.length - 1].toLowerCase(), name);
      canonical.set(name.toLowerCase(), name);
    }
  };

  for (const [index, paragraph] of paragraphs.entries()) {
    paragraphIndex = index;
    const text = paragraph.text;
    const spans = quotations(text);
    const parts = sentences(text, spans);
    // Acronyms given in brackets after a name name the same thing.
    for (const match of text.matchAll(/((?:\p{Lu}[\p{L}’'-]*\s+)*\p{Lu}[\p{L}’'-]*)\s+\((\p{Lu}{2,8})\)/gu)) {
      const names = reader.namesIn(match[1]);
      const last = names[names.length - 1];
      if (last) canonical.set(match[2].toLowerCase(), last.text);
    }
    let previous: { quote: FoundQuote; span: Span } | null = null;
    const handedOn = colonSpeaker;
    colonSpeaker = null;
    // A paragraph that is a quotation and nothing else, straight after one that closed on a quotation,
    // goes on with its speaker, unless the next paragraph says whose words they were ("That was how
    // one neighbour described it").
    const onlyQuoted = spans.length > 0 && /^[\s.,;:!?—–-]*$/.test(outside(text, spans));
    const explainedNext = /^\s*(?:That|Those|This|These|Such|So|Thus)\b/.test(paragraphs[index + 1]?.text ?? '');
    const continued = onlyQuoted && !explainedNext && closingSpeaker?.blockIndex === paragraph.blockIndex - 1 ? closingSpeaker.mention : null;
    closingSpeaker = null;
    /** An outlet a sentence of this paragraph credited with no quotation of its own ("Speaking to the CPA, he went further."). */
    let paragraphOutlet: { outlet: string; speaker: Mention | null } | null = null;
    for (const sentence of parts) {
      if (sentence.end - sentence.start > MAX_SENTENCE_CHARS) continue;
      const inside = spans.filter((span) => span.open >= sentence.start && span.open < sentence.end);
      const sentenceText = text.slice(sentence.start, sentence.end);
      const names = reader
        .namesIn(sentenceText, sentence.start)
        // Not the words of a quotation, nor an acronym in brackets, which only repeats the name before it.
        .filter((name) => !inside.some((span) => name.start > span.open && name.end < span.close) && !(text[name.start - 1] === '(' && text[name.end] === ')'))
        .map((name) => (name.kind ? name : { ...name, kind: settled.get(name.text) ?? null }));
      // A birth name is the same person ("Born Margit Halvorsen in Bergen", of Margit Rowe).
      for (const name of names) {
        if (name.kind !== 'PERSON' || !/\b(?:born|née|nee)\s+$/i.test(text.slice(Math.max(sentence.start, name.start - 8), name.start))) continue;
        const first = name.text.split(/\s+/)[0];
        const earlier = [...mentions].reverse().find((mention) => mention.kind === 'PERSON' && mention.name !== name.text && mention.name.split(/\s+/)[0] === first);
        if (earlier) canonical.set(name.text.toLowerCase(), earlier.name);
      }
      // Roles the copy gives a name, before it ("the mayor, Rosalind Achebe"; "Dastan's foreign
      // minister, Layla Al-Mansouri") or after it ("Rosalind Achebe, the mayor of Saltmarsh", "X, the committee's chair"; "the
      // Office of Rail Standards (ORS), the industry regulator"; "the Bond Voeding union").
      const rolesOf = (name: NameSpan) => {
        const before = wordsOf(text.slice(Math.max(sentence.start, name.start - 40), name.start)).slice(-3);
        const rest = text.slice(name.end, name.end + 60);
        const apposition = /^\s*(?:\([^)]*\))?\s*,\s*(?:the|a|an|its|their)\s+((?:[\p{Ll}-]+(?:[’']s)?\s+){0,2}[\p{Ll}-]+)/u.exec(rest);
        const noun = /^\s+([\p{Ll}]+)\b/u.exec(rest);
        return [...before, ...wordsOf(apposition?.[1] ?? ''), ...(noun && ORGANIZATION_NOUNS.has(noun[1]) ? [noun[1]] : [])];
      };
      // The head noun of a role set off beside a name is a role whatever the noun ("the senior coroner for
      // Ravensdale, Ruth Ellingham"; "Quinta Verdemar, the largest pig farm in the catchment"): "the coroner",
      // "the farm" may stand for it later.
      const headsOf = (name: NameSpan) => {
        const before = /(?:\b(?:the|a|an|its|their|his|her)|[’']s)\s+(?:[\p{Ll}-]+\s+){0,3}?([\p{Ll}-]+)(?:\s+(?:of|for|at|with)\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'-]*\s*)+)?\s*,\s*$/u.exec(text.slice(Math.max(sentence.start, name.start - 60), name.start));
        const after = /^\s*(?:\([^)]*\))?\s*,\s*(?:the|a|an|its|their|his|her)\s+(?:[\p{Ll}-]+\s+){0,3}?([\p{Ll}-]+)(?=\s*[,.;]|\s+(?:of|for|at|in|with|from|on|who|which|that)\b)/u.exec(text.slice(name.end, name.end + 80));
        return [before?.[1], after?.[1]].filter((head): head is string => Boolean(head));
      };

      const recency = (mention: Mention, here: number) => Math.max(-1, ...mention.seen.filter((position) => position < here));
      /** Learns a gender from the pronoun that stood for a person ("Meera Iyer … she said"), for the pronouns after. */
      const learn = (mention: Mention, gender: NameSpan['gender']) => {
        mention.gender ??= gender;
        return mention;
      };

      /** The organisation a noun stands for: "the council" is the last one named with that word or given that role. */
      const organizationBy = (noun: string, here: number): Mention | null => {
        const earlier = mentions.filter((mention) => mention.kind === 'ORGANIZATION' && recency(mention, here) >= 0).sort((a, b) => recency(b, here) - recency(a, here));
        const words = ORGANIZATION_SYNONYMS[noun] ?? [noun];
        const named = earlier.find((mention) => words.some((word) => mention.roles.has(word) || wordsOf(mention.name).includes(word)));
        if (named) return named;
        // "The company": the last organisation named that is no outlet and has a noun of its own ("the bank").
        if (COMPANY_NOUNS.has(noun)) {
          return earlier.find((mention) => !NOT_A_COMPANY.test(mention.name) && !outlets.has(mention.name) && ![...mention.roles].some((role) => ORGANIZATION_NOUNS.has(role) && !COMPANY_NOUNS.has(role))) ?? null;
        }
        return null;
      };

      /** The person "he" or "she" at `here` stands for. */
      const personFor = (gender: NameSpan['gender'], here: number): Mention | null => {
        const fits = (mention: Mention) => mention.kind === 'PERSON' && (!mention.gender || mention.gender === gender);
        const people = mentions.filter((mention) => fits(mention) && recency(mention, here) >= 0).sort((a, b) => recency(b, here) - recency(a, here));
        // "…," he told the station: the one who spoke last, in this paragraph or the one before, unless
        // someone else who could be "he" was named since this paragraph began. If that was someone the
        // copy does not name ("one nurse … "…," she said"), so is this.
        const lastSpeaker = [...speakers].reverse().find((entry) => entry.at < here && (!entry.mention || entry.mention.kind === 'PERSON'));
        if (lastSpeaker && lastSpeaker.paragraph >= paragraphIndex - 1) {
          const { mention: spoke, at: spokeAt } = lastSpeaker;
          if (!spoke && !people.some((mention) => recency(mention, here) >= spokeAt)) return null;
          const namedHere = people.some((mention) => mention !== spoke && recency(mention, here) >= Math.max(at(paragraphIndex, 0), spokeAt));
          if (spoke && fits(spoke) && !namedHere) return learn(spoke, gender);
        }
        // Else the last person named who may be that gender, within the last few paragraphs, or further
        // back if no one else could be meant.
        const latest = people[0];
        return latest && (recency(latest, here) >= at(paragraphIndex - 3, 0) || people.length === 1) ? learn(latest, gender) : null;
      };

      /**
       * What a pronoun, "the minister", "a spokesperson for the agency" or "officers" at `offset`
       * stands for: a person or organisation named before it, or nobody.
       */
      const resolve = (phrase: string, offset: number): Mention | null => {
        const words = wordsOf(phrase);
        if (words.length === 0) return null;
        const here = at(paragraphIndex, offset);
        const pronoun = PRONOUNS[words[0]];
        if (words.length === 1 && pronoun) {
          if (pronoun.kind === 'PERSON') return personFor(pronoun.gender, here);
          // "They" are people the copy does not name one by one.
          if (!pronoun.kind) return null;
          // "It said" after "the study found": the study, which says nothing a tag could hold.
          if (/^\s*the\s+(?!(?:\S+\s+)?(?:agency|ministry|department|company|firm|council|court|government|party|committee|group|union|bank|club|police|authority|board|regulator|service)\b)\p{Ll}/iu.test(sentenceText)) return null;
          // "The company said … "…," it said": what the paragraph's organisation noun stood for, or no one.
          const subject = [...text.slice(0, offset).matchAll(NOUN_SPEAKS)].pop();
          const head = subject ? wordsOf(subject[1]).pop()! : '';
          if (subject && (ORGANIZATION_NOUNS.has(head) || COMPANY_NOUNS.has(head))) return resolve(subject[1], subject.index!);
          // Not an outlet the copy credits: it carries the words, it does not say them.
          const organizations = mentions.filter((mention) => mention.kind === 'ORGANIZATION' && !outlets.has(mention.name) && recency(mention, here) >= 0);
          return organizations.sort((a, b) => recency(b, here) - recency(a, here))[0] ?? null;
        }
        if (words.length === 1 && POLICE_WORDS.has(words[0])) return organizationBy('police', here);
        if (!['the', 'a', 'an'].includes(words[0])) return null;
        // "a spokesperson for the force": the role, then whom it is for.
        const cut = words.findIndex((word, position) => position > 0 && (word === 'for' || word === 'of' || word === 'at' || word === 'from'));
        const role = words.slice(1, cut < 0 ? words.length : cut);
        const owner = cut < 0 ? [] : words.slice(cut + 1);
        const noun = role[role.length - 1];
        // "The club's manager" is whose, not which: only words of the role itself tell one from another.
        const modifiers = role.slice(0, -1).filter((word) => !IDLE_MODIFIERS.has(word) && !/[’']s?$/.test(word));
        if (!noun) return null;
        if (SPOKESPEOPLE.has(noun)) {
          if (owner[0] === 'the') return organizationBy(owner[owner.length - 1], here);
          if (owner.length > 1) return mentions.find((mention) => mention.kind === 'ORGANIZATION' && mention.name.toLowerCase() === owner.join(' ')) ?? null;
          if (owner.length) return organizationBy(owner[0], here);
          // "A council spokesperson", "a Northline spokesman".
          const body = modifiers[modifiers.length - 1];
          if (body) return organizationBy(body, here);
          // "Police Scotland said …. "…," a spokesman said": the one organisation the paragraph named.
          const named = mentions.filter((mention) => mention.kind === 'ORGANIZATION' && recency(mention, here) >= at(paragraphIndex, 0));
          return named.length === 1 ? named[0] : null;
        }
        // "A resident", "an official": someone the copy has not named.
        if (words[0] !== 'the' || owner.length) return null;
        const kinds = ROLE_KINDS[noun] ?? [noun];
        const people = mentions.filter((mention) => mention.kind === 'PERSON' && kinds.some((kind) => mention.roles.has(kind) || (kind !== noun && mention.roleWords.has(kind))) && modifiers.every((word) => mention.roleWords.has(word)) && recency(mention, here) >= 0);
        if (people.length) return people.sort((a, b) => recency(b, here) - recency(a, here))[0];
        // "The executive" may be a person's role or, failing one, an organisation's ("the Transport Executive").
        const organizationRole = mentions.some((mention) => mention.kind === 'ORGANIZATION' && mention.roles.has(noun));
        return ORGANIZATION_NOUNS.has(noun) || COMPANY_NOUNS.has(noun) || organizationRole ? organizationBy(noun, here) : null;
      };

      /**
       * What a noun phrase that speaks stands for; if no one the copy named, whether it is still a
       * person ("one neighbour", "a spokeswoman"), whom a "she" that follows means.
       */
      const unnamed = (phrase: string, offset: number): Attribution => {
        const mention = resolve(phrase, offset);
        const words = wordsOf(phrase);
        const cut = words.findIndex((word) => word === 'for' || word === 'of' || word === 'at' || word === 'from');
        const head = words[(cut < 0 ? words.length : cut) - 1] ?? '';
        const person = ['a', 'an', 'one', 'another', 'the'].includes(words[0]) && !plural(head) && !ORGANIZATION_NOUNS.has(head) && !COMPANY_NOUNS.has(head) && !STATEMENTS.has(head);
        return { mention, phrase: true, someone: !mention && person };
      };

      /** The speaker a stretch of the sentence names: a name, a pronoun, "the minister". */
      const speakerIn = (start: number, end: number, where: 'after' | 'before'): Attribution => {
        const stretch = text.slice(start, end);
        const candidates = names.filter((name) => name.start >= start && name.end <= end && name.kind !== 'PLACE');
        if (where === 'after') {
          if (CARRIED_AFTER.test(stretch)) return { mention: null, phrase: false };
          // "…," said X / "…," X said / "…," she added / "…," the minister said
          const saidFirst = /^\s*[,:—–-]?\s*(\p{Ll}+)\s+(.*)$/su.exec(stretch);
          if (saidFirst && SPEECH.has(saidFirst[1].toLowerCase())) {
            const rest = saidFirst[2];
            const name = candidates.find((candidate) => candidate.start >= start + stretch.indexOf(rest) && candidate.start <= start + stretch.indexOf(rest) + 40);
            if (name) return { mention: mentionOf(name), phrase: true };
            const noun = /^(?:the|a)\s+([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu.exec(rest);
            if (noun) return unnamed(noun[0], end);
            const pronoun = /^(he|she|they|it)\b/i.exec(rest);
            if (pronoun) return { mention: resolve(pronoun[1], end), phrase: true };
          }
          // "…," Le Van Thanh, deputy chairman of the committee, said
          // "…," Detective Inspector Gareth Lowry said / "…," her daughter, Maya, said / "…," the executive's chief operating officer, Priya Raman, said
          const opening = candidates.find((candidate) => {
            const lead = text.slice(start, candidate.start).replace(/\p{L}+/gu, (word) => (isTitle(word) ? '' : word));
            return /^[\s,:—–-]*$/.test(lead) || /^[\s,:—–-]*(?:the|his|her|their|its|a|an)\s+(?:[\p{L}’'-]+\s+){0,5}?[\p{L}’'-]+\s*,\s*$/u.test(lead);
          });
          if (opening && SPEAKS_NEXT.test(text.slice(opening.end, end))) return { mention: mentionOf(opening), phrase: true };
          // "…," according to Dr Helen Marsh: a person is the source, not an outlet.
          const source = candidates.find((candidate) => candidate.kind === 'PERSON' && /^\s*,?\s*according to\s*$/i.test(text.slice(start, candidate.start).replace(/\p{L}+/gu, (word) => (isTitle(word) ? '' : word))));
          if (source) return { mention: mentionOf(source), phrase: true };
          // "…," a spokesperson for the force said; not "…", and said … (the sentence's subject said it).
          const subjectFirst = SUBJECT_SPEAKS.exec(stretch);
          if (subjectFirst && (SUBJECT_OPENER.test(subjectFirst[1]) || plural(subjectFirst[1]))) {
            const phraseStart = start + stretch.indexOf(subjectFirst[1]);
            const name = candidates.find((candidate) => candidate.start >= phraseStart && candidate.end <= phraseStart + subjectFirst[1].length);
            if (name) return { mention: mentionOf(name), phrase: true };
            return unnamed(subjectFirst[1], end);
          }
          return { mention: null, phrase: false };
        }
        // Before the quotation, closest first: a name that speaks ("X said", "X, the coach, told"), a
        // pronoun or "the minister" that speaks, then the subject that opens the sentence.
        const lead = stretch.replace(/\baccording to [^,]*,\s*/i, (clause) => ' '.repeat(clause.length));
        // A name after a preposition describes someone else ("Johan Berg, an analyst at Nordic Energy
        // Insight, said"; "the leader of Brackenport City Council, Oliver Mbeki, called").
        // So does a name in the first stretch between commas after another ("Hannah Greaves, who chairs
        // Brackenport Rail Users, said"), though not one after a second comma ("In an interview with
        // Markt Radio, the chief financial officer, Ruud Hendriks, said"), and a name that owns
        // something ("Ribeiro's lawyer said"). A relative clause speaks for the name it follows, after a
        // preposition or not ("talks led by Amal Haddad, who said").
        const afterPreposition = (name: NameSpan) => /\b(?:at|for|of|from|with|by|in|on|beside|near|to)\s+(?:the\s+)?$/i.test(text.slice(Math.max(sentence.start, name.start - 12), name.start));
        const described = (name: NameSpan) =>
          afterPreposition(name) || candidates.some((other) => other.end < name.start && !afterPreposition(other) && /^\s*,\s*[^,\s][^,]*$/.test(text.slice(other.end, name.start)));
        const possessive = (name: NameSpan) => /^[’']/.test(text.slice(name.end));
        const relative = (name: NameSpan) => /^(?:\s*,[^,"“”]{1,100})?\s*,\s*(?:who|which)\s/.test(text.slice(name.end));
        const speaking = candidates
          .map((candidate) => ({ candidate, reach: candidate.end + (SPEAKS_NEXT.exec(text.slice(candidate.end, end))?.[0].length ?? -Infinity) }))
          .filter(({ candidate, reach }) => reach > candidate.end && !credited(candidate) && !possessive(candidate) && (relative(candidate) || !described(candidate)));
        // "Ana Lopes and Ben Okoro … said": two speakers, whom one name cannot hold.
        if (speaking.some(({ candidate }) => candidates.some((other) => other.end < candidate.start && /^\s+and\s+$/.test(text.slice(other.end, candidate.start))))) return { mention: null, phrase: true, someone: true };
        // "Coastway's spokesman said": the organisation speaks.
        const organization = (name: NameSpan) => (mentions.find((mention) => mention.name === fullName(name.text))?.kind ?? name.kind) === 'ORGANIZATION';
        const spokesFor = candidates.find((candidate) => organization(candidate) && SPOKESPERSON_SPEAKS.test(text.slice(candidate.end, end)));
        // A name inside another's apposition is not the one speaking ("Paul Okonkwo, 52, who runs a
        // cafe beside Tanner's Lock, said"), unless it names the role before it ("the company X, whose
        // artistic director, Marek Šimek, calls").
        const outermost = speaking.filter(
          ({ candidate }) => /,\s*$/.test(text.slice(sentence.start, candidate.start)) || !speaking.some((other) => other.candidate.start < candidate.start && other.reach > candidate.end),
        );
        if (outermost.length) return { mention: mentionOf(outermost[outermost.length - 1].candidate), phrase: true };
        if (spokesFor) return { mention: mentionOf(spokesFor), phrase: true };
        const pronoun = [...lead.matchAll(PRONOUN_SPEAKS)].pop();
        if (pronoun) return { mention: resolve(pronoun[1], start + pronoun.index!), phrase: true };
        // Not a noun after a preposition: "a source close to the minister said" is no minister.
        const noun = [...lead.matchAll(NOUN_SPEAKS)].filter((match) => !/\b(?:to|of|for|with|by|at|from|on|in|about|near|than|like)\s+$/i.test(lead.slice(0, match.index))).pop();
        if (noun) return unnamed(noun[1], start + noun.index!);
        // People the copy does not name speak ("mourners described him as"): no one to credit.
        if ([...lead.matchAll(GROUP_SPEAKS)].some((match) => plural(match[1]))) return { mention: null, phrase: true };
        const opening = candidates.find((candidate) => !credited(candidate) && !possessive(candidate) && !afterPreposition(candidate));
        if (opening && (opening.kind === 'PERSON' || opening.kind === 'ORGANIZATION') && wordsOf(lead.slice(0, opening.start - start)).length <= 4) {
          return { mention: mentionOf(opening), phrase: true };
        }
        return { mention: null, phrase: false };
      };

      /** A name the sentence credits as an outlet ("according to X"), which is no speaker of its own. */
      const credited = (name: NameSpan) => {
        const lead = text.slice(Math.max(sentence.start, name.start - 40), name.start);
        return ACCORDING_TO.test(lead) || INTERVIEW.test(lead) || TOLD.test(lead);
      };

      const mentionOf = (name: NameSpan): Mention => {
        remember(name, rolesOf(name), headsOf(name));
        return mentions.find((mention) => mention.name === fullName(name.text))!;
      };

      // Every name of the sentence before its first quotation is remembered as copy reads.
      const firstOpen = inside[0]?.open ?? sentence.end;
      // A short form of a name the copy gave in full counts as a mention of it ("Brightwater's rivals").
      const known = (name: NameSpan) => Boolean(name.kind) || (fullName(name.text) !== name.text && mentions.some((mention) => mention.name === fullName(name.text)));
      for (const name of names) {
        if (name.start < firstOpen && known(name)) remember(name, rolesOf(name), headsOf(name));
        // A name the copy does not explain still gives its words to shorter mentions ("Rui Calado's header" … "Calado").
        else if (!name.kind && name.text.includes(' ') && !longNames.some((entry) => entry.name === name.text)) longNames.push({ name: name.text, kind: null });
      }

      // Who speaks in a sentence with no quotation ("Meera Iyer … said the two sides …") speaks last for
      // the pronouns after; an outlet it says they spoke to holds for their quotations to come in the
      // paragraph ("Speaking to the CPA, he went further."), not one it credits with a fact.
      if (inside.length === 0) {
        const said = speakerIn(sentence.start, sentence.end, 'before');
        if ((said.mention || said.someone) && hasSpeechVerb(sentenceText)) speakers.push({ mention: said.mention, paragraph: paragraphIndex, at: at(paragraphIndex, sentence.start) });
        const outlet = outletOf(text, sentence, names, said.mention);
        if (outlet && SPOKE_TO.test(sentenceText)) paragraphOutlet = { outlet, speaker: said.mention };
        else if (names.some((name) => name.kind === 'PERSON' && fullName(name.text) !== paragraphOutlet?.speaker?.name)) paragraphOutlet = null;
      }

      for (const [index, span] of inside.entries()) {
        const before = text.slice(sentence.start, span.open);
        if (NAMING.test(before) || (WORK.test(before) && /^\s*[\p{Lu}\p{N}]/u.test(span.inner))) continue;
        const words = wordsOf(span.inner);
        const nextOpen = inside[index + 1]?.open ?? sentence.end;
        const prevClose = inside[index - 1]?.close ?? sentence.start;

        // A quotation broken by its attribution, set off by commas, continues the one before; "…," while
        // X called it "…" quotes someone else.
        if (previous && previous.span.close === prevClose && /,\s*$/.test(previous.span.inner) && /^\s*\p{Ll}/u.test(span.inner)) {
          const between = text.slice(previous.span.close, span.open);
          if (wordsOf(between).length <= 10 && hasSpeechVerb(between) && /,\s*$/.test(between)) {
            previous.quote.text = `${clean(previous.span.inner)} ${clean(span.inner)}`;
            previous.span = span;
            continue;
          }
        }

        // A title ("The Salt Road") or a quotation used as a modifier (the festival's "pay what you can"
        // screenings) names something; it reports no speech.
        const attributedAfter = SAID_AFTER.test(text.slice(span.close, nextOpen));
        if (!attributedAfter && titleCase(span.inner)) continue;
        if (!attributedAfter && !/[,.!?]\s*$/.test(span.inner) && /(?:\b(?:the|a|an|its|their|his|her|our|your)|[’']s)\s*$/i.test(before) && /^\s+[\p{L}\p{N}]/u.test(text.slice(span.close))) continue;
        const after = speakerIn(span.close, nextOpen, 'after');
        const ahead = after.phrase ? after : speakerIn(prevClose === sentence.start ? sentence.start : prevClose, span.open, 'before');
        let mention = ahead.mention;
        // A short quotation with nobody speaking is a scare quote.
        if (!ahead.phrase && words.length <= 2 && !hasSpeechVerb(sentenceText.replace(span.inner, ''))) continue;
        if (words.length <= 3 && !ahead.phrase && /^(?:\p{Lu}[\p{L}’'-]*\s*)+$/u.test(span.inner.trim())) continue;

        // A later quotation of the same sentence with no attribution of its own has the same speaker
        // ("X said it had "a" and expected "b"").
        if (!mention && !ahead.phrase && index > 0 && previous && previous.span === inside[index - 1]) {
          mention = mentions.find((candidate) => candidate.name === previous!.quote.speakerName) ?? null;
        }
        // A quotation with no one else in its sentence ("Then, after a pause: …") goes on from the quote
        // before it in the paragraph, by the same speaker.
        const alone = !names.some((name) => name.kind !== 'PLACE' && !inside.some((other) => name.start > other.open && name.end < other.close)) && !/\b(?:he|she|they|it)\b/i.test(text.slice(sentence.start, span.open)) && /^[\s.,!?"“”]*$/.test(text.slice(span.close, sentence.end));
        if (!mention && !ahead.phrase && alone && previous && previous.quote.blockIndex === paragraph.blockIndex) {
          mention = mentions.find((candidate) => candidate.name === previous!.quote.speakerName) ?? null;
        } else if (!mention && !ahead.phrase && alone) {
          // Or from a sentence before it in the paragraph that says who spoke ("He recalled a winter … “She walked up …”").
          mention = [...speakers].reverse().find((entry) => entry.paragraph === paragraphIndex)?.mention ?? null;
        }
        if (!mention && !ahead.phrase && handedOn && span.open === 0) mention = handedOn;
        if (!mention && !ahead.phrase) mention = continued;
        const spokeTo = paragraphOutlet && mention && (!paragraphOutlet.speaker || paragraphOutlet.speaker === mention) ? paragraphOutlet.outlet : null;
        const reportedBy = outletOf(text, sentence, names, mention) ?? spokeTo;
        if (mention && reportedBy === mention.name) mention = null;
        const quote: FoundQuote = {
          blockIndex: paragraph.blockIndex,
          text: clean(span.inner),
          speakerName: mention?.name ?? null,
          speakerKind: mention?.kind === 'PERSON' || mention?.kind === 'ORGANIZATION' ? mention.kind : mention ? 'PERSON' : null,
          reportedBy,
        };
        if (quote.text) {
          found.push(quote);
          previous = { quote, span };
          if (mention || ahead.someone) speakers.push({ mention, paragraph: paragraphIndex, at: at(paragraphIndex, span.open) });
        }
      }
      if (sentence === parts[parts.length - 1] && previous && previous.span.open >= sentence.start) {
        const closing = mentions.find((candidate) => candidate.name === previous!.quote.speakerName);
        closingSpeaker = closing ? { mention: closing, blockIndex: paragraph.blockIndex } : null;
      }
      // Names after the quotations count for the sentences that follow.
      for (const name of names) if (name.start >= firstOpen && known(name)) remember(name, rolesOf(name), headsOf(name));
      // "Hannah Greaves said:" closing a paragraph introduces the quotation that opens the next.
      if (sentence.end >= text.trimEnd().length && inside.length === 0 && /:\s*$/.test(sentenceText)) {
        colonSpeaker = speakerIn(sentence.start, text.trimEnd().length - 1, 'before').mention;
      }
    }
  }

  /** The outlet a sentence credits, if any, by the fullest name the copy gives it. */
  function outletOf(text: string, sentence: Sentence, names: NameSpan[], speaker: Mention | null): string | null {
    for (const name of names) {
      const lead = text.slice(Math.max(sentence.start, name.start - 40), name.start);
      const trail = text.slice(name.end, Math.min(sentence.end, name.end + 20));
      const credited = ACCORDING_TO.test(lead) || TOLD.test(lead) || INTERVIEW.test(lead) || /^\s+(?:reported|reports|said in a report)\b/.test(trail);
      if (!credited || name.kind === 'PLACE' || name.kind === 'PERSON') continue;
      const outlet = fullName(name.text);
      if (speaker && outlet === speaker.name) continue;
      outlets.add(outlet);
      lastOutlet = outlet;
      return outlet;
    }
    if (lastOutlet && lastOutlet !== speaker?.name && TOLD_AGAIN.test(text.slice(sentence.start, sentence.end))) return lastOutlet;
    return null;
  }

  return found;
}
