/**
 * A deterministic newsroom of any size for the benchmark: the same N always gives the same rows.
 * Rows are bulk-inserted through MikroORM's connection (no entities), so 100,000 articles load in
 * about a minute.
 */
import type { Knex } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../src/config/config';
import type { Orm } from '../src/database/orm';
import { escapeHtml } from '../src/modules/body/body.sanitize';
import type { StoredBlock } from '../src/modules/body/body.blocks';
import { quoteSearchText } from '../src/modules/quote/quote.entity';
import { tagNameKey } from '../src/modules/tag/tag.names';

/** mulberry32: small, fast and good enough to spread content around. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'harbour council budget minister election ferry port strike river flood bridge railway school hospital nurses ' +
  'court ruling senate treaty border trade tariff market shares bank inflation wages housing rent tenants mayor ' +
  'police inquiry report drought harvest farmers wheat rice energy grid solar wind turbine pipeline gas oil ' +
  'museum festival orchestra novel film archive library stadium league final coach season transfer ' +
  'summit envoy ceasefire talks sanctions missile drills navy coastguard satellite launch startup chips ' +
  'software outage privacy regulator merger strikeout union contract vote recount campaign candidate poll'
).split(' ');
const SYLLABLES = 'ka lo mi ten ra vos del una bri sto gar pel ni quo ves tam'.split(' ');
/** The real words first (the commonest), then 4,000 made-up ones for the long tail. */
export const VOCABULARY = [
  ...WORDS,
  ...Array.from({ length: 4096 }, (_, i) => [i >> 8, (i >> 4) & 15, i & 15].map((s) => SYLLABLES[s]).join('')),
];
const FIRST = 'Amara Bruno Chen Dalia Emil Farah Goran Hiro Ines Jonas Kaia Luca Mina Nils Omar Priya Quinn Rosa Sami Tova'.split(' ');
const LAST = 'Adeyemi Berg Costa Dahl Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lund Moreau Novak Okafor Park Quist Rossi Sato Tanaka'.split(' ');
const SECTIONS = [
  ['world', null],
  ['world/asia', 'world'],
  ['world/europe', 'world'],
  ['world/americas', 'world'],
  ['politics', null],
  ['business', null],
  ['technology', null],
  ['culture', null],
] as const;
const KINDS = ['TOPIC', 'PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'SERIES'] as const;

/** The PERSON tag quoted in every third article (tag-8). */
const BUSIEST_SPEAKER = 8;

export interface CorpusSize {
  articles: number;
}

/** Rows per table inserted, for the report. */
export type CorpusCounts = Record<string, number>;

export async function loadCorpus(orm: Orm, dialect: DatabaseConfig['kind'], size: CorpusSize): Promise<CorpusCounts> {
  const next = random(size.articles);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  // Word use follows Zipf's law, as in real copy: a few words everywhere, most words rare.
  const word = () => VOCABULARY[Math.floor(Math.exp(next() * Math.log(VOCABULARY.length + 1))) - 1];
  const words = (count: number) => Array.from({ length: count }, word).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 10));
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const isSqlite = dialect === 'sqlite';
  const date = (ms: number) => (isSqlite ? ms : new Date(ms).toISOString());
  const now = Date.UTC(2026, 10, 26);
  const counts: CorpusCounts = {};
  const knex = orm.em.getKnex();

  await knex.transaction(async (trx: Knex.Transaction) => {
    const insert = async (table: string, rows: Record<string, unknown>[]) => {
      counts[table] = (counts[table] ?? 0) + rows.length;
      // Chunks keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 500) await trx(table).insert(rows.slice(i, i + 500));
    };
    const created = date(now);

    await insert(
      'section',
      SECTIONS.map(([path, parent], index) => ({
        id: index + 1,
        slug: path.split('/').pop(),
        name: path.split('/').pop()!.replace(/^./, (c) => c.toUpperCase()),
        path,
        parent_id: parent ? SECTIONS.findIndex(([p]) => p === parent) + 1 : null,
        position: index,
        created_at: created,
        updated_at: created,
      })),
    );
    const authorCount = Math.max(10, Math.round(size.articles / 200));
    await insert(
      'author',
      Array.from({ length: authorCount }, (_, i) => ({
        id: i + 1,
        slug: `author-${i + 1}`,
        name: `${pick(FIRST)} ${pick(LAST)}`,
        job_title: 'Correspondent',
        created_at: created,
        updated_at: created,
      })),
    );
    const tagCount = Math.max(60, Math.round(size.articles / 20));
    await insert(
      'tag',
      Array.from({ length: tagCount }, (_, i) => {
        const name = `${pick(WORDS)} ${pick(WORDS)} ${i + 1}`;
        return {
          id: i + 1,
          slug: `tag-${i + 1}`,
          name,
          name_key: tagNameKey(name),
          kind: KINDS[i % KINDS.length],
          created_at: created,
          updated_at: created,
        };
      }),
    );

    const articles: Record<string, unknown>[] = [];
    const credits: Record<string, unknown>[] = [];
    const tagging: Record<string, unknown>[] = [];
    const quotes: Record<string, unknown>[] = [];
    const links: Record<string, unknown>[] = [];
    const flush = async () => {
      await insert('article', articles.splice(0));
      await insert('article_author', credits.splice(0));
      await insert('article_tag', tagging.splice(0));
      await insert('quote', quotes.splice(0).map((quote) => ({ ...quote, search_text: quoteSearchText(quote.text as string, quote.speaker_name as string) })));
      await insert('related_link', links.splice(0));
    };
    let quoteId = 0;
    const threeYears = 3 * 365 * 86_400_000;
    for (let id = 1; id <= size.articles; id += 1) {
      const published = now - Math.floor((id / size.articles) * threeYears) - Math.floor(next() * 3_600_000);
      const blocks: StoredBlock[] = [];
      for (let p = 0; p < 6; p += 1) {
        if (p === 3) blocks.push({ type: 'HEADING', text: words(4), level: 2 });
        const text = `${sentence()} ${sentence()} ${sentence()}`;
        blocks.push({ type: 'PARAGRAPH', text, html: escapeHtml(text) });
      }
      articles.push({
        id,
        slug: `story-${id}`,
        headline: sentence().slice(0, -1),
        standfirst: sentence(),
        status: 'PUBLISHED',
        section_id: 1 + Math.floor(next() * SECTIONS.length),
        body: JSON.stringify(blocks),
        first_published_at: date(published),
        published_at: date(published),
        created_at: date(published),
        updated_at: date(published),
        version: 1,
      });
      const authors = new Set([1 + Math.floor(next() * authorCount), 1 + Math.floor(next() * authorCount)]);
      [...authors].forEach((author, position) => credits.push({ article_id: id, author_id: author, position }));
      // Tag use is skewed: a few tags are on many stories, most on a handful.
      const tags = new Set(Array.from({ length: 4 }, () => 1 + Math.floor(next() ** 2 * tagCount)));
      [...tags].forEach((tag, position) => tagging.push({ article_id: id, tag_id: tag, position }));
      const quoted = quotes.length;
      for (let q = 0; q < Math.floor(next() * 3); q += 1) {
        const paragraph = blocks[q] as { text: string };
        const speaker = 2 + 6 * Math.floor(next() * (tagCount / 6 - 1)); // PERSON tags
        quotes.push({
          id: ++quoteId,
          article_id: id,
          position: q,
          block_index: q,
          text: paragraph.text.split('.')[0],
          speaker_name: `Speaker ${speaker}`,
          speaker_id: speaker,
          created_at: date(published),
        });
      }
      // One speaker is in every third story, as a head of government is: a list of thousands of quotes
      // (the busiest QuotesBySpeaker row). No draw from next(), so the rest of the corpus stays as it was.
      if (id % 3 === 0) {
        const paragraph = blocks[4] as { text: string };
        quotes.push({
          id: ++quoteId,
          article_id: id,
          position: quotes.length - quoted,
          block_index: 4,
          text: paragraph.text.split('.')[0],
          speaker_name: `Speaker ${BUSIEST_SPEAKER}`,
          speaker_id: BUSIEST_SPEAKER,
          created_at: date(published),
        });
      }
      if (id > 10 && next() < 0.3) {
        const first = id - 1 - Math.floor(next() * 5);
        const second = id - 6 - Math.floor(next() * 4);
        links.push({ article_id: id, related_id: first, relation: 'BACKGROUND', position: 0 });
        links.push({ article_id: id, related_id: second, relation: 'SEE_ALSO', position: 1 });
      }
      if (articles.length >= 2000) await flush();
    }
    await flush();
  });
  if (!isSqlite) {
    // Explicit ids leave PostgreSQL's sequences behind; later inserts must not collide.
    for (const table of ['section', 'author', 'tag', 'article', 'quote']) {
      await knex.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from "${table}"))`);
    }
  }
  // Fresh statistics, so the planners pick the read-path indexes at once.
  await knex.raw('analyze');
  return counts;
}
