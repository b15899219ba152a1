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
  father driver pilot nurse chef architect engineer scientist actor singer artist woman man`.split(/\s+/),
);
const ORGANIZATION_NOUNS = new Set(
  `agency ministry department company firm council court government party committee commission union association bank club team police
  army authority board organisation organization group university institute hospital school newspaper broadcaster network office service
  federation league regulator tribunal campaign charity prosecutors`.split(/\s+/),
);

/** Nouns for a business, which "the company" may stand for when no name holds the word. */
const COMPANY_NOUNS = new Set(['company', 'firm', 'operator', 'business', 'group', 'carrier', 'retailer', 'startup', 'manufacturer', 'developer']);
const PUBLIC_BODY = /\b(?:Ministry|Department|Council|Court|Office|Agency|Authority|Commission|Police|Government|Parliament|Assembly|Senate|Committee|Service|Union|Federation|Association|Party|Regulator)\b/;

/** Words before a quotation that make it a name or a title rather than speech. */
const NAMING = /(?:so-called|dubbed|titled|entitled|known as|nicknamed|branded|labell?ed|termed|the words|the word|the phrase|the slogan|the motto|the hashtag|(?:the|a|an|his|her|their|its)\s+(?:new\s+)?(?:film|movie|book|novel|song|album|single|play|show|series|documentary|poem|opera|musical|exhibition|report|operation|campaign|plan|policy|programme|program|project|initiative|strategy|doctrine|bill|act|law|motion|festival|game|app|podcast|column|article|essay|memoir|headline|painting|sculpture|opera|ballet))\s*$/i;

/** A verb of speech next, perhaps after an apposition or an adverb: "X said", "X, the coach, told", "X reportedly said". */
const SPEECH_WORDS = [...SPEECH].join('|');
/** Between a speaker and the verb: an adverb or an auxiliary ("reportedly said", "has said", "twice called"). */
const BETWEEN = String.raw`(?:\p{Ll}+ly\s+|has\s+|had\s+|was\s+|also\s+|twice\s+|again\s+|later\s+|then\s+|once\s+|still\s+)?`;
/** An apposition or a relative clause between commas: "X, the coach, said", "the company, which …, said". */
const APPOSITION = String.raw`(?:(?:\s*,[^,"“”]{1,100}){1,2},)?`;
const SPEAKS_NEXT = new RegExp(String.raw`^${APPOSITION},?\s+${BETWEEN}(?:${SPEECH_WORDS})\b`, 'u');
const PRONOUN_SPEAKS = new RegExp(String.raw`\b(he|she|they|it)${APPOSITION}\s+${BETWEEN}(?:${SPEECH_WORDS})\b`, 'giu');
const NOUN_SPEAKS = new RegExp(String.raw`\b((?:the|a)\s+[\p{L}-]+)${APPOSITION}\s+${BETWEEN}(?:${SPEECH_WORDS})\b`, 'giu');

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
const ACCORDING_TO = /\baccording to (?:the )?$/i;
const TOLD = /\b(?:told|telling|tells|tell) (?:the )?$/i;
const INTERVIEW = /\b(?:in an? (?:interview|statement|conversation|podcast|broadcast) (?:with|to|on)|speaking to|writing in|wrote in|in comments to|in remarks to|quoted by|cited by|carried by|broadcast by|published by) (?:the )?$/i;
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

interface Mention {
  name: string;
  kind: NameKind | null;
  gender: NameSpan['gender'];
  /** Titles and role nouns the copy gave this name ("finance minister"). */
  roles: Set<string>;
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
  let masked = text;
  for (const span of spans) masked = masked.slice(0, span.open + 1) + masked.slice(span.open + 1, span.close - 1).replace(/[.!?](?=.)/g, ';') + masked.slice(span.close - 1);
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

/** The quoted words as the quote keeps them: no comma or full stop closing them, no edge spaces. */
function clean(inner: string): string {
  return inner.trim().replace(/[,.]+$/, '').replace(/\s+/g, ' ').trim();
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}’'-]+/gu) ?? [];
}

function hasSpeechVerb(text: string): boolean {
  return wordsOf(text).some((word) => SPEECH.has(word));
}

/**
 * Finds the direct quotations of a piece of copy and who the copy credits them to. Rules, in the
 * order a reader applies them:
 * - A quotation with a naming word before it ("so-called", "the film") is a name or a title, not
 *   speech; so is a short one (two words or fewer) in a sentence with no verb of speech and nobody
 *   speaking.
 * - A quotation broken by its attribution (“We will,” she said, “rebuild it.”) is one quote.
 * - The speaker is named after the quotation ("…," said X / "…," X said), before it ("X said:",
 *   "X told reporters …"), or is the subject of the sentence that holds it; a pronoun or "the
 *   minister" stands for the last person named (of that role, where the copy gave one), "the
 *   agency" for the last organisation.
 * - "According to X", "told X", "in an interview with X" credit an outlet, unless X is the only
 *   one who could have spoken.
 * - When none of that names anyone, the speaker stays unknown: a wrong speaker is worse than none.
 */
export function findQuotes(paragraphs: CopyParagraph[], reader = new NameReader()): FoundQuote[] {
  const found: FoundQuote[] = [];
  const mentions: Mention[] = [];
  /** Names the copy credits as outlets: "the company" is never one of them. */
  const outlets = new Set<string>();
  const canonical = new Map<string, string>();

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
  /** Who spoke, in reading order. */
  const speakers: { mention: Mention; paragraph: number }[] = [];
  const remember = (span: NameSpan, roles: string[]) => {
    const name = fullName(span.text);
    let mention = mentions.find((candidate) => candidate.name === name);
    const kind = mention?.kind ?? span.kind;
    if (!mention) {
      mention = { name, kind, gender: span.gender, roles: new Set(), seen: [] };
      mentions.push(mention);
    }
    const position = at(paragraphIndex, span.start);
    if (!mention.seen.includes(position)) mention.seen.push(position);
    for (const role of roles) {
      mention.roles.add(role);
      if (!mention.gender && FEMALE_ROLES.has(role)) mention.gender = 'female';
      if (!mention.gender && MALE_ROLES.has(role)) mention.gender = 'male';
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
    for (const sentence of parts) {
      const inside = spans.filter((span) => span.open >= sentence.start && span.open < sentence.end);
      const sentenceText = text.slice(sentence.start, sentence.end);
      const names = reader
        .namesIn(sentenceText, sentence.start)
        // Not the words of a quotation, nor an acronym in brackets, which only repeats the name before it.
        .filter((name) => !inside.some((span) => name.start > span.open && name.end < span.close) && !(text[name.start - 1] === '(' && text[name.end] === ')'));
      // Names the sentence gives before its quotations, for "he" and "the minister".
      // Roles the copy gives a name, before it ("the mayor, Rosalind Achebe") or after it ("Rosalind
      // Achebe, the mayor of Saltmarsh"; "the Office of Rail Standards (ORS), the industry regulator").
      const rolesBefore = (name: NameSpan) => {
        const before = wordsOf(text.slice(Math.max(sentence.start, name.start - 40), name.start)).slice(-3);
        const apposition = /^\s*(?:\([^)]*\))?\s*,\s*(?:the|a|an|its|their)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u.exec(text.slice(name.end, name.end + 60));
        return [...before, ...wordsOf(apposition?.[1] ?? '')].filter((word) => PERSON_NOUNS.has(word) || ORGANIZATION_NOUNS.has(word) || FEMALE_ROLES.has(word) || MALE_ROLES.has(word));
      };

      /**
       * What a pronoun or "the minister" at `offset` stands for: the mentions named before it, latest
       * first. "He" and "she" take the latest person of that gender among the last three, else the
       * latest whose gender the copy does not tell.
       */
      const resolve = (phrase: string, offset: number): Mention | null => {
        const words = wordsOf(phrase);
        if (words.length === 0) return null;
        const here = at(paragraphIndex, offset);
        const recency = (mention: Mention) => Math.max(-1, ...mention.seen.filter((position) => position < here));
        const earlier = mentions.filter((mention) => recency(mention) >= 0).sort((a, b) => recency(b) - recency(a));
        const pronoun = PRONOUNS[words[0]];
        if (words.length === 1 && pronoun) {
          if (pronoun.kind === 'PERSON') {
            const people = earlier.filter((mention) => mention.kind === 'PERSON');
            const fits = (mention: Mention) => mention.gender === pronoun.gender || !mention.gender;
            // "…," he told the station: most often the one quoted last, if that was in this paragraph or the one before.
            const lastSpeaker = [...speakers].reverse().find((entry) => entry.paragraph >= paragraphIndex - 1 && entry.mention.kind === 'PERSON');
            // Unless someone else of that gender was named earlier in this paragraph.
            const namedHere = people.some((mention) => mention !== lastSpeaker?.mention && fits(mention) && recency(mention) >= at(paragraphIndex, 0));
            if (lastSpeaker && !namedHere && lastSpeaker.mention.gender === pronoun.gender && people.slice(0, 3).includes(lastSpeaker.mention)) return lastSpeaker.mention;
            return people.slice(0, 3).find((mention) => mention.gender === pronoun.gender) ?? people.find(fits) ?? null;
          }
          // "It said" after "the study found": the study, which says nothing a tag could hold.
          if (/^\s*the\s+(?!(?:\S+\s+)?(?:agency|ministry|department|company|firm|council|court|government|party|committee|group|union|bank|club|police|authority|board|regulator|service)\b)\p{Ll}/iu.test(sentenceText)) return null;
          return earlier.find((mention) => mention.kind === 'ORGANIZATION') ?? null;
        }
        if (words[0] === 'the' || words[0] === 'a') {
          const noun = words[words.length - 1];
          if (PERSON_NOUNS.has(noun)) return earlier.find((mention) => mention.kind === 'PERSON' && mention.roles.has(noun)) ?? null;
          if (ORGANIZATION_NOUNS.has(noun)) {
            const named = earlier.find((mention) => mention.kind === 'ORGANIZATION' && (mention.roles.has(noun) || mention.name.toLowerCase().includes(noun)));
            if (named) return named;
            // "The company": the last organisation named that is neither a public body nor an outlet.
            if (COMPANY_NOUNS.has(noun)) return earlier.find((mention) => mention.kind === 'ORGANIZATION' && !PUBLIC_BODY.test(mention.name) && !outlets.has(mention.name)) ?? null;
          }
        }
        return null;
      };

      /** The speaker a stretch of the sentence names: a name, a pronoun, "the minister". */
      const speakerIn = (start: number, end: number, where: 'after' | 'before'): { mention: Mention | null; phrase: boolean } => {
        const stretch = text.slice(start, end);
        const candidates = names.filter((name) => name.start >= start && name.end <= end && name.kind !== 'PLACE');
        if (where === 'after') {
          // "…," said X / "…," X said / "…," she added / "…," the minister said
          const saidFirst = /^\s*[,:—–-]?\s*(\p{Ll}+)\s+(.*)$/su.exec(stretch);
          if (saidFirst && SPEECH.has(saidFirst[1].toLowerCase())) {
            const rest = saidFirst[2];
            const name = candidates.find((candidate) => candidate.start >= start + stretch.indexOf(rest) && candidate.start <= start + stretch.indexOf(rest) + 40);
            if (name) return { mention: mentionOf(name), phrase: true };
            const noun = /^(?:the|a)\s+([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu.exec(rest);
            if (noun) return { mention: resolve(noun[0], end), phrase: true };
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
          const subjectFirst = /^\s*[,:—–-]?\s*((?:the\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,5}?)\s+(\p{Ll}+)\b/su.exec(stretch);
          if (subjectFirst && SPEECH.has(subjectFirst[2].toLowerCase())) {
            const phraseStart = start + stretch.indexOf(subjectFirst[1]);
            const name = candidates.find((candidate) => candidate.start >= phraseStart && candidate.end <= phraseStart + subjectFirst[1].length);
            if (name) return { mention: mentionOf(name), phrase: true };
            return { mention: resolve(subjectFirst[1], end), phrase: true };
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
        // Markt Radio, the chief financial officer, Ruud Hendriks, said").
        const afterPreposition = (name: NameSpan) => /\b(?:at|for|of|from|with|by|in|on|beside|near|to)\s+(?:the\s+)?$/i.test(text.slice(Math.max(sentence.start, name.start - 12), name.start));
        const described = (name: NameSpan) =>
          afterPreposition(name) || candidates.some((other) => other.end < name.start && !afterPreposition(other) && /^\s*,\s*[^,\s][^,]*$/.test(text.slice(other.end, name.start)));
        const speaking = candidates.filter((candidate) => SPEAKS_NEXT.test(text.slice(candidate.end, end)) && !credited(candidate) && !described(candidate));
        if (speaking.length) return { mention: mentionOf(speaking[speaking.length - 1]), phrase: true };
        const pronoun = [...lead.matchAll(PRONOUN_SPEAKS)].pop();
        if (pronoun) return { mention: resolve(pronoun[1], start + pronoun.index!), phrase: true };
        const noun = [...lead.matchAll(NOUN_SPEAKS)].pop();
        if (noun) return { mention: resolve(noun[1], start + noun.index!), phrase: true };
        const opening = candidates.find((candidate) => !credited(candidate));
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
        remember(name, rolesBefore(name));
        return mentions.find((mention) => mention.name === fullName(name.text))!;
      };

      // Every name of the sentence before its first quotation is remembered as copy reads.
      const firstOpen = inside[0]?.open ?? sentence.end;
      for (const name of names) {
        if (name.start < firstOpen && name.kind) remember(name, rolesBefore(name));
        // A name the copy does not explain still gives its words to shorter mentions ("Rui Calado's header" … "Calado").
        else if (!name.kind && name.text.includes(' ') && !longNames.some((entry) => entry.name === name.text)) longNames.push({ name: name.text, kind: null });
      }

      for (const [index, span] of inside.entries()) {
        const before = text.slice(sentence.start, span.open);
        if (NAMING.test(before)) continue;
        const words = wordsOf(span.inner);
        const nextOpen = inside[index + 1]?.open ?? sentence.end;
        const prevClose = inside[index - 1]?.close ?? sentence.start;

        // A quotation broken by its attribution continues the one before.
        if (previous && previous.span.close === prevClose && /,\s*$/.test(previous.span.inner) && /^\s*\p{Ll}/u.test(span.inner)) {
          const between = text.slice(previous.span.close, span.open);
          if (wordsOf(between).length <= 10 && hasSpeechVerb(between)) {
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
        }
        if (!mention && !ahead.phrase && handedOn && span.open === 0) mention = handedOn;
        const reportedBy = outletOf(text, sentence, names, mention);
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
          if (mention) speakers.push({ mention, paragraph: paragraphIndex });
        }
      }
      // Names after the quotations count for the sentences that follow.
      for (const name of names) if (name.start >= firstOpen && name.kind) remember(name, rolesBefore(name));
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
      return outlet;
    }
    return null;
  }

  return found;
}
