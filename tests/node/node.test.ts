import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleBySlugDocument, NodeByIdDocument, NodesByIdsDocument, SectionListDocument, TagPageDocument, AuthorPageDocument } from '../generated/graphql';
import { expectGraphQLError, startTestApp, type TestApp } from '../support/app';
import { SAEPPYOL } from '../support/demo';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('global object identification', () => {
  it('round-trips every kind of node through node(id:)', async () => {
    const { article } = await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug });
    const { sections } = await t.client.request(SectionListDocument, {});
    const { tag } = await t.client.request(TagPageDocument, { slug: 'kim-jong-un' });
    const { author } = await t.client.request(AuthorPageDocument, { slug: article!.authors[0].slug });
    const expected = [
      { id: article!.id, __typename: 'Article', headline: SAEPPYOL.headline },
      { id: sections[0].id, __typename: 'Section', path: 'world' },
      { id: tag!.id, __typename: 'Tag', name: 'Kim Jong Un' },
      { id: author!.id, __typename: 'Author', name: article!.authors[0].name },
      { id: article!.quotes[1].id, __typename: 'Quote', text: 'immortality of the martyrs' },
      { id: article!.mainImage!.id, __typename: 'Image', url: article!.mainImage!.url },
    ];
    for (const { id, ...fields } of expected) {
      const { node } = await t.client.request(NodeByIdDocument, { id });
      expect(node).toMatchObject({ id, ...fields });
    }
  });

  it('answers nodes(ids:) in the order asked, with null for what does not exist', async () => {
    const { article } = await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug });
    const missing = Buffer.from('Article:999999').toString('base64url');
    const { nodes } = await t.client.request(NodesByIdsDocument, { ids: [article!.quotes[0].id, missing, article!.id] });
    expect(nodes.map((node) => node?.__typename ?? null)).toEqual(['Quote', null, 'Article']);
  });

  it('gives ids that are opaque and stable across requests', async () => {
    const first = await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug });
    const second = await t.client.request(ArticleBySlugDocument, { slug: SAEPPYOL.slug });
    expect(first.article!.id).toBe(second.article!.id);
    expect(first.article!.id).not.toMatch(/^\d+$/);
  });

  it('refuses an id it never gave out with BAD_USER_INPUT', async () => {
    const errors = await expectGraphQLError(t.client, NodeByIdDocument, { id: 'not-an-id!' }, 'BAD_USER_INPUT');
    expect(errors[0].message).toContain('"id"');
    await expectGraphQLError(t.client, NodeByIdDocument, { id: Buffer.from('Spaceship:1').toString('base64url') }, 'BAD_USER_INPUT');
  });
});
