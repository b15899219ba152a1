import { describe, expect, it } from 'vitest';
import { ARTICLE_FIELDS } from '../../src/modules/article/article.fields';
import type { FieldSpec } from '../../src/schema/editable-fields';
import { useDesk } from '../editorial/support';

const desk = useDesk();
const fields = Object.entries(ARTICLE_FIELDS.specs) as [string, FieldSpec][];
const names = fields.map(([name]) => name).join(' ');

/** A value an editor could give the field, different for each `n`. */
function sample(name: string, spec: FieldSpec, n: number): string {
  return spec.kind === 'text' ? `${name} value ${n}`.slice(0, spec.max) : new Date(Date.UTC(2026, 0, n)).toISOString();
}

// Raw documents built from the description, so a field added to it is tested here with no other change.
const ARTICLE = `id version slug ${names} revisions { version changes ${names} }`;
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { ${ARTICLE} } userErrors { field code } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { ${ARTICLE} } userErrors { field code } } }`;
const RESTORE = `mutation($input: RestoreArticleRevisionInput!) { restoreArticleRevision(input: $input) { article { ${ARTICLE} } userErrors { field code } } }`;
const READ = `query($slug: String!) { article(slug: $slug) { ${names} } articles(filter: { status: DRAFT }, first: 100) { nodes { slug ${names} } } }`;

type Saved = { id: string; version: number; slug: string; revisions: Record<string, unknown>[] } & Record<string, unknown>;
type Payload = { article: Saved | null; userErrors: { field: string[]; code: string }[] };

describe('every field ARTICLE_FIELDS describes is stored, read, checked, kept in revisions and restored', () => {
  it('has a column on the entity of its name, size and nullability', () => {
    const properties = desk.t.app.orm.getMetadata().get('Article').properties as Record<string, { fieldNames: string[]; nullable?: boolean; length?: number }>;
    for (const [name, spec] of fields) {
      expect(properties[name]?.fieldNames, name).toEqual([spec.column]);
      expect(Boolean(properties[name].nullable), name).toBe(!spec.required);
      if (spec.kind === 'text') expect(properties[name].length, name).toBe(spec.max);
    }
  });

  it('flows through create, reads, update, revisions and restore', async () => {
    const first = Object.fromEntries(fields.map(([name, spec]) => [name, sample(name, spec, 1)]));
    const created = ((await desk.editor.request(CREATE, { input: { ...first, sectionId: desk.ids.section } })) as { createArticle: Payload }).createArticle;
    expect(created.userErrors).toEqual([]);
    const article = created.article!;
    for (const [name] of fields) expect(article[name], name).toBe(first[name]);
    expect(article.revisions[0]).toMatchObject(first);

    const read = (await desk.editor.request(READ, { slug: article.slug })) as { article: Record<string, unknown>; articles: { nodes: Record<string, unknown>[] } };
    expect(read.article).toEqual(first);
    expect(read.articles.nodes.find((node) => node.slug === article.slug)).toMatchObject(first);

    let version = article.version;
    for (const [name, spec] of fields) {
      const value = sample(name, spec, 2);
      const updated = ((await desk.editor.request(UPDATE, { input: { id: article.id, expectedVersion: version, [name]: value } })) as { updateArticle: Payload }).updateArticle;
      expect(updated.userErrors, name).toEqual([]);
      const saved = updated.article!;
      expect(saved[name], name).toBe(value);
      expect(saved.revisions[0].changes, name).toEqual([name]);
      expect(saved.revisions[0][name], name).toBe(value);
      expect(saved.revisions[1][name], name).toBe(first[name]);
      version = saved.version;
      if (!spec.required) {
        const cleared = ((await desk.editor.request(UPDATE, { input: { id: article.id, expectedVersion: version, [name]: null } })) as { updateArticle: Payload }).updateArticle;
        expect(cleared.article?.[name], name).toBeNull();
        version = cleared.article!.version;
      }
    }

    const restored = ((await desk.editor.request(RESTORE, { input: { articleId: article.id, expectedVersion: version, version: 1 } })) as { restoreArticleRevision: Payload }).restoreArticleRevision;
    expect(restored.userErrors).toEqual([]);
    for (const [name] of fields) expect(restored.article![name], name).toBe(first[name]);
  });

  it('refuses a value past its limit, and an empty required one, naming the field and saving nothing', async () => {
    const valid = Object.fromEntries(fields.map(([name, spec]) => [name, sample(name, spec, 3)]));
    for (const [name, spec] of fields) {
      const wrong = spec.kind === 'text' ? [['x'.repeat(spec.max + 1)], ...(spec.required ? [['  ']] : [])] : [];
      for (const [value] of wrong) {
        const refused = ((await desk.editor.request(CREATE, { input: { ...valid, [name]: value, sectionId: desk.ids.section } })) as { createArticle: Payload }).createArticle;
        expect(refused.article, name).toBeNull();
        expect(refused.userErrors, name).toEqual([{ field: ['input', name], code: 'INVALID' }]);
      }
    }
  });
});
