import type { EntityManager } from '@mikro-orm/knex';
import { dialectOf, SqlReader, writeBound } from '../../database/reader';
import { tagNameKey } from './tag.names';

/**
 * Folds every tag's name key and alias key with today's tagNameKey (migrateToLatest, after the
 * migration that made name keys): tags saved before had none, and aliases were keyed without
 * folding apostrophes. Two aliases that fold to one key were one alias written two ways: the first
 * in each tag's order (then by tag) stays, and the others go, as the unique key allows one.
 */
export async function refoldTagKeys(em: EntityManager): Promise<void> {
  const reader = new SqlReader(em, dialectOf(em));
  const knex = em.getKnex();

  const tags = await reader.all<{ id: number; name: string; nameKey: string }>(knex('tag').select('id', 'name', 'name_key as nameKey').orderBy('id'));
  for (const tag of tags) {
    const key = tagNameKey(tag.name);
    if (key !== tag.nameKey) await writeBound(em, knex('tag').update({ name_key: key }).where('id', tag.id));
  }

  const aliases = await reader.all<{ id: number; alias: string; normalized: string }>(knex('tag_alias').select('id', 'alias', 'normalized').orderBy(['tag_id', 'position', 'id']));
  const kept = new Set<string>();
  const twice: number[] = [];
  const refolded: { id: number; key: string }[] = [];
  for (const alias of aliases) {
    const key = tagNameKey(alias.alias);
    if (kept.has(key)) twice.push(alias.id);
    else {
      kept.add(key);
      if (key !== alias.normalized) refolded.push({ id: alias.id, key });
    }
  }
  // Gone first: a kept alias may take the key one of them holds now.
  for (let start = 0; start < twice.length; start += 500) await writeBound(em, knex('tag_alias').delete().whereIn('id', twice.slice(start, start + 500)));
  for (const { id, key } of refolded) await writeBound(em, knex('tag_alias').update({ normalized: key }).where('id', id));
}
