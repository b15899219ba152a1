import { ClientError, type GraphQLClient } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import {
  AddLiveblogEntryDocument,
  DeskAddCorrectionDocument,
  DeskAddQuoteDocument,
  DeskArchiveDocument,
  DeskCreateApiTokenDocument,
  DeskCreateArticleDocument,
  DeskCreateAuthorDocument,
  DeskCreateSectionDocument,
  DeskCreateTagDocument,
  DeskUpdateTagDocument,
  EmbargoArticleDocument,
  DeskImportDocument,
  DeskPublishDocument,
  DeskRemoveQuoteDocument,
  DeskRestoreRevisionDocument,
  DeskRevokeApiTokenDocument,
  DeskSetRelatedDocument,
  DeskUnpublishDocument,
  DeskUpdateArticleDocument,
  ReanalyzeArticleDocument,
  RemoveLiveblogEntryDocument,
  SetLiveblogStateDocument,
  UpdateLiveblogEntryDocument,
  UpdateQuoteDocument,
} from '../generated/graphql';
import { databaseRows, type Newsroom } from '../support/newsroom';
import { draft, publishedDraft, quotedDraft, useDesk } from './support';

const desk = useDesk();

type Caller = keyof Newsroom;
const CALLERS: Caller[] = ['anonymous', 'contributor', 'editor', 'admin'];
const RANK: Record<Caller, number> = { anonymous: 0, contributor: 1, editor: 2, admin: 3 };

/** What a mutation's payload says: the saved object (or null) and the user errors. */
type Outcome = { saved: unknown; userErrors: unknown[] };

interface Case {
  /** The lowest caller allowed. */
  least: Caller;
  /** Sets up what the attempt needs (as an admin) and returns the attempt. */
  prepare(n: number): Promise<(client: GraphQLClient) => Promise<Outcome>>;
}

/** A draft an admin has made a LIVE liveblog, with one entry. */
async function liveDraft() {
  const article = await draft(desk);
  const { setLiveblogState } = await desk.admin.request(SetLiveblogStateDocument, { input: { articleId: article.id, expectedVersion: article.version, state: 'LIVE' } });
  expect(setLiveblogState.userErrors).toEqual([]);
  const { addLiveblogEntry } = await desk.admin.request(AddLiveblogEntryDocument, { input: { articleId: article.id, bodyMarkdown: 'The count begins.' } });
  expect(addLiveblogEntry.userErrors).toEqual([]);
  return { article: setLiveblogState.article!, entry: addLiveblogEntry.entry! };
}

const CASES: Record<string, Case> = {
  createArticle: {
    least: 'contributor',
    prepare: async (n) => async (client) => {
      const { createArticle } = await client.request(DeskCreateArticleDocument, { input: { headline: `Grid story ${n}`, sectionId: desk.ids.section, authorIds: [desk.ids.author] } });
      return { saved: createArticle.article, userErrors: createArticle.userErrors };
    },
  },
  updateArticle: {
    least: 'contributor',
    prepare: async () => {
      const article = await draft(desk);
      return async (client) => {
        const { updateArticle } = await client.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: article.version, headline: 'Revised' } });
        return { saved: updateArticle.article, userErrors: updateArticle.userErrors };
      };
    },
  },
  restoreArticleRevision: {
    least: 'contributor',
    prepare: async () => {
      const article = await draft(desk);
      return async (client) => {
        const { restoreArticleRevision } = await client.request(DeskRestoreRevisionDocument, { input: { articleId: article.id, version: 1, expectedVersion: article.version } });
        return { saved: restoreArticleRevision.article, userErrors: restoreArticleRevision.userErrors };
      };
    },
  },
  publishArticle: {
    least: 'editor',
    prepare: async () => {
      const article = await draft(desk);
      return async (client) => {
        const { publishArticle } = await client.request(DeskPublishDocument, { id: article.id });
        return { saved: publishArticle.article, userErrors: publishArticle.userErrors };
      };
    },
  },
  unpublishArticle: {
    least: 'editor',
    prepare: async () => {
      const article = await publishedDraft(desk);
      return async (client) => {
        const { unpublishArticle } = await client.request(DeskUnpublishDocument, { id: article.id });
        return { saved: unpublishArticle.article, userErrors: unpublishArticle.userErrors };
      };
    },
  },
  archiveArticle: {
    least: 'editor',
    prepare: async () => {
      const article = await publishedDraft(desk);
      return async (client) => {
        const { archiveArticle } = await client.request(DeskArchiveDocument, { id: article.id });
        return { saved: archiveArticle.article, userErrors: archiveArticle.userErrors };
      };
    },
  },
  addCorrection: {
    least: 'editor',
    prepare: async () => {
      const article = await publishedDraft(desk);
      return async (client) => {
        const { addCorrection } = await client.request(DeskAddCorrectionDocument, { articleId: article.id, text: 'An earlier version misnamed the bridge.' });
        return { saved: addCorrection.article, userErrors: addCorrection.userErrors };
      };
    },
  },
  setRelatedCoverage: {
    least: 'editor',
    prepare: async () => {
      const article = await draft(desk);
      return async (client) => {
        const { setRelatedCoverage } = await client.request(DeskSetRelatedDocument, { articleId: article.id, items: [{ articleId: desk.ids.published, relation: 'BACKGROUND' }] });
        return { saved: setRelatedCoverage.article, userErrors: setRelatedCoverage.userErrors };
      };
    },
  },
  importArticle: {
    least: 'contributor',
    prepare: async (n) => async (client) => {
      const { importArticle } = await client.request(DeskImportDocument, { input: { headline: `Wire copy ${n}`, sectionId: desk.ids.section, text: 'Shares closed flat on Tuesday, traders said.' } });
      return { saved: importArticle.article, userErrors: importArticle.userErrors };
    },
  },
  addQuote: {
    least: 'contributor',
    prepare: async () => {
      const article = await draft(desk);
      return async (client) => {
        const { addQuote } = await client.request(DeskAddQuoteDocument, { input: { articleId: article.id, text: 'open in spring', speakerName: 'The minister', speakerId: desk.ids.tag } });
        return { saved: addQuote.quote, userErrors: addQuote.userErrors };
      };
    },
  },
  removeQuote: {
    least: 'contributor',
    prepare: async () => {
      const { quote } = await quotedDraft(desk);
      return async (client) => {
        const { removeQuote } = await client.request(DeskRemoveQuoteDocument, { id: quote.id });
        return { saved: removeQuote.quote, userErrors: removeQuote.userErrors };
      };
    },
  },
  reanalyzeArticle: {
    least: 'contributor',
    prepare: async () => {
      const article = await draft(desk);
      return async (client) => {
        const { reanalyzeArticle } = await client.request(ReanalyzeArticleDocument, { id: article.id, expectedVersion: article.version });
        return { saved: reanalyzeArticle.article, userErrors: reanalyzeArticle.userErrors };
      };
    },
  },
  updateQuote: {
    least: 'contributor',
    prepare: async () => {
      const { quote } = await quotedDraft(desk);
      return async (client) => {
        const { updateQuote } = await client.request(UpdateQuoteDocument, { input: { id: quote.id, expectedVersion: quote.article.version, speakerName: 'The transport minister' } });
        return { saved: updateQuote.quote, userErrors: updateQuote.userErrors };
      };
    },
  },
  embargoArticle: {
    least: 'editor',
    prepare: async () => {
      const article = await draft(desk);
      return async (client) => {
        const { embargoArticle } = await client.request(EmbargoArticleDocument, { id: article.id, until: new Date(Date.now() + 3_600_000).toISOString() });
        return { saved: embargoArticle.article, userErrors: embargoArticle.userErrors };
      };
    },
  },
  setLiveblogState: {
    least: 'editor',
    prepare: async () => {
      const article = await draft(desk);
      return async (client) => {
        const { setLiveblogState } = await client.request(SetLiveblogStateDocument, { input: { articleId: article.id, expectedVersion: article.version, state: 'LIVE' } });
        return { saved: setLiveblogState.article, userErrors: setLiveblogState.userErrors };
      };
    },
  },
  addLiveblogEntry: {
    least: 'contributor',
    prepare: async () => {
      const { article } = await liveDraft();
      return async (client) => {
        const { addLiveblogEntry } = await client.request(AddLiveblogEntryDocument, { input: { articleId: article.id, title: 'Turnout', bodyMarkdown: 'Turnout is up on last time.' } });
        return { saved: addLiveblogEntry.entry, userErrors: addLiveblogEntry.userErrors };
      };
    },
  },
  updateLiveblogEntry: {
    least: 'contributor',
    prepare: async () => {
      const { entry } = await liveDraft();
      return async (client) => {
        const { updateLiveblogEntry } = await client.request(UpdateLiveblogEntryDocument, { input: { id: entry.id, expectedRevision: entry.revision, bodyMarkdown: 'The count has begun.' } });
        return { saved: updateLiveblogEntry.entry, userErrors: updateLiveblogEntry.userErrors };
      };
    },
  },
  removeLiveblogEntry: {
    least: 'contributor',
    prepare: async () => {
      const { entry } = await liveDraft();
      return async (client) => {
        const { removeLiveblogEntry } = await client.request(RemoveLiveblogEntryDocument, { id: entry.id, expectedRevision: entry.revision });
        return { saved: removeLiveblogEntry.entry, userErrors: removeLiveblogEntry.userErrors };
      };
    },
  },
  createSection: {
    least: 'admin',
    prepare: async (n) => async (client) => {
      const { createSection } = await client.request(DeskCreateSectionDocument, { input: { name: `Grid desk ${n}`, parentId: desk.ids.section } });
      return { saved: createSection.section, userErrors: createSection.userErrors };
    },
  },
  createTag: {
    least: 'editor',
    prepare: async (n) => async (client) => {
      const { createTag } = await client.request(DeskCreateTagDocument, { input: { name: `Grid topic ${n}`, kind: 'TOPIC' } });
      return { saved: createTag.tag, userErrors: createTag.userErrors };
    },
  },
  updateTag: {
    least: 'editor',
    prepare: async (n) => {
      const { createTag } = await desk.admin.request(DeskCreateTagDocument, { input: { name: `Grid renamed ${n}`, kind: 'TOPIC' } });
      return async (client) => {
        const { updateTag } = await client.request(DeskUpdateTagDocument, { input: { id: createTag.tag!.id, expectedVersion: createTag.tag!.version, aliases: [`Grid alias ${n}`] } });
        return { saved: updateTag.tag, userErrors: updateTag.userErrors };
      };
    },
  },
  createAuthor: {
    least: 'editor',
    prepare: async (n) => async (client) => {
      const { createAuthor } = await client.request(DeskCreateAuthorDocument, { input: { name: `Grid Writer ${n}` } });
      return { saved: createAuthor.author, userErrors: createAuthor.userErrors };
    },
  },
  createApiToken: {
    least: 'admin',
    prepare: async (n) => async (client) => {
      const { createApiToken } = await client.request(DeskCreateApiTokenDocument, { input: { name: `Grid token ${n}`, role: 'CONTRIBUTOR' } });
      return { saved: createApiToken.apiToken, userErrors: createApiToken.userErrors };
    },
  },
  revokeApiToken: {
    least: 'admin',
    prepare: async (n) => {
      const name = `Grid doomed ${n}`;
      await desk.admin.request(DeskCreateApiTokenDocument, { input: { name, role: 'EDITOR' } });
      return async (client) => {
        const { revokeApiToken } = await client.request(DeskRevokeApiTokenDocument, { name });
        return { saved: revokeApiToken.apiToken, userErrors: revokeApiToken.userErrors };
      };
    },
  },
};

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

describe('every mutation × every caller', () => {
  let n = 0;
  const rows = Object.keys(CASES).flatMap((mutation) => CALLERS.map((caller) => [mutation, caller] as const));

  it.each(rows)('%s as %s', async (mutation, caller) => {
    const spec = CASES[mutation];
    const attempt = await spec.prepare(++n);
    const client = desk[caller];
    if (RANK[caller] >= RANK[spec.least]) {
      const outcome = await attempt(client);
      expect(outcome.userErrors).toEqual([]);
      expect(outcome.saved).not.toBeNull();
      return;
    }
    const before = await databaseRows(desk.t);
    expect(await refusalCode(() => attempt(client))).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    expect(await databaseRows(desk.t)).toEqual(before);
  });

  it('covers every mutation in the schema', async () => {
    const { buildMastheadSchema } = await import('../../src/schema/build-schema');
    expect(Object.keys(buildMastheadSchema().getMutationType()!.getFields()).sort()).toEqual(Object.keys(CASES).sort());
  });
});

describe('contributors work on drafts only', () => {
  it('cannot change a published article, and nothing changes', async () => {
    const article = await publishedDraft(desk);
    const before = await databaseRows(desk.t);
    const code = await refusalCode(() => desk.contributor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: article.version, headline: 'Sneaky' } }));
    expect(code).toBe('FORBIDDEN');
    expect(await databaseRows(desk.t)).toEqual(before);
  });
});
