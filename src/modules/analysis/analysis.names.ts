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
  rapporteur analyst economist researcher official officials minister-president head`.split(/\s+/),
);

/** Capitalised words that start sentences and are not names. */
const SENTENCE_WORDS = new Set(
  `the a an in on at while when but and however according just this that these those it he she they we i you our their his her its as after
  before since if asked speaking also meanwhile last next first then there here what who why how where despite although though even still yet
  so for with without from by to of under over into among between during until unless because whether both either neither each every all some
  many most few several no not one two three four five six seven eight nine ten monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december today yesterday tomorrow earlier later now
  mr mrs ms dr`.split(/\s+/),
);

/** Words that make a name an organisation's. */
const ORGANIZATION_WORDS = new Set(
  `agency service ministry department council court party committee commission union association bank company corporation corp inc ltd plc llc
  group university institute foundation office police army navy force forces club fc united city times herald news post journal gazette tribune
  sinmun press reuters authority board organisation organization federation league network bureau assembly parliament senate congress airlines
  airways railways railway hospital school college trust fund society tribunal cabinet government administration secretariat fire brigade
  guard guards coalition alliance movement front collective cooperative co-operative partners holdings industries studios records media radio
  television tv broadcasting channel observer telegraph guardian chronicle courier mail express review daily weekly monitor watch unit
  inc. ltd. co.`.split(/\s+/),
);

/** Words just before a name that say it is an organisation's ("the newspaper Rodong Sinmun"). */
const ORGANIZATION_DESCRIPTORS = new Set(
  `newspaper paper daily weekly agency broadcaster channel network outlet magazine company firm group bank club charity party union
  organisation organization ngo brand label publisher studio carrier airline operator retailer insurer lender startup regulator`.split(/\s+/),
);

/** Lowercase words allowed inside a name between capitalised ones ("Bank of England", "Ludwig van Beethoven"). */
const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'da', 'di', 'du', '&']);

/** Acronyms that name places. */
const PLACE_ACRONYMS = new Set(['UK', 'US', 'USA', 'UAE', 'EU', 'DRC']);

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{M}\p{N}]|[\p{L}\p{M}]/gu;

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
  let result: { kind: NameKind | null; gender: NameSpan['gender'] };
  const doc = nlp(name);
  const terms = doc.terms().json() as { terms: { tags: string[] }[] }[];
  // Every word a place's ("United States", "North Korea"): a place, whatever its words suggest.
  const allPlace = terms.length > 0 && terms.every((term) => term.terms[0]?.tags.includes('Place'));
  if ((words.length === 1 && PLACE_ACRONYMS.has(words[0])) || (allPlace && !doc.has('#FirstName'))) result = { kind: 'PLACE', gender: null };
  else if (lower.some((word) => ORGANIZATION_WORDS.has(word)) || (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]))) result = { kind: 'ORGANIZATION', gender: null };
  else {
    if (doc.has('#Place') && !doc.has('#FirstName')) result = { kind: 'PLACE', gender: null };
    else if (doc.has('#Organization')) result = { kind: 'ORGANIZATION', gender: null };
    // "North Korean", "Russian": what people and things are, not who.
    else if (doc.has('#Demonym')) result = { kind: null, gender: null };
    else if (doc.has('#Person')) {
      const gender = doc.has('#FemaleName') ? 'female' : doc.has('#MaleName') ? 'male' : null;
      result = { kind: 'PERSON', gender };
    } else result = { kind: null, gender: null };
  }
  return result;
}

/**
 * Finds and classifies the names in one piece of copy; a name met again is classified once (asking
 * compromise costs far more than the rest).
 */
export class NameReader {
  private readonly kinds = new Map<string, { kind: NameKind | null; gender: NameSpan['gender'] }>();

  private readonly demonyms = new Map<string, boolean>();

  /** "Russian", "North Korean": a word for where someone is from. */
  demonym(word: string): boolean {
    let known = this.demonyms.get(word);
    if (known === undefined) this.demonyms.set(word, (known = nlp(word).has('#Demonym')));
    return known;
  }

  classify(name: string): { kind: NameKind | null; gender: NameSpan['gender'] } {
    let known = this.kinds.get(name);
    if (!known) this.kinds.set(name, (known = classify(name)));
    return known;
  }

  /**
   * The names in a sentence: runs of capitalised words (with "of", "van", … between them), without
   * the titles before them and without a capitalised word that only starts the sentence. A
   * possessive splits a run ("South Korea's National Intelligence Service" is a place and an
   * organisation).
   */
  namesIn(text: string, offset = 0): NameSpan[] {
    const words = tokens(text);
    const names: NameSpan[] = [];
    let run: Token[] = [];
    const flush = () => {
      // Titles, sentence openers and nationalities before a name are not part of it ("Russian President Vladimir Putin").
      while (run.length && (leading(run[0].text) || (run.length > 1 && TITLES.has(run[1].text.toLowerCase()) && this.demonym(run[0].text)))) run.shift();
      while (run.length && CONNECTORS.has(run[run.length - 1].text.toLowerCase())) run.pop();
      if (run.length) {
        const start = run[0].start;
        const end = run[run.length - 1].end;
        const name = text.slice(start, end).replace(/[’']s$/, '');
        const described = ORGANIZATION_DESCRIPTORS.has((text.slice(0, start).match(/([\p{L}-]+)\s*$/u)?.[1] ?? '').toLowerCase());
        const { kind, gender } = described ? { kind: 'ORGANIZATION' as const, gender: null } : this.classify(name);
        names.push({ text: name, start: offset + start, end: offset + start + name.length, kind, gender });
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
        if (/[’']s$/.test(word.text)) flush();
      } else if (run.length && CONNECTORS.has(word.text.toLowerCase()) && words[i + 1] && capitalised(words[i + 1].text)) {
        run.push(word);
      } else flush();
    }
    flush();
    return names;
  }
}
