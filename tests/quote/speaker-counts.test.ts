import { describe, expect, it } from 'vitest';
import {
  DeskAddQuoteDocument,
  DeskArchiveDocument,
  DeskIdsDocument,
  DeskPublishDocument,
  DeskRemoveQuoteDocument,
  DeskUnpublishDocument,
  QuoteSearchDocument,
  SpeakerQuotesDocument,
  UpdateQuoteDocument,
} from '../generated/graphql';
import { draft, useDesk } from '../editorial/support';
import { collectPages } from '../support/paging';
import type { Newsroom } from '../support/newsroom';

const desk = useDesk();

/** A speaker's quote count as a client reads it, checked against the quotes it lists (one page holds them all). */
async function listed(client: Newsroom['anonymous'], speaker: string): Promise<number> {
  const { quotes } = await client.request(QuoteSearchDocument, { filter: { speaker }, first: 100 });
  expect(quotes.nodes.length).toBe(quotes.totalCount);
  return quotes.totalCount;
}

/** What readers and the newsroom count for both speakers, and what the tag page says. */
async function counts() {
  const tagPage = await desk.anonymous.request(SpeakerQuotesDocument, { slug: 'kim-jong-un' });
  return {
    kim: await listed(desk.anonymous, 'kim-jong-un'),
    kimOnTagPage: tagPage.tag!.quotes.totalCount,
    kimForEditors: await listed(desk.editor, 'kim-jong-un'),
    rodong: await listed(desk.anonymous, 'rodong-sinmun'),
  };
}

/** What the triggers keep, beside what a count of the rows says, as lines of text (PostgreSQL counts are bigints). */
async function keptAndCounted() {
  const connection = desk.t.app.orm.em.getConnection();
  const lines = (rows: Record<string, unknown>[]) => rows.map((row) => Object.values(row).map(String).join(' '));
  return {
    kept: lines(await connection.execute('select speaker_id, status, quotes from speaker_quote_count where quotes > 0 order by speaker_id, status')),
    counted: lines(
      await connection.execute(
        'select q.speaker_id, a.status, count(*) as quotes from quote q join article a on a.id = q.article_id where q.speaker_id is not null group by q.speaker_id, a.status order by q.speaker_id, a.status',
      ),
    ),
  };
}

describe("a speaker's quote count (kept by triggers, not counted per request)", () => {
  it('follows every quote added, credited, removed, and every change of its article, as counted from the rows', async () => {
    const start = await counts();
    expect(start.kim).toBeGreaterThan(0);
    const { tag: rodong } = await desk.admin.request(DeskIdsDocument, { section: 'world', tag: 'rodong-sinmun', author: 'hana-seo', slug: 'none' });
    const article = await draft(desk);
    const { addQuote } = await desk.admin.request(DeskAddQuoteDocument, {
      input: { articleId: article.id, text: 'the bridge would open in spring', speakerName: 'Kim Jong Un', speakerId: desk.ids.tag },
    });
    expect(addQuote.userErrors).toEqual([]);
    // A draft's quote is the newsroom's to see, not the public's.
    expect(await counts()).toEqual({ ...start, kimForEditors: start.kimForEditors + 1 });

    const published = (await desk.admin.request(DeskPublishDocument, { id: article.id })).publishArticle.article!;
    const both = { ...start, kim: start.kim + 1, kimOnTagPage: start.kimOnTagPage + 1, kimForEditors: start.kimForEditors + 1 };
    expect(await counts()).toEqual(both);

    // Credited to someone else: it moves from one speaker's count to the other's.
    const recredited = await desk.admin.request(UpdateQuoteDocument, { input: { id: addQuote.quote!.id, expectedVersion: published.version, speakerId: rodong!.id, speakerName: 'Rodong Sinmun' } });
    expect(recredited.updateQuote.userErrors).toEqual([]);
    expect(await counts()).toEqual({ ...start, rodong: start.rodong + 1 });

    await desk.admin.request(DeskUnpublishDocument, { id: article.id });
    expect(await counts()).toEqual(start);

    // Scheduled a moment ahead: counted for readers from that moment, with nobody acting.
    const at = new Date(Date.now() + 1_500);
    expect((await desk.admin.request(DeskPublishDocument, { id: article.id, at: at.toISOString() })).publishArticle.article!.status).toBe('SCHEDULED');
    expect(await counts()).toEqual(start);
    await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 100));
    expect(await counts()).toEqual({ ...start, rodong: start.rodong + 1 });

    await desk.admin.request(DeskArchiveDocument, { id: article.id });
    expect(await counts()).toEqual({ ...start, rodong: start.rodong + 1 });

    const removed = await desk.admin.request(DeskRemoveQuoteDocument, { id: addQuote.quote!.id });
    expect(removed.removeQuote.userErrors).toEqual([]);
    expect(await counts()).toEqual(start);

    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
  });

  it("lets the newsroom page through quotes of drafts, which have no date and come after every dated one", async () => {
    for (const text of ['the bridge would open in spring', 'the bridge would open in spring, officials confirmed']) {
      const article = await draft(desk);
      const { addQuote } = await desk.admin.request(DeskAddQuoteDocument, { input: { articleId: article.id, text, speakerName: 'Kim Jong Un', speakerId: desk.ids.tag } });
      expect(addQuote.userErrors).toEqual([]);
    }
    // The speaker's own index, and the general list (words to find), page alike.
    for (const filter of [{ speaker: 'kim-jong-un' }, { speaker: 'kim-jong-un', query: 'the' }]) {
      const whole = (await desk.editor.request(QuoteSearchDocument, { filter, first: 100 })).quotes;
      const paged = await collectPages(async (after) => (await desk.editor.request(QuoteSearchDocument, { filter, first: 1, after })).quotes);
      expect(paged).toEqual(whole.nodes);
      expect(paged.length).toBe(whole.totalCount);
      expect(paged.slice(-2).map((quote) => quote.text)).toEqual(['the bridge would open in spring, officials confirmed', 'the bridge would open in spring']);
    }
  });
});
