import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { duplicate, invalid, Refusal, type Problems } from '../../errors/errors';

/** Letters that Unicode decomposition does not fold to ASCII. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Lowercase ASCII slug: accents folded, runs of anything else become one hyphen. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðłþı]/g, (ch) => FOLDS[ch])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** What a slug given by a caller must look like: lowercase words of letters and digits joined by single hyphens. */
const SLUG_FORMAT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest slug the service makes or takes. */
export const MAX_SLUG_LENGTH = 120;

/** A slug made from a name, cut at a word boundary to fit; empty when the name holds no letter or digit. */
export function slugFrom(name: string): string {
  const slug = slugify(name);
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** A slug the caller gave, with an INVALID problem at input.slug when it is not one. */
export function checkedSlug(given: string, problems: Problems): string {
  const slug = given.trim();
  if (!SLUG_FORMAT.test(slug) || slug.length > MAX_SLUG_LENGTH) {
    problems.add(invalid(['input', 'slug'], `A slug is up to ${MAX_SLUG_LENGTH} lowercase letters and digits in words joined by single hyphens, e.g. north-korea.`));
  }
  return slug;
}

/** The slug of a new tag, author or section: the caller's, checked, or one made from the name. */
export function chooseSlug(given: string | null | undefined, name: string, problems: Problems): string {
  if (given?.trim()) return checkedSlug(given, problems);
  const slug = slugFrom(name);
  if (!slug && name.trim()) problems.add(invalid(['input', 'slug'], 'The name holds no letters or digits to make a slug from; give a slug.'));
  return slug;
}

/** Refuses a slug that a tag or author (whatever `entity` is) already holds. */
export async function expectFreeSlug(tx: EntityManager, entity: { new (): { slug: string } }, slug: string, what: string): Promise<void> {
  if (await tx.count(entity, { slug })) throw new Refusal([duplicate(['input', 'slug'], `A ${what} with the slug "${slug}" exists already.`)]);
}

/**
 * Slugs for new `entity` rows made from their names: each the name's slug or, when that is taken, the
 * first free one of -2, -3 … (names repeat, slugs may not). `want` every name, `load` the taken slugs
 * in one statement, then `take` each name's slug.
 */
export class FreeSlugs<T extends { slug: string }> {
  private readonly bases = new Set<string>();
  private readonly taken = new Set<string>();

  constructor(
    private readonly tx: EntityManager,
    private readonly entity: EntityClass<T>,
    private readonly fallback: string,
  ) {}

  private base(name: string): string {
    return slugFrom(name).slice(0, MAX_SLUG_LENGTH - 6).replace(/-+$/, '') || this.fallback;
  }

  want(name: string): void {
    this.bases.add(this.base(name));
  }

  async load(): Promise<void> {
    if (!this.bases.size) return;
    const like: FilterQuery<{ slug: string }> = { $or: [...this.bases].map((base) => ({ slug: { $like: `${base}%` } })) };
    // Only the slugs: the rows never need hydrating.
    const rows = await this.tx.createQueryBuilder(this.entity).select('slug' as never).where(like as FilterQuery<T>).execute<{ slug: string }[]>('all', false);
    for (const row of rows) this.taken.add(row.slug);
  }

  take(name: string): string {
    const base = this.base(name);
    let slug = base;
    for (let n = 2; this.taken.has(slug); n += 1) slug = `${base}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}

/** A slug made from a name for one new `entity` row (FreeSlugs for one). */
export async function freeSlug<T extends { slug: string }>(tx: EntityManager, entity: EntityClass<T>, name: string, fallback: string): Promise<string> {
  const slugs = new FreeSlugs(tx, entity, fallback);
  slugs.want(name);
  await slugs.load();
  return slugs.take(name);
}
