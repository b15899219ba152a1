import type { EntityManager, Knex } from '@mikro-orm/knex';
import { CacheScope } from '../../cache/cache-scope';
import { dialectOf, SqlReader, writeBound } from '../../database/reader';
import { ArticleStatus } from '../article/article.enums';
import { createArticleLoaders } from '../article/article.loaders';
import { renderText } from '../body/body.render';
import { createImageLoaders } from '../image/image.loaders';
import type { ImageRow } from '../image/image.type';
import { createQuoteLoaders } from '../quote/quote.loaders';
import { createTagLoaders } from '../tag/tag.loaders';
import { searchEngine } from './search.engines';

/**
 * The search index is the table `article_search` (an FTS5 table on SQLite; on PostgreSQL a table
 * with a stored, GIN-indexed tsvector generated from its texts, kept as one array: headline,
 * standfirst, tag names, body; Migration20261127090000_search_texts). It is no MikroORM entity:
 * the schema diff skips it (orm.ts), its migrations create it, and these functions keep it current.
 * Drafts are left out, so an unfiltered search can count matches from the index alone; published,
 * archived and scheduled pieces are in, and searches check visibility at query time, so a scheduled
 * piece turns up when its time comes. On PostgreSQL each entry also carries its article's status
 * and published_at, so that check needs no article row.
 *
 * Beside it, `article_search_word` holds every word the index has held, as its tokenizer spells them
 * before stemming (Migration20261204120000_search_prefix): a search looks there for the whole words
 * that the last word typed begins (completePrefix in search.engines.ts). Words are only ever added: a
 * word that no article holds any more matches nothing, and removing it would mean counting its uses.
 */

/**
 * Articles per round trip, and rows per multi-row insert on SQLite: well under both databases' limits
 * on bound parameters, and within SQLite's 500 terms of a compound select (knex's multi-row insert there).
 */
const CHUNK = 500;

/** Control characters never reach the index: the highlighter marks matches with two of them. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

interface SearchDocument {
  id: number;
  status: ArticleStatus;
  publishedAt: Date | null;
  headline: string;
  standfirst: string;
  tags: string;
  body: string;
}

/**
 * Rewrites the index entries of these articles from what is stored now, inside `em`'s transaction
 * when there is one. Mutations call it after flushing any change to an article's text, tags or
 * quotes, its status or publication time, or its removal; drafts and articles that no longer exist are
 * dropped from the index.
 */
export async function reindexArticles(em: EntityManager, articleIds: readonly number[]): Promise<void> {
  const engine = searchEngine(dialectOf(em));
  const reader = new SqlReader(em, dialectOf(em));
  const words = new Set<string>();
  const chunks: number[][] = [];
  for (let start = 0; start < articleIds.length; start += CHUNK) chunks.push([...new Set(articleIds.slice(start, start + CHUNK))]);
  let documents = chunks.length ? searchDocuments(await searchSources(reader, chunks[0])) : [];
  for (let i = 0; i < chunks.length; i++) {
    // A rebuild reads the next chunk before writing this one and renders it while the database
    // writes: rendering 10,000 articles had kept PostgreSQL waiting for a quarter of the rebuild.
    const next = i + 1 < chunks.length ? await searchSources(reader, chunks[i + 1]) : undefined;
    const written = writeChunk(em, chunks[i], documents);
    // Handled now, as it may fail while this turn renders; `await written` below still throws.
    written.catch(() => {});
    if (next) await new Promise(setImmediate); // the write is on the wire before the CPU work
    for (const doc of documents) for (const text of [doc.headline, doc.standfirst, doc.tags, doc.body]) for (const word of engine.words(text)) words.add(word);
    if (next) documents = searchDocuments(next);
    await written;
  }
  await addWords(em, [...words].sort());
}

/**
 * Writes one chunk's entries. PostgreSQL overwrites an entry in place (insert … on conflict), so two
 * transactions indexing the same article never collide on its key, and a save of a live piece costs
 * one statement, not two. FTS5 tables take no upsert: there every entry goes and comes back.
 */
async function writeChunk(em: EntityManager, ids: number[], documents: SearchDocument[]): Promise<void> {
  const postgres = dialectOf(em) === 'postgresql';
  const indexed = new Set(documents.map((doc) => doc.id));
  const gone = postgres ? ids.filter((id) => !indexed.has(id)) : ids;
  if (gone.length) await removeFromIndex(em, gone);
  if (documents.length) await writeBound(em, postgres ? upsertPostgres(em.getKnex(), documents) : em.getKnex()('article_search').insert(documents.map(toSqliteRow)));
}

/**
 * One statement for the whole chunk, each column bound as one array: the values never pass through
 * the SQL text, and the statement is the same whatever the chunk's size.
 */
function upsertPostgres(knex: Knex, documents: SearchDocument[]): Knex.Raw {
  // knex's types know no array with nulls in it; node-postgres binds one as it binds any array.
  const column = (value: (doc: SearchDocument) => string | number | Date | null) => documents.map(value) as Knex.Value;
  return knex.raw(
    `insert into article_search (article_id, status, published_at, texts)
    select id, status, published_at, array[headline, standfirst, tags, body]
    from unnest(?::integer[], ?::varchar[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[]) as doc (id, status, published_at, headline, standfirst, tags, body)
    on conflict (article_id) do update set status = excluded.status, published_at = excluded.published_at, texts = excluded.texts`,
    [
      column((doc) => doc.id),
      column((doc) => doc.status),
      column((doc) => doc.publishedAt),
      column((doc) => doc.headline),
      column((doc) => doc.standfirst),
      column((doc) => doc.tags),
      column((doc) => doc.body),
    ],
  );
}

/**
 * Adds the words (sorted) that article_search_word lacks. In order, so that two transactions adding
 * the same new words wait for each other rather than deadlock (PostgreSQL, where `unnest` keeps the
 * array's order; one bound array, so no chunks).
 */
async function addWords(em: EntityManager, words: string[]): Promise<void> {
  if (!words.length) return;
  const knex = em.getKnex();
  if (dialectOf(em) === 'postgresql') {
    await writeBound(em, knex.raw('insert into article_search_word (word) select unnest(?::text[]) on conflict (word) do nothing', [words]));
    return;
  }
  for (let start = 0; start < words.length; start += CHUNK) {
    const rows = words.slice(start, start + CHUNK).map((word) => ({ word }));
    await writeBound(em, knex('article_search_word').insert(rows).onConflict('word').ignore());
  }
}

/** One article: what an editorial mutation calls inside its transaction. */
export function reindexArticle(em: EntityManager, articleId: number): Promise<void> {
  return reindexArticles(em, [articleId]);
}

/** Drops articles from the index (PostgreSQL also does this itself when an article row is deleted). */
export async function removeFromIndex(em: EntityManager, articleIds: number | readonly number[]): Promise<void> {
  const ids = typeof articleIds === 'number' ? [articleIds] : [...articleIds];
  await writeBound(em, em.getKnex()('article_search').whereIn(indexKey(em), ids).delete());
}

/**
 * Indexes every article: the migration that creates the index backfills it with this, and bulk loads
 * (the seed, the benchmark) call it afterwards. On PostgreSQL the GIN index is dropped meanwhile and
 * built again at the end, many times faster than adding 100,000 documents to it one by one (it has
 * no pending list to batch them in), and the table is analyzed for the planner.
 */
export async function reindexAll(em: EntityManager): Promise<void> {
  const reader = new SqlReader(em, dialectOf(em));
  const rows = await reader.all<{ id: number }>(em.getKnex()('article').select('id').orderBy('id'));
  if (reader.dialect === 'sqlite') return reindexArticles(em, rows.map((row) => row.id));
  const indexes = await reader.all<{ name: string; definition: string }>(
    em
      .getKnex()('pg_indexes')
      .select('indexname as name', 'indexdef as definition')
      .whereRaw('schemaname = current_schema()')
      .where('tablename', 'article_search')
      .whereNot('indexname', 'article_search_pkey'),
  );
  for (const index of indexes) await writeBound(em, em.getKnex().raw('drop index ??', [index.name]));
  await reindexArticles(em, rows.map((row) => row.id));
  for (const index of indexes) await writeBound(em, em.getKnex().raw(index.definition));
  await writeBound(em, em.getKnex().raw('analyze article_search'));
}

/** FTS5 tables key their rows by rowid; the PostgreSQL table by article_id. */
function indexKey(em: EntityManager): string {
  return dialectOf(em) === 'sqlite' ? 'rowid' : 'article_id';
}

/** An FTS5 row: its rowid is the article's id. */
function toSqliteRow({ id, headline, standfirst, tags, body }: SearchDocument): Record<string, string | number> {
  return { rowid: id, headline, standfirst, tags, body };
}

/** Reads what searchDocuments needs of these articles. */
async function searchSources(reader: SqlReader, ids: number[]) {
  // Indexing answers no request, so what it reads is recorded nowhere.
  const unrecorded = new CacheScope();
  const articleLoaders = createArticleLoaders(reader, unrecorded, new Date(), () => {});
  const tagLoaders = createTagLoaders(reader, unrecorded);
  const [articles, bodies, tags, quotes] = await Promise.all([
    articleLoaders.byId.loadMany(ids),
    articleLoaders.body.loadMany(ids),
    tagLoaders.byArticle.loadMany(ids),
    createQuoteLoaders(reader, unrecorded, (speakers) => tagLoaders.known(speakers)).byArticle.loadMany(ids),
  ]);
  // A tag's aliases find its articles too: "KCNA" finds the pieces tagged Korean Central News Agency.
  const tagIds = [...new Set(tags.flatMap((list) => (list instanceof Error ? [] : list.map((tag) => tag.id))))];
  const aliases = new Map(tagIds.map((id, i) => [id, i]));
  const aliasLists = await tagLoaders.aliases.loadMany(tagIds);
  const imageIds = articles.flatMap((article, i) => {
    const body = bodies[i];
    return !article || article instanceof Error || article.status === ArticleStatus.DRAFT || body instanceof Error ? [] : body.flatMap((block) => (block.type === 'IMAGE' ? [block.imageId] : []));
  });
  const images = new Map<number, ImageRow>();
  for (const image of await createImageLoaders(reader, unrecorded).byId.loadMany(imageIds)) if (image && !(image instanceof Error)) images.set(image.id, image);
  return { ids, articles, bodies, tags, quotes, aliasLists, aliases, images };
}

/** The rows of a chunk of articles that searchDocuments renders, as read. */
type SearchSources = Awaited<ReturnType<typeof searchSources>>;

/** What a reader can search in each article: headline, standfirst, tag names and aliases, and the body as plain text (quotes and captions included). */
function searchDocuments({ ids, articles, bodies, tags, quotes, aliasLists, aliases, images }: SearchSources): SearchDocument[] {
  const namesOf = (tag: { id: number; name: string }) => {
    const list = aliasLists[aliases.get(tag.id)!];
    return [tag.name, ...(list instanceof Error ? [] : list)];
  };
  const bodyOf = new Map(ids.map((id, i) => [id, bodies[i] instanceof Error ? [] : bodies[i]]));
  const found = articles.flatMap((article) => (article && !(article instanceof Error) && article.status !== ArticleStatus.DRAFT ? [article] : []));
  const quoteById = new Map(quotes.flatMap((list) => (list instanceof Error ? [] : list)).map((quote) => [quote.id, quote]));
  const tagNames = new Map(ids.map((id, i) => [id, tags[i] instanceof Error ? [] : tags[i].flatMap(namesOf)]));
  const clean = (text: string) => text.replace(CONTROL, ' ');
  return found.map((article) => ({
    id: article.id,
    status: article.status,
    publishedAt: article.publishedAt,
    headline: clean(article.headline),
    standfirst: clean(article.standfirst ?? ''),
    tags: clean((tagNames.get(article.id) ?? []).join(', ')),
    body: clean(renderText(bodyOf.get(article.id) ?? [], { quote: (id) => quoteById.get(id), image: (id) => images.get(id) })),
  }));
}
