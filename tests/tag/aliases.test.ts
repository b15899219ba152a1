import { ClientError, type GraphQLClient } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { Context } from '../../src/context';
import {
  ArticleTagNamesDocument,
  DeskAuditLogDocument,
  DeskCreateTagWithAliasesDocument,
  DeskUpdateTagDocument,
  SearchDocument,
  TagAliasesDocument,
  TagSearchDocument,
} from '../generated/graphql';
import { read, warm } from '../cache/support';
import { useDesk } from '../editorial/support';
import { onPostgres } from '../support/database';
import { SAEPPYOL } from '../support/demo';
import { databaseRows } from '../support/newsroom';
import { inTransaction } from '../../src/database/transaction';

const desk = useDesk();

let serial = 0;
/** A fresh tag with these aliases, made by an editor. */
async function tagWith(aliases: string[], name = `Alias test body ${++serial}`) {
  const { createTag } = await desk.editor.request(DeskCreateTagWithAliasesDocument, { input: { name, kind: 'ORGANIZATION', aliases } });
  expect(createTag.userErrors).toEqual([]);
  return createTag.tag!;
}

/** Runs a mutation that must be refused with user errors, checks that nothing changed, and answers [code, field] pairs. */
async function refused<T>(send: () => Promise<T>, errorsOf: (result: T) => { field: string[] | null; code: string }[]) {
  const before = await databaseRows(desk.t);
  const errors = errorsOf(await send());
  expect(await databaseRows(desk.t)).toEqual(before);
  return errors.map((error) => [error.code, error.field?.join('.') ?? null]);
}

const create = (input: { name: string; aliases?: string[] | null }) =>
  refused(() => desk.editor.request(DeskCreateTagWithAliasesDocument, { input: { kind: 'ORGANIZATION', ...input } }), (r) => r.createTag.userErrors);
const update = (input: { id: string; expectedVersion: number; name?: string | null; aliases?: string[] | null }) => refused(() => desk.editor.request(DeskUpdateTagDocument, { input }), (r) => r.updateTag.userErrors);

/** The GraphQL error code a refused request carries. */
async function refusalCode(attempt: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await attempt();
  } catch (error) {
    if (error instanceof ClientError) return error.response.errors?.[0]?.extensions?.code as string | undefined;
    throw error;
  }
  return undefined;
}

const names = async (client: GraphQLClient, query: string) => (await client.request(TagSearchDocument, { query, first: 100 })).tags.nodes.map((tag) => tag.name);

describe('tag aliases: the demo newsroom', () => {
  it('knows the agencies by their short forms, and searching tags finds them', async () => {
    expect((await desk.anonymous.request(TagAliasesDocument, { slug: 'korean-central-news-agency' })).tag).toMatchObject({ name: 'Korean Central News Agency', aliases: ['KCNA'] });
    expect((await desk.anonymous.request(TagAliasesDocument, { slug: 'national-intelligence-service' })).tag!.aliases).toEqual(['NIS']);
    expect((await desk.anonymous.request(TagAliasesDocument, { slug: 'pyongyang' })).tag!.aliases).toEqual([]);
    expect(await names(desk.anonymous, 'KCNA')).toEqual(['Korean Central News Agency']);
    expect(await names(desk.anonymous, 'kcna')).toEqual(['Korean Central News Agency']);
    expect(await names(desk.anonymous, 'dprk')).toEqual(['North Korea']);
    // Names still match as before, and a word in both a name and an alias lists the tag once.
    expect(await names(desk.anonymous, 'korea')).toEqual(['Korean Central News Agency', 'North Korea', 'South Korea', 'Workers’ Party of Korea']);
  });

  it('slugs stay slugs: an alias is no slug and no route', async () => {
    expect((await desk.anonymous.request(TagAliasesDocument, { slug: 'kcna' })).tag).toBeNull();
  });

  it("a tag's aliases come with it wherever it is read, e.g. an article's tags", async () => {
    const { article } = await desk.anonymous.request(ArticleTagNamesDocument, { slug: SAEPPYOL.slug });
    expect(article!.tags.find((tag) => tag.slug === 'korean-central-news-agency')!.aliases).toEqual(['KCNA']);
  });
});

describe('createTag and updateTag with aliases', () => {
  it('creates a tag with aliases, cleaned and in order, and reads them back', async () => {
    const tag = await tagWith(['  HCA ', 'Harbour   Cities  Alliance secretariat'], 'Harbour Cities Alliance');
    expect(tag.aliases).toEqual(['HCA', 'Harbour Cities Alliance secretariat']);
    expect((await desk.anonymous.request(TagAliasesDocument, { slug: tag.slug })).tag!.aliases).toEqual(['HCA', 'Harbour Cities Alliance secretariat']);
    expect(await names(desk.anonymous, 'hca')).toEqual(['Harbour Cities Alliance']);
    // Without aliases, as before.
    expect((await tagWith([])).aliases).toEqual([]);
    const { createTag } = await desk.editor.request(DeskCreateTagWithAliasesDocument, { input: { name: 'Tideway Trust', kind: 'ORGANIZATION' } });
    expect(createTag).toMatchObject({ tag: { aliases: [] }, userErrors: [] });
  });

  it('replaces, reorders and removes aliases, renames, and keeps the slug; each change is audited', async () => {
    const tag = await tagWith(['ESA', 'ESA-1']);
    let version = tag.version;
    const edit = async (input: { name?: string | null; aliases?: string[] | null }) => {
      const { updateTag } = await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: version, ...input } });
      expect(updateTag.userErrors).toEqual([]);
      expect(updateTag.tag!.version).toBe(version + 1);
      version = updateTag.tag!.version;
      return updateTag.tag!;
    };
    expect((await edit({ aliases: ['ESA-1', 'esa', 'Eastbridge Sailing'] })).aliases).toEqual(['ESA-1', 'esa', 'Eastbridge Sailing']);
    // Aliases left out stay as they are.
    expect(await edit({ name: 'Eastbridge Sailing Association' })).toMatchObject({ name: 'Eastbridge Sailing Association', slug: tag.slug, uri: tag.uri, aliases: ['ESA-1', 'esa', 'Eastbridge Sailing'] });
    // A name and an alias may swap places in one change.
    expect(await edit({ name: 'Eastbridge Sailing', aliases: ['Eastbridge Sailing Association'] })).toMatchObject({ name: 'Eastbridge Sailing', aliases: ['Eastbridge Sailing Association'] });
    expect((await edit({ aliases: [] })).aliases).toEqual([]);
    expect((await desk.anonymous.request(TagAliasesDocument, { slug: tag.slug })).tag).toMatchObject({ name: 'Eastbridge Sailing', aliases: [] });
    const { auditLog } = await desk.admin.request(DeskAuditLogDocument, { subjectId: tag.id, first: 10 });
    expect(auditLog.nodes.map((entry) => [entry.action, entry.actorRole, entry.changes])).toEqual([
      ['updateTag', 'EDITOR', ['aliases']],
      ['updateTag', 'EDITOR', ['name', 'aliases']],
      ['updateTag', 'EDITOR', ['name']],
      ['updateTag', 'EDITOR', ['aliases']],
      ['createTag', 'EDITOR', []],
    ]);
  });

  it("refuses an alias that is another tag's name or alias, in any letter case, and saves nothing", async () => {
    const tag = await tagWith(['LTC Players']);
    expect(await create({ name: 'Pyongyang Broadcasting', aliases: ['kcna'] })).toEqual([['DUPLICATE', 'input.aliases.0']]);
    expect(await create({ name: 'Pyongyang Broadcasting', aliases: ['PB', 'KOREAN CENTRAL NEWS AGENCY'] })).toEqual([['DUPLICATE', 'input.aliases.1']]);
    expect(await update({ id: tag.id, expectedVersion: tag.version, aliases: ['LTC Players', 'nis'] })).toEqual([['DUPLICATE', 'input.aliases.1']]);
    expect(await update({ id: tag.id, expectedVersion: tag.version, aliases: ['  North   korea '] })).toEqual([['DUPLICATE', 'input.aliases.0']]);
    // A name another tag goes by as an alias: whoever looks the name up must find one tag.
    expect(await create({ name: 'Kcna' })).toEqual([['DUPLICATE', 'input.name']]);
    expect(await update({ id: tag.id, expectedVersion: tag.version, name: 'DPRK' })).toEqual([['DUPLICATE', 'input.name']]);
    // The message names the tag that has it.
    const { createTag } = await desk.editor.request(DeskCreateTagWithAliasesDocument, { input: { name: 'Pyongyang Broadcasting', kind: 'ORGANIZATION', aliases: ['KCNA'] } });
    expect(createTag.userErrors[0].message).toContain('Korean Central News Agency');
    // The tag's own aliases are its own: kept, or given again, they are no duplicate.
    expect((await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: tag.version, aliases: ['ltc players', 'LTC'] } })).updateTag.userErrors).toEqual([]);
  });

  it('two editors giving the same alias to two tags at once: one is saved, the other is a DUPLICATE', async () => {
    const attempt = (name: string) => desk.editor.request(DeskCreateTagWithAliasesDocument, { input: { name, kind: 'ORGANIZATION', aliases: ['Twin alias'] } });
    const answers = await Promise.all([attempt('First twin'), attempt('Second twin')]);
    expect(answers.map((answer) => answer.createTag.userErrors.map((error) => error.code)).sort()).toEqual([[], ['DUPLICATE']]);
    expect(await names(desk.anonymous, 'twin alias')).toHaveLength(1);
  });

  it('refuses aliases repeated, blank, too long or too many, the name as its own alias, and an unknown tag', async () => {
    const tag = await tagWith(['ZRB']);
    expect(await create({ name: 'Zephyr Rowing Board', aliases: ['ZR', 'zr'] })).toEqual([['DUPLICATE', 'input.aliases.1']]);
    expect(await create({ name: 'Zephyr Rowing Board', aliases: [' ', 'x'.repeat(201)] })).toEqual([
      ['INVALID', 'input.aliases.0'],
      ['INVALID', 'input.aliases.1'],
    ]);
    expect(await create({ name: 'Zephyr Rowing Board', aliases: Array.from({ length: 21 }, (_, i) => `ZRB${i}`) })).toEqual([['INVALID', 'input.aliases']]);
    expect(await create({ name: 'Zephyr Rowing Board', aliases: ['ZEPHYR ROWING BOARD'] })).toEqual([['INVALID', 'input.aliases.0']]);
    // Renamed to its own alias while keeping it.
    expect(await update({ id: tag.id, expectedVersion: tag.version, name: 'zrb' })).toEqual([['INVALID', 'input.name']]);
    expect(await update({ id: tag.id, expectedVersion: tag.version, name: ' ' })).toEqual([['INVALID', 'input.name']]);
    const missing = Buffer.from('Tag:999999', 'utf8').toString('base64url');
    expect(await update({ id: missing, expectedVersion: 1, aliases: ['Nowhere'] })).toEqual([['NOT_FOUND', 'input.id']]);
    expect(await update({ id: Buffer.from('Author:1', 'utf8').toString('base64url'), expectedVersion: 1, aliases: ['Nowhere'] })).toEqual([['NOT_FOUND', 'input.id']]);
  });

  it('is for editors: a contributor is FORBIDDEN, an anonymous caller UNAUTHENTICATED, and nothing changes', async () => {
    const tag = await tagWith(['RSPB']);
    const before = await databaseRows(desk.t);
    const attempt = (client: GraphQLClient) => () => client.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: tag.version, aliases: ['Bird society'] } });
    expect(await refusalCode(attempt(desk.contributor))).toBe('FORBIDDEN');
    expect(await refusalCode(attempt(desk.anonymous))).toBe('UNAUTHENTICATED');
    const create = (client: GraphQLClient) => () => client.request(DeskCreateTagWithAliasesDocument, { input: { name: 'Bird society', kind: 'ORGANIZATION', aliases: ['BS'] } });
    expect(await refusalCode(create(desk.contributor))).toBe('FORBIDDEN');
    expect(await databaseRows(desk.t)).toEqual(before);
    expect((await desk.admin.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: tag.version, aliases: ['RSPB', 'Bird society'] } })).updateTag.userErrors).toEqual([]);
  });
});

describe('updateTag and versions: no edit is lost', () => {
  it('refuses a change made from another version (CONFLICT) and saves nothing; each saved change moves the version on by one', async () => {
    const tag = await tagWith(['OLV'], 'Old Lighthouse Volunteers');
    expect(tag.version).toBe(1);
    const { updateTag } = await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: 1, aliases: ['OLV', 'Lighthouse volunteers'] } });
    expect(updateTag.userErrors).toEqual([]);
    expect(updateTag.tag).toMatchObject({ version: 2, aliases: ['OLV', 'Lighthouse volunteers'] });
    // A second editor who loaded version 1 renames it: refused, and the first editor's aliases stand.
    expect(await update({ id: tag.id, expectedVersion: 1, name: 'Lighthouse Volunteers' })).toEqual([['CONFLICT', 'input.expectedVersion']]);
    expect(await update({ id: tag.id, expectedVersion: 3, aliases: [] })).toEqual([['CONFLICT', 'input.expectedVersion']]);
    const { updateTag: stale } = await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: 1, name: 'Lighthouse Volunteers' } });
    expect(stale.userErrors[0].message).toContain('now at version 2');
    expect((await desk.anonymous.request(TagAliasesDocument, { slug: tag.slug })).tag).toMatchObject({ name: 'Old Lighthouse Volunteers', aliases: ['OLV', 'Lighthouse volunteers'], version: 2 });
  });

  it('two editors saving from the same version at once: one change is saved, the other is a CONFLICT', async () => {
    const tag = await tagWith([], 'Harbour Pilots Guild');
    const attempt = (name: string) => desk.editor.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: tag.version, name } });
    const answers = await Promise.all([attempt('Harbour Pilots’ Guild'), attempt('Guild of Harbour Pilots')]);
    expect(answers.map((answer) => answer.updateTag.userErrors.map((error) => error.code)).sort()).toEqual([[], ['CONFLICT']]);
    const saved = answers.find((answer) => !answer.updateTag.userErrors.length)!.updateTag.tag!;
    expect((await desk.anonymous.request(TagAliasesDocument, { slug: tag.slug })).tag).toMatchObject({ name: saved.name, version: 2 });
  });

  it("a tag's version is the same wherever it is read: its page, an article's tags and a quote's speaker", async () => {
    const { tag } = await desk.anonymous.request(TagAliasesDocument, { slug: 'rodong-sinmun' });
    const { updateTag } = await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag!.id, expectedVersion: tag!.version, aliases: ['Rodong'] } });
    expect(updateTag.userErrors).toEqual([]);
    try {
      const version = updateTag.tag!.version;
      expect(version).toBe(tag!.version + 1);
      const { article } = await desk.anonymous.request(ArticleTagNamesDocument, { slug: SAEPPYOL.slug });
      expect(article!.tags.find((node) => node.slug === 'rodong-sinmun')!.version).toBe(version);
      const speakers = article!.quotes.flatMap((quote) => (quote.speaker?.slug === 'rodong-sinmun' ? [quote.speaker.version] : []));
      expect(speakers.length).toBeGreaterThan(0);
      expect(new Set(speakers)).toEqual(new Set([version]));
    } finally {
      const { updateTag: restored } = await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag!.id, expectedVersion: updateTag.tag!.version, aliases: tag!.aliases } });
      expect(restored.userErrors).toEqual([]);
    }
  });
});

describe('updateTag and the response cache', () => {
  it('a cached tag list, tag page and article page are fresh after an alias change', async () => {
    const url = desk.t.url;
    const tag = await tagWith([], 'Saltmarsh Conservancy');
    await warm(url, TagSearchDocument, { query: 'SMC', first: 10 });
    await warm(url, TagAliasesDocument, { slug: tag.slug });
    await warm(url, TagSearchDocument, { query: 'KCNA', first: 10 });
    await warm(url, ArticleTagNamesDocument, { slug: SAEPPYOL.slug });
    expect((await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: tag.version, aliases: ['SMC'] } })).updateTag.userErrors).toEqual([]);
    expect((await read(url, TagSearchDocument, { query: 'SMC', first: 10 })).data.tags.nodes.map((node) => node.name)).toEqual(['Saltmarsh Conservancy']);
    expect((await read(url, TagAliasesDocument, { slug: tag.slug })).data.tag!.aliases).toEqual(['SMC']);

    const { tag: agency } = await desk.anonymous.request(TagAliasesDocument, { slug: 'korean-central-news-agency' });
    expect((await desk.editor.request(DeskUpdateTagDocument, { input: { id: agency!.id, expectedVersion: agency!.version, aliases: ['KCNA', 'Korean Central News'] } })).updateTag.userErrors).toEqual([]);
    expect((await read(url, TagSearchDocument, { query: 'KCNA', first: 10 })).data.tags.nodes).toEqual([
      { slug: 'korean-central-news-agency', name: 'Korean Central News Agency', aliases: ['KCNA', 'Korean Central News'] },
    ]);
    const page = await read(url, ArticleTagNamesDocument, { slug: SAEPPYOL.slug });
    expect(page.data.article!.tags.find((node) => node.slug === 'korean-central-news-agency')!.aliases).toEqual(['KCNA', 'Korean Central News']);
  });

  it("a rename reaches cached article pages and article search (the tag's name is part of the articles' searchable text)", async () => {
    const url = desk.t.url;
    const { tag } = await desk.anonymous.request(TagAliasesDocument, { slug: 'kim-ju-ae' });
    const search = { query: 'Zephyrine' };
    await warm(url, ArticleTagNamesDocument, { slug: SAEPPYOL.slug });
    await warm(url, SearchDocument, search);
    expect((await read(url, SearchDocument, search)).data.search.totalCount).toBe(0);
    let version = tag!.version;
    const rename = async (name: string) => {
      const { updateTag } = await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag!.id, expectedVersion: version, name } });
      expect(updateTag.userErrors).toEqual([]);
      version = updateTag.tag!.version;
    };
    await rename('Kim Ju Ae Zephyrine');
    try {
      const page = await read(url, ArticleTagNamesDocument, { slug: SAEPPYOL.slug });
      expect(page.data.article!.tags.find((node) => node.slug === 'kim-ju-ae')!.name).toBe('Kim Ju Ae Zephyrine');
      const found = (await read(url, SearchDocument, search)).data.search.edges.map((edge) => edge.node.uri);
      expect(found).toContain(SAEPPYOL.path);
    } finally {
      await rename('Kim Ju Ae');
    }
    expect((await read(url, SearchDocument, search)).data.search.totalCount).toBe(0);
  });
});

describe('tag names as people type them', () => {
  const context = () => new Context({ em: desk.t.app.orm.em.fork(), dialect: onPostgres ? 'postgresql' : 'sqlite', viewer: null });
  const slugsOf = async (asked: string[]) => Object.fromEntries([...(await context().tags.byNamesOrAliases(asked))].map(([name, tag]) => [name, tag.slug]));

  it('finds a name whichever apostrophe it is written with, and letters beyond ASCII in any case, on both databases', async () => {
    expect(await slugsOf(["Workers' Party of Korea", 'WORKERS’ PARTY OF KOREA', 'workers‘ party of korea', 'Workers Party of Korea'])).toEqual({
      "Workers' Party of Korea": 'workers-party-of-korea',
      'WORKERS’ PARTY OF KOREA': 'workers-party-of-korea',
      'workers‘ party of korea': 'workers-party-of-korea',
    });
    const palace = await tagWith(['Palais de l’Élysée'], 'Élysée Palace');
    expect(await slugsOf(['ÉLYSÉE PALACE', 'élysée palace', "palais de l'élysée", 'Elysee Palace'])).toEqual({
      'ÉLYSÉE PALACE': palace.slug,
      'élysée palace': palace.slug,
      "palais de l'élysée": palace.slug,
    });
    expect(await names(desk.anonymous, 'ÉLYSÉE')).toEqual(['Élysée Palace']);
    expect(await names(desk.anonymous, "workers' party")).toEqual(['Workers’ Party of Korea']);
    // Another tag's name, written with the other apostrophe, is still that tag's: no alias may take it.
    expect(await create({ name: 'Pyongyang Workers', aliases: ["Workers' Party of Korea"] })).toEqual([['DUPLICATE', 'input.aliases.0']]);
  });

  it('finds a renamed tag by its new name, not its old one', async () => {
    const tag = await tagWith([], 'Quayside Traders’ Association');
    expect(await slugsOf(["quayside traders' association"])).toEqual({ "quayside traders' association": tag.slug });
    const { updateTag } = await desk.editor.request(DeskUpdateTagDocument, { input: { id: tag.id, expectedVersion: tag.version, name: 'Quayside Merchants’ Association' } });
    expect(updateTag.userErrors).toEqual([]);
    expect(await slugsOf(["quayside traders' association", 'QUAYSIDE MERCHANTS’ ASSOCIATION'])).toEqual({ 'QUAYSIDE MERCHANTS’ ASSOCIATION': tag.slug });
  });
});

describe('TagService.byNamesOrAliases', () => {
  const context = () => new Context({ em: desk.t.app.orm.em.fork(), dialect: onPostgres ? 'postgresql' : 'sqlite', viewer: null });

  it('finds tags by name or alias in any letter case, for many names in one statement', async () => {
    const asked = ['KCNA', 'north korea', '  National   Intelligence Service ', 'dprk', 'Nobody at all', ''];
    const service = context().tags;
    let found!: Map<string, { slug: string }>;
    const statements = await desk.t.countStatements(async () => {
      found = await service.byNamesOrAliases(asked);
    });
    expect(statements).toBe(1);
    expect(Object.fromEntries([...found].map(([name, tag]) => [name, tag.slug]))).toEqual({
      KCNA: 'korean-central-news-agency',
      'north korea': 'north-korea',
      '  National   Intelligence Service ': 'national-intelligence-service',
      dprk: 'north-korea',
    });
    expect((await service.byNamesOrAliases([])).size).toBe(0);
  });

  it("reads inside a mutation's transaction when given one", async () => {
    const found = await inTransaction(desk.t.app.orm.em.fork(), (tx) => context().tags.byNamesOrAliases(['NIS', 'Workers’ Party of Korea', 'wpk'], tx));
    expect([...found].map(([name, tag]) => [name, tag.slug, tag.__typename])).toEqual([
      ['NIS', 'national-intelligence-service', 'Tag'],
      ['Workers’ Party of Korea', 'workers-party-of-korea', 'Tag'],
      ['wpk', 'workers-party-of-korea', 'Tag'],
    ]);
  });
});
