/**
 * npm run import -- FILE --headline "…" --section world/asia [--markdown] [--author slug]…
 *
 * Imports copy from a file as a draft, as importArticle does over HTTP (one transaction, audited as
 * "npm run import"), and prints the draft's ID and what the analysis found: its structure, its quotes
 * with their speakers and outlets, and its tags. A .md file, or --markdown, is read as Markdown.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Role } from '../auth/viewer';
import { loadConfig, type DatabaseConfig } from '../config/config';
import { Context } from '../context';
import type { Orm } from '../database/orm';
import { prepareDatabase } from '../database/prepare';
import { ImportFormat } from '../modules/article/article.inputs';
import { toGlobalId } from '../modules/node/global-id';
import { runWithOrm } from './run';

const USAGE = 'usage: npm run import -- FILE --headline "<headline>" --section <section path, e.g. world/asia> [--markdown] [--author <author slug>]…';

/** Imports the file `args` name; answers what to print, or throws what went wrong. */
export async function importFile(orm: Orm, dialect: DatabaseConfig['kind'], args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { headline: { type: 'string' }, section: { type: 'string' }, markdown: { type: 'boolean' }, author: { type: 'string', multiple: true } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length || !values.headline || !values.section) throw new Error(USAGE);
  // Bytes that are not UTF-8 become U+FFFD here, which import refuses as copy in the wrong encoding.
  const text = new TextDecoder('utf-8').decode(fs.readFileSync(file));

  const context = new Context({
    em: orm.em.fork(),
    dialect,
    viewer: { tokenId: 0, name: `npm run import (${os.userInfo().username})`, role: Role.CONTRIBUTOR },
  });
  const section = await context.sections.byPath(values.section);
  if (!section) {
    const { reader } = context;
    const known = (await reader.all<{ path: string }>(reader.knex('section').select('path').orderBy('path'))).map((row) => row.path).join(', ');
    throw new Error(`No section has the path "${values.section}". Sections: ${known}.`);
  }
  const authors = await Promise.all((values.author ?? []).map(async (slug) => {
    const author = await context.authors.bySlug(slug);
    if (!author) throw new Error(`No author has the slug "${slug}".`);
    return toGlobalId('Author', author.id);
  }));

  const result = await context.articleEditor.importCopy({
    headline: values.headline,
    sectionId: toGlobalId('Section', section.id),
    authorIds: authors,
    text,
    format: values.markdown || /\.(md|markdown)$/i.test(file) ? ImportFormat.MARKDOWN : ImportFormat.PLAIN,
  });
  if (result.value === null) {
    throw new Error(['Nothing was imported:', ...result.userErrors.map((error) => `  ${error.field?.join('.') ?? 'input'}: ${error.message} (${error.code})`)].join('\n'));
  }
  return describeDraft(context, result.value);
}

if (require.main === module) {
  runWithOrm(async (orm) => {
    const config = loadConfig();
    // As `npm start` would: a fresh machine gets its database made first.
    await prepareDatabase(orm, { seed: config.seedDemo });
    return importFile(orm, config.database.kind, process.argv.slice(2));
  });
}

/** The draft as the analysis left it, for a person at a terminal. */
async function describeDraft(context: Context, id: number): Promise<string> {
  const { loaders } = context;
  const [article, body, quotes, tags] = await Promise.all([loaders.article.byId.load(id), loaders.article.body.load(id), loaders.quote.byArticle.load(id), loaders.tag.byArticle.load(id)]);
  const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
  const others = await loaders.tag.byId.loadMany(quotes.flatMap((quote) => [quote.speakerId, quote.reportedById]).filter((tagId): tagId is number => tagId !== null && !tagName.has(tagId)));
  for (const tag of others) if (tag && !(tag instanceof Error)) tagName.set(tag.id, tag.name);
  const count = (type: string) => body.filter((block) => block.type === type).length;
  const lines = [
    `Imported draft ${toGlobalId('Article', id)}: "${article!.headline}" (/${article!.slug}), version ${article!.version}`,
    `${count('HEADING')} subheadings, ${count('PARAGRAPH')} paragraphs, ${count('LIST')} lists`,
    `${quotes.length} quotes:`,
    ...quotes.map((quote) => {
      const speaker = quote.speakerName || '(the copy does not say who)';
      const outlet = quote.reportedById === null ? '' : `, reported by ${tagName.get(quote.reportedById)}`;
      return `  "${quote.text}" (${speaker}${outlet})`;
    }),
    `${tags.length} tags:`,
    ...tags.map((tag) => `  ${tag.name} [${tag.kind}] ${tag.slug}`),
  ];
  return lines.join('\n');
}
