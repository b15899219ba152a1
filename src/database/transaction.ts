import type { EntityManager } from '@mikro-orm/core';

/**
 * Runs `work` in one transaction on a fork of `em`: what it persisted is flushed before the commit,
 * and a throw rolls everything back and rethrows. This is `em.transactional` without its
 * AsyncLocalStorage, which lets a context-bound EntityManager find the transaction by itself; ours
 * are forks, which never look there (they hand `tx` along). On Node 20 each storage ever entered
 * stays in the promise hook that every later promise of every read runs through: this one cost a
 * third of that hook's time (MikroORM's flush enters a storage of its own, which stays).
 */
export async function inTransaction<Em extends EntityManager, T>(em: Em, work: (tx: Em) => Promise<T>): Promise<T> {
  // As em.transactional forks: the caller's loaded entities stay managed, its event manager is copied.
  const tx = em.fork({ clear: false, cloneEventManager: true }) as Em;
  // Inside a transaction already, MikroORM's connection opens a savepoint instead.
  return tx.getConnection('write').transactional(
    async (trx) => {
      tx.setTransactionContext(trx);
      const result = await work(tx);
      await tx.flush();
      return result;
    },
    { ctx: em.getTransactionContext() },
  );
}
