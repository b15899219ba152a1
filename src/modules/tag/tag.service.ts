import type { EntityManager } from '@mikro-orm/knex';
import { Role } from '../../auth/viewer';
import { listKey } from '../../cache/cache-scope';
import type { RequestContext, WriteResult } from '../../request';
import { conflict, duplicate, invalid, notFound, Problems, Refusal } from '../../errors/errors';
import { containsPattern, SqlReader } from '../../database/reader';
import { checkQueryLength } from '../search/search.query';
import { reindexArticles } from '../search/search.index';
import type { ConnectionResult } from '../../pagination/connection.type';
import { pageByName } from '../../pagination/by-name';
import { inputIdOf } from '../node/global-id';
import { asNodes } from '../node/node.type';
import { chooseSlug, expectFreeSlug, FreeSlugs, slugFrom } from '../route/slug';
import { Tag, TagAlias } from './tag.entity';
import { TagKind } from './tag.enums';
import type { CreateTagInput, UpdateTagInput } from './tag.inputs';
import { namedTags, TAG_COLUMNS, type NamedTagRow } from './tag.loaders';
import { cleanAlias, MAX_ALIAS_LENGTH, MAX_ALIASES, tagNameKey } from './tag.names';
import type { TagRow } from './tag.type';

export interface TagListArgs {
  kind?: TagKind | null;
  query?: string | null;
  first?: number | null;
  after?: string | null;
}

/** An alias as checked: its text, its key (tagNameKey), and where the input gave it (null: kept as it was). */
interface CheckedAlias {
  text: string;
  key: string;
  index: number | null;
}

export class TagService {
  constructor(private readonly context: RequestContext) {}

  /** Reads inside a mutation's transaction, on the request's account (its deadline, its count of statements). */
  private readerIn(tx: EntityManager): SqlReader {
    return new SqlReader(tx, this.context.reader.dialect, undefined, this.context.meter);
  }

  async bySlug(slug: string): Promise<TagRow | null> {
    return this.context.loaders.tag.bySlug.load(slug.trim().toLowerCase());
  }

  /**
   * The tag each of `names` names, by its name or one of its aliases, in any letter case (tagNameKey):
   * for other modules, e.g. tagging imported copy, where an existing tag's name or alias wins over a
   * new tag. Keyed by the names as given; a name that names no tag is not in the map. Plain rows, in
   * one statement for up to 500 names (the request's other lookups join the batch). With `tx`, reads
   * inside that mutation's transaction (the request's loaders read outside it).
   */
  async byNamesOrAliases(names: readonly string[], tx?: EntityManager): Promise<Map<string, TagRow>> {
    const keyOf = new Map(names.map((name) => [name, tagNameKey(name)]));
    const keys = [...new Set([...keyOf.values()].filter((key) => key))];
    const found = new Map<string, TagRow>();
    if (tx && keys.length) {
      const reader = this.readerIn(tx);
      for (let start = 0; start < keys.length; start += 500) {
        const rows = await reader.all<NamedTagRow>(namedTags(reader, keys.slice(start, start + 500)));
        for (const { matched, via: _via, ...row } of asNodes('Tag', rows)) if (!found.has(matched)) found.set(matched, row);
      }
    } else {
      const rows = await Promise.all(keys.map((key) => this.context.loaders.tag.byNameOrAlias.load(key)));
      keys.forEach((key, index) => rows[index] && found.set(key, rows[index]));
    }
    const result = new Map<string, TagRow>();
    for (const [name, key] of keyOf) {
      const row = found.get(key);
      if (row) result.set(name, row);
    }
    return result;
  }

  /**
   * The tag of each person, organization and place the copy analysis found, for importArticle and
   * reanalyzeArticle inside their transaction: the tag that already goes by its name or one of its
   * aliases, else a new tag of its kind, named as the copy names it in full, with the aliases the copy
   * gives that no other tag goes by. Keyed by the names as given. Contributors' copy adds to the
   * taxonomy here (editors rename with updateTag); a name that holds no letter or digit gets no tag.
   */
  async ensureFound(tx: EntityManager, found: readonly { name: string; kind: TagKind; aliases: readonly string[] }[]): Promise<Map<string, number>> {
    const reader = this.readerIn(tx);
    await lockNames(reader);
    const existing = await this.byNamesOrAliases(found.flatMap((thing) => [thing.name, ...thing.aliases]), tx);
    const taken = new Set([...existing.keys()].map(tagNameKey));
    const ids = new Map<string, number>();
    const wanted: { thing: (typeof found)[number]; name: string }[] = [];
    const slugs = new FreeSlugs(tx, Tag, 'tag');
    for (const thing of found) {
      const tag = [thing.name, ...thing.aliases].map((name) => existing.get(name)).find(Boolean);
      if (tag) {
        ids.set(thing.name, tag.id);
        continue;
      }
      const name = cleanAlias(thing.name).slice(0, MAX_ALIAS_LENGTH);
      const key = tagNameKey(name);
      if (taken.has(key) || !slugFrom(name)) continue;
      taken.add(key);
      slugs.want(name);
      wanted.push({ thing, name });
    }
    if (!wanted.length) return ids;
    // One statement finds the slugs taken for every new tag.
    await slugs.load();
    const created = new Map<string, Tag>();
    for (const { thing, name } of wanted) {
      const tag = tx.create(Tag, { name, slug: slugs.take(name), kind: thing.kind });
      created.set(thing.name, tag);
      thing.aliases
        .map(cleanAlias)
        .filter((alias) => alias && alias.length <= MAX_ALIAS_LENGTH && !taken.has(tagNameKey(alias)))
        .slice(0, MAX_ALIASES)
        .forEach((alias, position) => {
          taken.add(tagNameKey(alias));
          tx.create(TagAlias, { tag, position, alias, normalized: tagNameKey(alias) });
        });
    }
    await tx.flush();
    for (const [name, tag] of created) ids.set(name, tag.id);
    return ids;
  }

  /** Editors curate tags; a slug that is taken is a DUPLICATE rather than a near-twin tag, and so is a name or alias another tag goes by. */
  create(input: CreateTagInput): Promise<WriteResult<number>> {
    return this.context.write('createTag', Role.EDITOR, async (tx) => {
      const problems = new Problems();
      const name = problems.text(['input', 'name'], input.name, 200, true);
      const description = problems.text(['input', 'description'], input.description, 2_000, false);
      const slug = chooseSlug(input.slug, input.name, problems);
      if (!Object.values(TagKind).includes(input.kind)) problems.add(invalid(['input', 'kind'], 'Unknown tag kind.'));
      const aliases = checkAliases(input.aliases ?? [], problems);
      if (name) checkOwnName(name, aliases, problems);
      problems.check();
      await expectFreeSlug(tx, Tag, slug, 'tag');
      const reader = this.readerIn(tx);
      await lockNames(reader);
      await expectFreeNames(reader, null, name!, aliases);
      const tag = tx.create(Tag, { name: name!, slug, kind: input.kind, description });
      aliases.forEach((alias, position) => tx.create(TagAlias, { tag, position, alias: alias.text, normalized: alias.key }));
      await tx.flush();
      return { value: tag.id, subject: { type: 'Tag', id: tag.id } };
    });
  }

  /**
   * Renames a tag or replaces its aliases; its slug stays. A new name or new aliases are rewritten into
   * the search index of the tag's articles (part of their searchable text), and cached searches go with it.
   * A change made from an older version than the tag's is a CONFLICT: the names lock (lockNames) makes
   * the check and the write one step, and MikroORM's version check on flush backs it.
   */
  update(input: UpdateTagInput): Promise<WriteResult<number>> {
    return this.context.write('updateTag', Role.EDITOR, async (tx) => {
      const problems = new Problems();
      const id = inputIdOf('Tag', input.id, ['input', 'id'], problems);
      const name = input.name === null || input.name === undefined ? null : problems.text(['input', 'name'], input.name, 200, true);
      const given = input.aliases === null || input.aliases === undefined ? null : checkAliases(input.aliases, problems);
      problems.check();
      const reader = this.readerIn(tx);
      await lockNames(reader);
      const tag = await tx.findOne(Tag, id!);
      if (!tag) throw new Refusal([notFound(['input', 'id'], 'No tag has this ID.')]);
      if (tag.version !== input.expectedVersion) {
        throw new Refusal([conflict(['input', 'expectedVersion'], `You edited version ${input.expectedVersion}; the tag is now at version ${tag.version}. Reload it, reapply your change and save again.`)]);
      }
      const stored = await tx.find(TagAlias, { tag }, { orderBy: { position: 'asc' } });
      const aliases = given ?? stored.map((alias) => ({ text: alias.alias, key: alias.normalized, index: null }));
      checkOwnName(name ?? tag.name, aliases, problems);
      problems.check();
      await expectFreeNames(reader, tag.id, name, given ?? []);

      const changes: string[] = [];
      const renamed = name !== null && name !== tag.name;
      if (renamed) {
        tag.name = name;
        changes.push('name');
      }
      const realiased = given !== null && given.map((alias) => alias.text).join('\n') !== stored.map((alias) => alias.alias).join('\n');
      if (realiased) {
        // Gone at once, so that an alias kept or moved in the list never meets its old row in the unique index.
        await tx.nativeDelete(TagAlias, { tag });
        given.forEach((alias, position) => tx.create(TagAlias, { tag, position, alias: alias.text, normalized: alias.key }));
        tag.updatedAt = new Date();
        changes.push('aliases');
      }
      await tx.flush();
      const alsoChanged: string[] = [];
      if (renamed || realiased) {
        const articles = await reader.all<{ id: number }>(reader.knex('article_tag').select('article_id as id').where('tag_id', tag.id).orderBy('article_id'));
        if (articles.length) {
          await reindexArticles(tx, articles.map((article) => Number(article.id)));
          alsoChanged.push(listKey('Article'));
        }
      }
      return { value: tag.id, subject: { type: 'Tag', id: tag.id }, changes, alsoChanged };
    });
  }

  /** Tags A to Z, optionally of one kind or whose name or an alias contains `query` (for pickers in the CMS). */
  async list(args: TagListArgs): Promise<ConnectionResult<TagRow>> {
    const { reader } = this.context;
    this.context.cache.list('Tag');
    checkQueryLength(args.query, 'query');
    const words = args.query ? tagNameKey(args.query) : '';
    return pageByName<TagRow>(reader, 'Tag', 't', TAG_COLUMNS, () => {
      const query = reader.knex({ t: 'tag' });
      if (args.kind) query.where('t.kind', args.kind);
      if (words) {
        const aliased = reader.knex({ ta: 'tag_alias' }).select('ta.tag_id').whereRaw("ta.normalized like ? escape '\\'", [containsPattern(words)]);
        query.where((inner) => inner.whereRaw("t.name_key like ? escape '\\'", [containsPattern(words)]).orWhereIn('t.id', aliased));
      }
      return query;
    }, args);
  }
}

/** The aliases an editor gave, cleaned, each checked and named by its place in the list. */
function checkAliases(given: readonly string[], problems: Problems): CheckedAlias[] {
  if (given.length > MAX_ALIASES) {
    problems.add(invalid(['input', 'aliases'], `A tag takes at most ${MAX_ALIASES} aliases.`));
    return [];
  }
  const aliases: CheckedAlias[] = [];
  given.forEach((raw, index) => {
    const field = ['input', 'aliases', String(index)];
    const text = cleanAlias(raw);
    if (!text || text.length > MAX_ALIAS_LENGTH) return problems.add(invalid(field, `An alias needs 1 to ${MAX_ALIAS_LENGTH} characters.`));
    const key = tagNameKey(text);
    if (aliases.some((alias) => alias.key === key)) return problems.add(duplicate(field, `"${text}" is in the list already.`));
    aliases.push({ text, key, index });
  });
  return aliases;
}

/** An alias is another name: the tag's own name is none. */
function checkOwnName(name: string, aliases: CheckedAlias[], problems: Problems): void {
  const key = tagNameKey(name);
  for (const alias of aliases) {
    if (alias.key !== key) continue;
    if (alias.index === null) problems.add(invalid(['input', 'name'], `"${alias.text}" is an alias of this tag: give the aliases without it to make it the name.`));
    else problems.add(invalid(['input', 'aliases', String(alias.index)], `"${alias.text}" is the tag's name, not another name for it.`));
  }
}

/**
 * PostgreSQL's transaction-scoped advisory lock on tag names and aliases ("TAGN"): the checks of
 * expectFreeNames and the write that follows them happen one mutation at a time (SQLite has one
 * writer at a time). Held until the transaction ends.
 */
const NAMES_LOCK = 0x5441474e;

async function lockNames(reader: SqlReader): Promise<void> {
  if (reader.dialect === 'postgresql') await reader.all(reader.knex.raw('select pg_advisory_xact_lock(?, 0)', [NAMES_LOCK]));
}

/**
 * Refuses a name that is another tag's alias, and an alias given that is another tag's name or alias,
 * in any letter case: whoever looks a tag up by a name finds one tag. Two tags may share a name (their
 * slugs differ), as before aliases. The unique index on tag_alias.normalized backs the alias rule.
 * Call it holding lockNames.
 */
async function expectFreeNames(reader: SqlReader, tagId: number | null, name: string | null, aliases: CheckedAlias[]): Promise<void> {
  const nameKey = name === null ? null : tagNameKey(name);
  const keys = [...new Set([...aliases.map((alias) => alias.key), ...(nameKey === null ? [] : [nameKey])])];
  if (!keys.length) return;
  const others = (await reader.all<NamedTagRow>(namedTags(reader, keys))).filter((row) => Number(row.id) !== tagId);
  const problems = new Problems();
  const owner = (row: NamedTagRow) => `the tag "${row.name}" (${row.slug})`;
  const nameTaken = others.find((row) => row.matched === nameKey && Number(row.via) === 1);
  if (nameTaken) problems.add(duplicate(['input', 'name'], `"${name}" is an alias of ${owner(nameTaken)}.`));
  for (const alias of aliases) {
    const taken = others.find((row) => row.matched === alias.key);
    if (taken) problems.add(duplicate(['input', 'aliases', String(alias.index)], `"${alias.text}" is already ${Number(taken.via) === 0 ? 'the name' : 'an alias'} of ${owner(taken)}.`));
  }
  problems.check();
}
