import { ClientError } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import {
  ArticleBySlugDocument,
  DeskAddCorrectionDocument,
  DeskAuditLogDocument,
  DeskCreateSectionDocument,
  DeskIdsDocument,
  DeskPublishDocument,
  DeskRestoreRevisionDocument,
  DeskRevisionsDocument,
  DeskRouteDocument,
  DeskUpdateArticleDocument,
} from '../generated/graphql';
import { draft, useDesk } from './support';

const desk = useDesk();

const codeOf = (error: unknown) => (error instanceof ClientError ? error.response.errors?.[0]?.extensions?.code : error);

describe('redirects', () => {
  it('a slug change and a section move leave permanent redirects, and chains collapse', async () => {
    const article = await draft(desk, 'Ferry strike ends');
    await desk.editor.request(DeskPublishDocument, { id: article.id });
    const renamed = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 2, slug: 'ferry-strike-over' } });
    expect(renamed.updateArticle.article?.uri).toBe('/world/asia/ferry-strike-over');
    const europe = (await desk.editor.request(DeskIdsDocument, { section: 'world/europe', tag: 'x', author: 'x', slug: 'x' })).section!.id;
    const moved = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 3, sectionId: europe } });
    expect(moved.updateArticle.article?.uri).toBe('/world/europe/ferry-strike-over');

    for (const old of ['/world/asia/ferry-strike-ends', '/world/asia/ferry-strike-over']) {
      const { route } = await desk.anonymous.request(DeskRouteDocument, { path: old });
      expect(route).toEqual({ __typename: 'Redirect', location: '/world/europe/ferry-strike-over', permanent: true });
    }
    // Back to the first slug: that path is live again, not a redirect to itself.
    await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 4, slug: 'ferry-strike-ends', sectionId: desk.ids.section } });
    expect((await desk.anonymous.request(DeskRouteDocument, { path: '/world/asia/ferry-strike-ends' })).route).toEqual({ __typename: 'Article', slug: 'ferry-strike-ends' });
    expect((await desk.anonymous.request(DeskRouteDocument, { path: '/world/europe/ferry-strike-over' })).route).toEqual({ __typename: 'Redirect', location: '/world/asia/ferry-strike-ends', permanent: true });
  });
});

describe('revisions', () => {
  it('keeps who, when and what changed for every save, and restores an old version as a new one', async () => {
    const article = await draft(desk, 'Council votes on budget');
    await desk.contributor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: 1, headline: 'Council passes budget', standfirst: 'By one vote.' } });
    await desk.editor.request(DeskPublishDocument, { id: article.id });
    await desk.editor.request(DeskAddCorrectionDocument, { articleId: article.id, text: 'The vote was 12 to 11.' });

    const { article: history } = await desk.editor.request(DeskRevisionsDocument, { slug: article.slug });
    expect(history?.revisions.map((r) => [r.version, r.action, r.savedBy, r.savedByRole, r.changes])).toEqual([
      [4, 'addCorrection', 'Test editor', 'EDITOR', ['corrections']],
      [3, 'publishArticle', 'Test editor', 'EDITOR', ['status', 'publishedAt']],
      [2, 'updateArticle', 'Test contributor', 'CONTRIBUTOR', ['headline', 'standfirst']],
      [1, 'createArticle', 'Test admin', 'ADMIN', ['slug', 'headline', 'section', 'body']],
    ]);
    expect(history?.revisions[3]).toMatchObject({ headline: 'Council votes on budget', bodyText: 'The minister said the bridge would open in spring, officials confirmed.' });

    const stale = await desk.editor.request(DeskRestoreRevisionDocument, { input: { articleId: article.id, version: 1, expectedVersion: 3 } });
    expect(stale.restoreArticleRevision.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    const { restoreArticleRevision } = await desk.editor.request(DeskRestoreRevisionDocument, { input: { articleId: article.id, version: 1, expectedVersion: 4 } });
    expect(restoreArticleRevision.userErrors).toEqual([]);
    expect(restoreArticleRevision.article).toMatchObject({ version: 5, headline: 'Council votes on budget', standfirst: null, status: 'PUBLISHED' });
    const { article: after } = await desk.editor.request(DeskRevisionsDocument, { slug: article.slug });
    expect(after?.revisions[0]).toMatchObject({ version: 5, action: 'restoreArticleRevision', changes: ['headline', 'standfirst'] });
  });

  it("keeps each version's authors and tags, so restoring a headline-only save brings back the credits it had", async () => {
    const article = await draft(desk, 'Harbour reopens');
    const save = async (input: Record<string, unknown>, expectedVersion: number) => {
      const { updateArticle } = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion, ...input } });
      expect(updateArticle.userErrors).toEqual([]);
    };
    await save({ authorIds: [desk.ids.author], tagIds: [desk.ids.tag] }, 1);
    await save({ headline: 'Harbour reopens after the storm' }, 2);
    await save({ authorIds: [], tagIds: [] }, 3);

    const { restoreArticleRevision } = await desk.editor.request(DeskRestoreRevisionDocument, { input: { articleId: article.id, version: 3, expectedVersion: 4 } });
    expect(restoreArticleRevision.userErrors).toEqual([]);
    const { article: restored } = await desk.editor.request(ArticleBySlugDocument, { slug: article.slug });
    expect(restored).toMatchObject({ headline: 'Harbour reopens after the storm', authors: [{ slug: 'hana-seo' }], tags: [{ slug: 'kim-jong-un' }] });
  });

  it('are for the newsroom only', async () => {
    const error = await desk.anonymous.request(DeskRevisionsDocument, { slug: 'kim-jong-un-opens-saeppyol-street-homes' }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('UNAUTHENTICATED');
  });
});

describe('the audit log', () => {
  it('records who did what to which object, for admins only', async () => {
    const { createSection } = await desk.admin.request(DeskCreateSectionDocument, { input: { name: 'Audit desk' } });
    const { auditLog } = await desk.admin.request(DeskAuditLogDocument, { first: 1 });
    expect(auditLog.nodes).toEqual([
      expect.objectContaining({ actor: 'Test admin', actorRole: 'ADMIN', action: 'createSection', subjectType: 'Section', subjectId: createSection.section!.id, subject: { __typename: 'Section', id: createSection.section!.id } }),
    ]);
    const article = await draft(desk);
    await desk.editor.request(DeskPublishDocument, { id: article.id });
    const { auditLog: forArticle } = await desk.admin.request(DeskAuditLogDocument, { subjectId: article.id });
    expect(forArticle.nodes.map((entry) => [entry.action, entry.actor])).toEqual([
      ['publishArticle', 'Test editor'],
      ['createArticle', 'Test admin'],
    ]);
    expect(forArticle.totalCount).toBe(2);
    for (const client of [desk.anonymous, desk.contributor, desk.editor]) {
      expect(codeOf(await client.request(DeskAuditLogDocument, {}).catch((e: unknown) => e))).toBe(client === desk.anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });

  it('pages newest first', async () => {
    const first = await desk.admin.request(DeskAuditLogDocument, { first: 2 });
    const next = await desk.admin.request(DeskAuditLogDocument, { first: 2, after: first.auditLog.pageInfo.endCursor });
    const all = await desk.admin.request(DeskAuditLogDocument, { first: 4 });
    expect([...first.auditLog.nodes, ...next.auditLog.nodes]).toEqual(all.auditLog.nodes);
  });
});
