import type { EntityManager } from '@mikro-orm/knex';
import { cameDue } from '../../auth/visibility';
import { dialectOf, SqlReader, toDateOrNull, writeBound } from '../../database/reader';
import { inTransaction } from '../../database/transaction';

/** How long the feed keeps changes: an app that has not synced for longer starts again. */
export const FEED_RETENTION_DAYS = 30;

/** Pruning runs on every this-many-th change, not on each. */
const PRUNE_EVERY = 100;

/**
 * Records that articles changed, inside the transaction that changed them. The head's row is locked
 * from here to the commit, so changes are numbered in the order they commit: a reader that has seen
 * seq 12 will never later find an 11 it skipped.
 */
export async function recordChanges(em: EntityManager, changes: readonly { articleId: number; sectionId: number }[]): Promise<void> {
  if (!changes.length) return;
  const reader = new SqlReader(em, dialectOf(em));
  const [head] = await reader.all<{ seq: number }>(reader.knex.raw('update feed_head set seq = seq + ? where id = 1 returning seq', [changes.length]));
  const last = Number(head.seq);
  const at = new Date();
  const knex = em.getKnex();
  const first = last - changes.length + 1;
  await writeBound(em, knex('article_change').insert(changes.map((change, index) => ({ seq: first + index, article_id: change.articleId, section_id: change.sectionId, at }))));
  if (last % PRUNE_EVERY < changes.length) await prune(em, reader, at);
}

/**
 * Writes into the feed the scheduled and embargoed pieces that went public by `now` with no one
 * acting, once, whichever instance's clock gets here first (the head's row lock orders them; a
 * later one finds the work done). Until it runs, readers of the feed find those pieces by their time.
 */
export async function recordLifts(em: EntityManager, now: Date): Promise<void> {
  await inTransaction(em, async (tx) => {
    const reader = new SqlReader(tx, dialectOf(tx));
    const [head] = await reader.all<{ dueThrough: unknown }>(reader.knex.raw('update feed_head set id = id where id = 1 returning due_through as "dueThrough"'));
    const from = toDateOrNull(head?.dueThrough);
    if (from && from < now) {
      await recordChanges(tx, await cameDue(reader, from, now));
    }
    await writeBound(tx, tx.getKnex()('feed_head').where('id', 1).update({ due_through: now }));
  });
}

async function prune(em: EntityManager, reader: SqlReader, now: Date): Promise<void> {
  const before = new Date(now.getTime() - FEED_RETENTION_DAYS * 86_400_000);
  const [row] = await reader.all<{ seq: number | null }>(reader.knex('article_change').max({ seq: 'seq' }).where('at', '<', before));
  if (row?.seq === null || row?.seq === undefined) return;
  const knex = em.getKnex();
  await writeBound(em, knex('article_change').where('seq', '<=', row.seq).delete());
  const greatest = reader.dialect === 'postgresql' ? 'greatest' : 'max';
  await writeBound(em, knex('feed_head').where('id', 1).update({ pruned_through: knex.raw(`${greatest}(pruned_through, ?)`, [row.seq]) }));
}
