import { RequestContext, TransactionContext } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/database/transaction';
import { Tag } from '../../src/modules/tag/tag.entity';
import { TagKind } from '../../src/modules/tag/tag.enums';
import { DeskArticleDocument, DeskUpdateArticleDocument } from '../generated/graphql';
import { draft, useDesk } from '../editorial/support';

const desk = useDesk();

const tagNamed = (slug: string) => desk.t.app.orm.em.fork().findOne(Tag, { slug });
const newTag = (slug: string) => ({ slug, name: slug, kind: TagKind.TOPIC });

describe('inTransaction', () => {
  it('commits what the work persisted, and a throw anywhere in it keeps nothing', async () => {
    await inTransaction(desk.t.app.orm.em.fork(), async (tx) => {
      tx.create(Tag, newTag('kept-topic'));
    });
    await expect(
      inTransaction(desk.t.app.orm.em.fork(), async (tx) => {
        tx.create(Tag, newTag('lost-topic'));
        await tx.flush();
        throw new Error('the work failed after its flush');
      }),
    ).rejects.toThrow('the work failed after its flush');
    expect((await tagNamed('kept-topic'))?.name).toBe('kept-topic');
    expect(await tagNamed('lost-topic')).toBeNull();
  });

  it('inside a transaction, rolls back only its own part', async () => {
    await inTransaction(desk.t.app.orm.em.fork(), async (outer) => {
      outer.create(Tag, newTag('outer-topic'));
      await expect(
        inTransaction(outer, async (inner) => {
          inner.create(Tag, newTag('inner-topic'));
          await inner.flush();
          throw new Error('inner part failed');
        }),
      ).rejects.toThrow('inner part failed');
    });
    expect(await tagNamed('outer-topic')).not.toBeNull();
    expect(await tagNamed('inner-topic')).toBeNull();
  });

  // em.transactional would enter MikroORM's AsyncLocalStorage, which on Node 20 and 22 then stays in
  // the promise hook for the rest of the process (src/database/transaction.ts). Its `enabled` flag is
  // how those versions record the first entry; Node 24's AsyncContextFrame has no such hook.
  it("leaves MikroORM's context storage unused through a boot, a seed and a save", async () => {
    const article = await draft(desk);
    const saved = await desk.editor.request(DeskUpdateArticleDocument, { input: { id: article.id, expectedVersion: article.version, headline: 'Saved without hooks' } });
    expect(saved.updateArticle.userErrors).toEqual([]);
    expect((await desk.editor.request(DeskArticleDocument, { slug: article.slug })).article?.headline).toBe('Saved without hooks');
    for (const storage of [TransactionContext['storage'], RequestContext['storage']]) {
      expect((storage as unknown as { enabled?: boolean }).enabled).not.toBe(true);
    }
  });
});
