import type { EntityManager, Knex } from '@mikro-orm/knex';
import { dialectOf, SqlReader, writeBound } from '../../database/reader';
import { ArticleStatus } from '../article/article.enums';

/**
 * SIMILAR related coverage is kept in the table `article_similar`: for every article, up to KEPT
 * pieces most like it, with their scores. Ranking them means joining tags with themselves, which at
 * read time cost a section front more than half its CPU; here it is done when an article is saved,
 * inside the save's transaction, so reading the lists of a page of articles is one indexed statement
 * (related.loaders.ts).
 * Like `article_search` it is no MikroORM entity: the schema diff skips it (orm.ts), its migration
 * creates and backfills it, and these functions keep it current.
 *
 * The score is symmetric, so a save also updates the lists the saved piece belongs in: its rows in
 * other lists are replaced with fresh scores and those lists trimmed back to KEPT, and lists that
 * lost it (unpublished, tags changed) are recomputed so they stay full.
 *
 * Only published and scheduled pieces are stored as candidates (a scheduled one goes public at its
 * time with no write, so readers filter by visibility); every article keeps a list, since archived
 * pieces are read and drafts previewed. Curated links change on their own and are left out at read
 * time. Known approximations: tag rarity is weighed when a list is computed, so lists drift as the
 * archive grows until their articles are saved again or the table is rebuilt (refreshAllSimilar); and
 * a saved piece enters the lists of its own best candidates by shared tags, which is not always the
 * same set as the lists a full recompute would put it in (TAG_CANDIDATES cuts per article).
 */

/** Stored per article: a few more than relatedCoverage shows, so filtering by visibility and curated links still fills a list. */
const KEPT = 25;

/** A shared person or event says more about a story than a shared place, and far more than a broad topic. */
const KIND_WEIGHT = `case t.kind when 'PERSON' then 3 when 'EVENT' then 3 when 'ORGANIZATION' then 2 when 'SERIES' then 2 when 'PLACE' then 1.5 else 1 end`;

/** Tags on more articles than this say little about likeness and would make the self-join read long lists. */
const COMMON_TAG_LIMIT = 500;

/** How many candidates per article, best by shared tags, are weighed for section and recency. */
const TAG_CANDIDATES = 100;

/** Added to the tag score when both pieces are in the same section. */
const SAME_SECTION = 1;

/** Pieces published this many days apart score half as much as pieces published together. */
const RECENCY_DAYS = 60;

/** What may be listed: readers see scheduled pieces from their time on, with no write to tell us. */
const LISTABLE = [ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED];

/** Tag weights are multiples of 1 / WEIGHT_GRID (2^20), so their sums are exact (tagWeights). */
const WEIGHT_GRID = 1048576;

/** Source articles per statement when rebuilding: big enough to amortise the statement, small enough to stay well inside bound-parameter limits. */
const BATCH = 500;

/**
 * The table's foreign keys (named in its PostgreSQL migration), by column. PostgreSQL checks them row
 * by row, which was four fifths of a rebuild: the rebuild drops them and adds them back, checked in one pass.
 */
const FOREIGN_KEYS = [
  ['article_similar_article_id_foreign', 'article_id'],
  ['article_similar_similar_id_foreign', 'similar_id'],
] as const;

/** Where scoring reads articles and tag weights. */
interface Sources {
  articles: string;
  /** A table of (tag_id, weight); null to weigh the source articles' tags in the statement itself. */
  weights: string | null;
}

/** The tables themselves, for one article's refresh. */
const LIVE: Sources = { articles: 'article', weights: null };
/** The rebuild's narrow temporary copies (refreshAllSimilar). */
const REBUILD = { articles: 'similar_rebuild_article', weights: 'similar_rebuild_tag_weight' } satisfies Sources;

interface StoredRow {
  article_id: number;
  similar_id: number;
  score: number;
}

/**
 * Recomputes the SIMILAR list of one article and its place in other articles' lists, in `em`'s
 * transaction. Editorial saves call it after flushing. Returns the ids of the articles whose stored
 * list changed, so the response cache can evict exactly their related coverage.
 *
 * Saves of related articles run this at the same time and write the same lists: each one's rows, its
 * place in its candidates' lists (then trimmed back to KEPT), and the lists that lost it. On
 * PostgreSQL every list written is first locked (lockLists), all at once and in id order, so two
 * saves queue on the lists they share instead of deadlocking on each other's rows, and neither
 * inserts a row the other has just deleted and inserted again (a duplicate key). The scores are
 * computed before the locks are taken, since they say which lists the article goes into; what they
 * read (tags, articles) is not what the locks guard.
 */
export async function refreshSimilar(em: EntityManager, articleId: number): Promise<number[]> {
  const reader = new SqlReader(em, dialectOf(em));
  const knex = reader.knex;
  const scored = await reader.all<{ source_id: number; candidate_id: number; score: number }>(listRows(reader, [articleId], true));
  const fresh: StoredRow[] = scored.map((row) => ({ article_id: Number(row.source_id), similar_id: Number(row.candidate_id), score: Number(row.score) }));
  // The lists the article goes into; all of them are trimmed after the insert.
  const placing = [...new Set(fresh.filter((row) => row.similar_id === articleId).map((row) => row.article_id))];
  const locked = await lockLists(reader, [articleId, ...placing], articleId);
  const before = await takeRows(em, reader, articleId, locked);
  // Conflicts cannot happen under the locks; should a writer that takes none ever race this one, the row is refreshed, not duplicated.
  if (fresh.length) await writeBound(em, knex('article_similar').insert(fresh).onConflict(['article_id', 'similar_id']).merge(['score']));
  // The lists that took the article in may now hold one too many. Ranked from the index alone: ties
  // on score, which the read breaks by date, are too rare at the cut to be worth reading articles for.
  let trimmed: Pick<StoredRow, 'article_id' | 'similar_id'>[] = [];
  if (placing.length) {
    const ranked = knex('article_similar')
      .whereIn('article_id', placing)
      .select('article_id', 'similar_id', knex.raw('row_number() over (partition by article_id order by score desc, similar_id desc) as position'));
    const beyond = knex.from(ranked.as('ranked')).where('position', '>', KEPT).select('article_id', 'similar_id');
    trimmed = await deleteReturning(em, reader, knex('article_similar').whereIn(['article_id', 'similar_id'], beyond), ['article_id', 'similar_id']);
  }
  const cut = new Set(trimmed.map((row) => `${row.article_id}:${row.similar_id}`));
  const after = fresh.filter((row) => !cut.has(`${row.article_id}:${row.similar_id}`));

  const own = (rows: StoredRow[]) => scores(rows.filter((row) => row.article_id === articleId), (row) => row.similar_id);
  const placed = (rows: StoredRow[]) => scores(rows.filter((row) => row.similar_id === articleId), (row) => row.article_id);
  const [ownBefore, ownAfter, placedBefore, placedAfter] = [own(before), own(after), placed(before), placed(after)];
  const lost = [...placedBefore.keys()].filter((id) => !placedAfter.has(id));
  if (lost.length) await refreshLists(em, lost);
  const changed = new Set([...placedBefore.keys(), ...placedAfter.keys()].filter((id) => placedBefore.get(id) !== placedAfter.get(id)));
  if (ownBefore.size !== ownAfter.size || [...ownBefore].some(([id, score]) => ownAfter.get(id) !== score)) changed.add(articleId);
  return [...changed].sort((a, b) => a - b);
}

/**
 * Takes now, as the article stands, the locks refreshSimilar will take for it after the save's flush
 * (PostgreSQL; nothing on SQLite). For a save whose flush changes the article's slug: that update of a
 * unique column locks the row against the foreign-key checks of every other save inserting SIMILAR
 * rows that name the article, until this one commits, so it must not then wait for their lists.
 * Locks are held to the end of the transaction, and refreshSimilar taking them again does not wait.
 */
export async function lockSimilar(em: EntityManager, articleId: number): Promise<void> {
  const reader = new SqlReader(em, dialectOf(em));
  if (reader.dialect !== 'postgresql') return;
  const scored = await reader.all<{ source_id: number; candidate_id: number }>(listRows(reader, [articleId], true));
  await lockLists(reader, [articleId, ...scored.filter((row) => Number(row.candidate_id) === articleId).map((row) => Number(row.source_id))], articleId);
}

/**
 * The class of PostgreSQL's transaction-scoped advisory locks on SIMILAR lists ("SIML"); the second
 * key is the id of the article whose list is locked.
 */
const LIST_LOCK = 0x53494d4c;

/**
 * Locks the SIMILAR lists of these articles, and with `holding` also every list that holds that
 * article now, until the transaction ends (PostgreSQL; SQLite has one writer at a time). In one
 * statement, in id order (PostgreSQL evaluates a volatile select list after the ORDER BY sort), so
 * that saves wanting overlapping lists queue rather than deadlock. Returns the ids locked.
 */
async function lockLists(reader: SqlReader, articleIds: readonly number[], holding?: number): Promise<Set<number>> {
  if (reader.dialect !== 'postgresql') return new Set(articleIds);
  // One array binding, spelled as an array literal: knex would spread a JS array into separate values.
  const wanted = `{${[...new Set(articleIds)].map((id) => Math.trunc(id)).join(',')}}`;
  const lists =
    holding === undefined
      ? 'select unnest(?::integer[]) as id'
      : 'select unnest(?::integer[]) as id union select article_id from article_similar where similar_id = ?';
  const rows = await reader.all<{ id: number }>(
    reader.knex.raw(`select id, pg_advisory_xact_lock(?, id) from (${lists}) as lists order by id`, [LIST_LOCK, wanted, ...(holding === undefined ? [] : [holding])]),
  );
  return new Set(rows.map((row) => Number(row.id)));
}

/** Recomputes the lists of these articles only (their place in others' lists stays as it is). */
async function refreshLists(em: EntityManager, articleIds: readonly number[]): Promise<void> {
  const reader = new SqlReader(em, dialectOf(em));
  for (let start = 0; start < articleIds.length; start += BATCH) {
    const ids = articleIds.slice(start, start + BATCH);
    await writeBound(em, reader.knex('article_similar').whereIn('article_id', ids).delete());
    await writeBound(em, insertLists(reader, ids, false));
  }
}

/**
 * Rebuilds the whole table: the migration that creates it, the seed and the benchmark corpus call this,
 * inside a transaction (which also takes the working tables away if it fails). On PostgreSQL the table
 * is locked against readers until the transaction ends (see FOREIGN_KEYS).
 */
export async function refreshAllSimilar(em: EntityManager): Promise<void> {
  const reader = new SqlReader(em, dialectOf(em));
  const knex = reader.knex;
  await writeBound(em, knex('article_similar').delete());
  if (reader.dialect !== 'postgresql') return rebuildInBatches(em, reader);
  await writeBound(em, knex.raw(`alter table ?? ${FOREIGN_KEYS.map(() => 'drop constraint ??').join(', ')}`, ['article_similar', ...FOREIGN_KEYS.map(([name]) => name)]));
  await rebuildFromPostings(em, reader);
  const add = FOREIGN_KEYS.map(() => 'add constraint ?? foreign key (??) references ?? (??) on delete cascade').join(', ');
  await writeBound(em, knex.raw(`alter table ?? ${add}`, ['article_similar', ...FOREIGN_KEYS.flatMap(([name, column]) => [name, column, 'article', 'id'])]));
}

/**
 * SQLite's rebuild: listRows in batches, reading tag weights and the few columns scoring needs from
 * narrow temporary copies: looking up a hundred candidates per article in the wide article rows
 * (bodies and all) cost SQLite more than everything else.
 */
async function rebuildInBatches(em: EntityManager, reader: SqlReader): Promise<void> {
  const knex = reader.knex;
  await writeBound(em, knex.raw('create temporary table ?? (id integer primary key, section_id integer not null, status varchar(16) not null, published_at integer, created_at integer not null)', [REBUILD.articles]));
  const columns = ['id', 'section_id', 'status', 'published_at', 'created_at'];
  await writeBound(em, insertInto(knex, REBUILD.articles, columns, knex('article').select(columns)));
  await writeBound(em, knex.raw('create temporary table ?? (tag_id integer primary key, weight double precision not null)', [REBUILD.weights]));
  await writeBound(em, insertInto(knex, REBUILD.weights, ['tag_id', 'weight'], tagWeights(knex)));
  const rows = await reader.all<{ id: number }>(knex('article').select('id').orderBy('id'));
  const ids = rows.map((row) => row.id);
  for (let start = 0; start < ids.length; start += BATCH) await writeBound(em, insertLists(reader, ids.slice(start, start + BATCH), false, REBUILD));
  await writeBound(em, knex.raw('drop table ??', [REBUILD.articles]));
  await writeBound(em, knex.raw('drop table ??', [REBUILD.weights]));
}

/** PostgreSQL's rebuild works from one temporary table of weighed tags with what scoring needs of their articles. */
const POSTINGS = 'similar_rebuild_posting';

/**
 * PostgreSQL's rebuild: the lists listRows computes, one article at a time in a single statement.
 * listRows in batches joined, sorted and ranked some 200,000 pairs per 500 articles in sorts that
 * spilled to disk (more work_mem made them no faster); per article, the pairs are a few hundred,
 * grouped and cut to the best in memory. The postings carry the candidate's columns, so no article
 * is looked up per candidate.
 */
async function rebuildFromPostings(em: EntityManager, reader: SqlReader): Promise<void> {
  const knex = reader.knex;
  await writeBound(
    em,
    knex.raw(
      'create temporary table ?? (tag_id integer not null, article_id integer not null, weight double precision not null, section_id integer not null, status varchar(16) not null, published_at timestamptz, dated timestamptz not null)',
      [POSTINGS],
    ),
  );
  const postings = knex({ at: 'article_tag' })
    .join(tagWeights(knex).as('w'), 'w.tag_id', 'at.tag_id')
    .join({ a: 'article' }, 'a.id', 'at.article_id')
    .select('at.tag_id', 'at.article_id', 'w.weight', 'a.section_id', 'a.status', 'a.published_at', knex.raw('coalesce(a.published_at, a.created_at) as dated'))
    .orderBy(['at.tag_id', 'at.article_id']);
  await writeBound(em, insertInto(knex, POSTINGS, ['tag_id', 'article_id', 'weight', 'section_id', 'status', 'published_at', 'dated'], postings));
  await writeBound(em, knex.raw('create index on ?? (tag_id)', [POSTINGS]));
  await writeBound(em, knex.raw('create index on ?? (article_id)', [POSTINGS]));
  // PostgreSQL plans from statistics, which temporary tables only get when asked.
  await writeBound(em, knex.raw('analyze ??', [POSTINGS]));
  const days = reader.daysApart('c.dated', 'coalesce(src.published_at, src.created_at)');
  // Grouped by the candidate's columns too, which the candidate's id decides: they are what the score and the order read.
  const best = knex({ s: POSTINGS })
    .join({ c: POSTINGS }, (on) => on.on('c.tag_id', 's.tag_id').andOn('c.article_id', '<>', 's.article_id'))
    .where('s.article_id', knex.ref('src.id'))
    .groupBy('c.article_id', 'c.section_id', 'c.status', 'c.published_at', 'c.dated')
    .select('c.article_id as candidate_id', 'c.status', 'c.published_at', knex.raw(`${scoreSql(TAG_SUM, 'c.section_id', 'src.section_id', days)} as score`))
    .orderByRaw(`${TAG_SUM} desc, c.article_id desc`)
    .limit(TAG_CANDIDATES);
  const listed = knex
    .from(best.as('best'))
    .whereIn('status', LISTABLE)
    .select('candidate_id', 'score')
    .orderByRaw('score desc, published_at desc, candidate_id desc')
    .limit(KEPT);
  const rows = knex.from(knex.raw('?? as src cross join lateral ? as listed', ['article', listed])).select('src.id', 'listed.candidate_id', 'listed.score');
  await writeBound(em, insertInto(knex, 'article_similar', ['article_id', 'similar_id', 'score'], rows));
  await writeBound(em, knex.raw('drop table ??', [POSTINGS]));
}

/**
 * A pair's tag score. Weights lie on a grid of 2^-20 (tagWeights), so the sum is exact in any order
 * and the rebuild's scores are a save's to the bit, whatever either plan adds first. It had summed in
 * tag order (an ordered aggregate), which sorted every pair's group: two fifths of the rebuild.
 */
const TAG_SUM = 'sum(s.weight)';

/** A candidate's score from its tag score, both pieces' sections and the days between them. */
function scoreSql(tagScore: string, candidateSection: string, sourceSection: string, days: string): string {
  return `cast((${tagScore} + case when ${candidateSection} = ${sourceSection} then ${SAME_SECTION} else 0 end) / (1 + ${days} / ${RECENCY_DAYS}) as double precision)`;
}

/**
 * Each tag's weight: IDF, ln(articles / articles with the tag), times the tag kind's weight; tags on
 * more than COMMON_TAG_LIMIT articles are left out. The highest id stands in for the number of
 * articles: read from the primary key, where count(*) reads the whole table. Rounded to a multiple
 * of 2^-20 (WEIGHT_GRID): a weight is under 2^5 (3 × ln of a few million), so a sum of any number of
 * them a list could meet stays within a double's 53 bits, exact whatever the order of its terms.
 */
function tagWeights(knex: Knex, sourceIds?: readonly number[]): Knex.QueryBuilder {
  const query = knex({ t: 'tag' })
    .join({ at: 'article_tag' }, 'at.tag_id', 't.id')
    .groupBy('t.id', 't.kind')
    .having(knex.raw('count(*)'), '<=', COMMON_TAG_LIMIT)
    .select('t.id as tag_id', knex.raw(`round(cast(${KIND_WEIGHT} * ln(((select max(id) from article) + 1.0) / count(*)) as double precision) * ${WEIGHT_GRID}) / ${WEIGHT_GRID} as weight`));
  if (sourceIds) query.whereIn('t.id', knex('article_tag').select('tag_id').whereIn('article_id', sourceIds));
  return query;
}

/**
 * One statement that stores the best KEPT candidates of each source article and, with `neighbours`,
 * the source in the list of each of its candidates (when the source itself may be listed). Scores:
 * shared tags weighted by rarity (IDF) and kind, the best TAG_CANDIDATES of them plus a same-section
 * bonus, decayed by the days between the two pieces.
 */
function insertLists(reader: SqlReader, sourceIds: readonly number[], neighbours: boolean, sources: Sources = LIVE): Knex.QueryBuilder {
  return insertInto(reader.knex, 'article_similar', ['article_id', 'similar_id', 'score'], listRows(reader, sourceIds, neighbours, sources));
}

/** The rows insertLists stores, as (source_id, candidate_id, score): refreshSimilar reads them first to know which lists to lock. */
function listRows(reader: SqlReader, sourceIds: readonly number[], neighbours: boolean, sources: Sources = LIVE): Knex.QueryBuilder {
  const knex = reader.knex;
  const sourceTags = knex({ s: 'article_tag' })
    .join({ w: sources.weights ?? 'tag_weight' }, 'w.tag_id', 's.tag_id')
    .whereIn('s.article_id', sourceIds)
    .select('s.article_id as source_id', 's.tag_id', 'w.weight');
  const shared = knex({ st: 'source_tags' })
    .join({ c: 'article_tag' }, (on) => on.on('c.tag_id', 'st.tag_id').andOn('c.article_id', '<>', 'st.source_id'))
    .groupBy('st.source_id', 'c.article_id')
    .select('st.source_id', 'c.article_id as candidate_id', knex.raw('sum(st.weight) as tag_score'));
  // Only the best by shared tags go on to the article rows: section and recency reorder, they do not rescue.
  const best = knex('shared').select('*', knex.raw('row_number() over (partition by source_id order by tag_score desc, candidate_id desc) as tag_rank'));
  // Drafts are dated by their creation, on both sides: a draft's list scores its candidates the way
  // the rows the candidates put into it (the neighbour rows below) are scored.
  const days = reader.daysApart('coalesce(a.published_at, a.created_at)', 'coalesce(src.published_at, src.created_at)');
  const scored = knex({ m: 'best' })
    .where('m.tag_rank', '<=', TAG_CANDIDATES)
    .join({ a: sources.articles }, 'a.id', 'm.candidate_id')
    .join({ src: sources.articles }, 'src.id', 'm.source_id')
    .select(
      'm.source_id',
      'm.candidate_id',
      'a.published_at',
      'a.status as candidate_status',
      'src.status as source_status',
      knex.raw(`${scoreSql('m.tag_score', 'a.section_id', 'src.section_id', days)} as score`),
    );
  const ranked = knex('scored')
    .whereIn('candidate_status', LISTABLE)
    .select('source_id', 'candidate_id', 'score', knex.raw('row_number() over (partition by source_id order by score desc, published_at desc, candidate_id desc) as position'));
  const rows = sources.weights ? knex.queryBuilder() : knex.with('tag_weight', tagWeights(knex, sourceIds));
  rows
    // Materialised, so SQLite walks from the sources' few tags to the articles sharing them rather
    // than from every article of every weighed tag back to the sources (three times slower).
    .withMaterialized('source_tags', sourceTags)
    .with('shared', shared)
    .with('best', best)
    // Read twice with `neighbours`; left to itself, SQLite recomputes it the second time from a scan of every article.
    .withMaterialized('scored', scored)
    .with('ranked', ranked)
    .from('ranked')
    .where('position', '<=', KEPT)
    .select('source_id', 'candidate_id', 'score');
  // Its candidates' lists are trimmed back to KEPT by the caller.
  if (neighbours) rows.unionAll(knex('scored').whereIn('source_status', LISTABLE).select('candidate_id', 'source_id', 'score'));
  return rows;
}

/** Stored scores keyed by the other article of each row. */
function scores(rows: StoredRow[], keyOf: (row: StoredRow) => number): Map<number, number> {
  return new Map(rows.map((row) => [keyOf(row), Number(row.score)]));
}

/**
 * Deletes the rows that name the article (its list, and its place in others') and returns them, under
 * the locks of the lists they are in. A list may have taken the article in while this save waited for
 * its locks (after the lock statement read which lists hold it): on PostgreSQL the delete leaves such
 * rows alone and reports them in the same statement, and they are taken once their lists are locked
 * too. That lock comes out of order, so a deadlock remains possible there, where Context.write's
 * retry takes over; it is rare (a list's save raced this one's wait), and no row is touched unlocked.
 */
async function takeRows(em: EntityManager, reader: SqlReader, articleId: number, locked: Set<number>): Promise<StoredRow[]> {
  const knex = reader.knex;
  if (reader.dialect !== 'postgresql') {
    return deleteReturning(em, reader, knex('article_similar').where('article_id', articleId).orWhere('similar_id', articleId), ['article_id', 'similar_id', 'score']);
  }
  const taken: StoredRow[] = [];
  for (;;) {
    const held = `{${[...locked].join(',')}}`;
    const rows = await reader.all<StoredRow & { late: boolean }>(
      knex.raw(
        `with gone as (delete from article_similar where (article_id = ? or similar_id = ?) and article_id = any(?::integer[]) returning article_id, similar_id, score)
        select article_id, similar_id, score, false as late from gone
        union all select article_id, similar_id, score, true as late from article_similar where similar_id = ? and article_id <> all(?::integer[])`,
        [articleId, articleId, held, articleId, held],
      ),
    );
    taken.push(...rows.filter((row) => !row.late).map(({ article_id, similar_id, score }) => ({ article_id, similar_id, score })));
    const late = rows.filter((row) => row.late).map((row) => row.article_id);
    if (!late.length) return taken;
    for (const id of await lockLists(reader, late)) locked.add(id);
  }
}

/**
 * Deletes what `rows` matches and returns those rows: one statement on PostgreSQL (delete … returning),
 * a read and a delete on SQLite, where MikroORM runs a delete without reading what it returns.
 */
async function deleteReturning<T>(em: EntityManager, reader: SqlReader, rows: Knex.QueryBuilder, columns: string[]): Promise<T[]> {
  if (reader.dialect === 'postgresql') return reader.all<T>(rows.delete().returning(columns));
  const found = await reader.all<T>(rows.clone().select(columns));
  if (found.length) await writeBound(em, rows.delete());
  return found;
}

/** `insert into table (columns) select …`. */
function insertInto(knex: Knex, table: string, columns: string[], rows: Knex.QueryBuilder): Knex.QueryBuilder {
  return knex.into(knex.raw(`?? (${columns.map(() => '??').join(', ')})`, [table, ...columns])).insert(rows);
}
