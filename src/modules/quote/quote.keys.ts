import type { EntityManager } from '@mikro-orm/knex';
import { dialectOf, SqlReader, writeBound } from '../../database/reader';
import { quoteSearchText } from './quote.entity';

/** Quotes folded a chunk at a time: the bench's corpus holds a hundred thousand. */
const CHUNK = 1000;

/**
 * Fills quote.search_text with today's folding (migrateToLatest, after the migration that made it):
 * on PostgreSQL a chunk in one statement with its values bound as arrays, on SQLite a row at a time
 * (in the process, where a statement costs microseconds).
 */
export async function refoldQuoteSearch(em: EntityManager): Promise<void> {
  const reader = new SqlReader(em, dialectOf(em));
  const knex = em.getKnex();
  for (let after = 0; ; ) {
    const rows = await reader.all<{ id: number; text: string; speakerName: string; searchText: string }>(
      knex('quote').select('id', 'text', 'speaker_name as speakerName', 'search_text as searchText').where('id', '>', after).orderBy('id').limit(CHUNK),
    );
    if (!rows.length) return;
    after = Number(rows[rows.length - 1].id);
    const changed = rows.map((row) => ({ id: Number(row.id), key: quoteSearchText(row.text, row.speakerName), was: row.searchText })).filter((row) => row.key !== row.was);
    if (!changed.length) continue;
    if (reader.dialect === 'postgresql') {
      const ids = changed.map((row) => row.id);
      const keys = changed.map((row) => row.key);
      await writeBound(em, knex.raw('update quote set search_text = v.key from unnest(?::integer[], ?::text[]) as v (id, key) where quote.id = v.id', [ids, keys]));
    } else {
      for (const row of changed) await writeBound(em, knex('quote').update({ search_text: row.key }).where('id', row.id));
    }
  }
}
