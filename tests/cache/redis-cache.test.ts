import { describe, expect, it } from 'vitest';
import { ArticlePageDocument } from '../generated/graphql';
import { useTwoInstances } from '../support/instances';
import { SAEPPYOL } from '../support/demo';
import { readAfterEveryWrite } from './read-after-write';
import { read } from './support';

/** Two instances of the app on one database, sharing answers through the machine's Redis. */
const instances = useTwoInstances();

describe('the response cache in Redis, two instances', () => {
  it('an answer one instance computed is a hit on the other, with no statement there', async () => {
    const page = { path: SAEPPYOL.path };
    expect((await read(instances.writer.url, ArticlePageDocument, page)).cache).toBe('MISS');
    let answer!: Awaited<ReturnType<typeof read>>;
    const statements = await instances.reader.countStatements(async () => {
      answer = await read(instances.reader.url, ArticlePageDocument, page);
    });
    expect(answer.cache).toBe('HIT');
    expect(statements).toBe(0);
    expect(answer.data).toMatchObject({ route: { headline: SAEPPYOL.headline } });
  });
});

describe('a read on one instance after every kind of write on the other', () => {
  readAfterEveryWrite(() => ({ desk: instances.desk, ids: instances.ids, readerUrl: instances.reader.url }));
});
