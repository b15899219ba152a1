/**
 * Context.write runs a mutation again, from scratch and in a fresh transaction, when PostgreSQL rolled
 * its transaction back as a deadlock's victim (40P01) or on a serialization failure (40001): a couple
 * of times, not for ever, never past the request's deadline, and without keeping anything of the
 * failed try (its audit entry included).
 */
import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, type Viewer } from '../../src/auth/viewer';
import { Context } from '../../src/context';
import type { DatabaseHealth } from '../../src/database/health';
import { RequestMeter } from '../../src/protection/meter';
import { startTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/database';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t?.close());

const editor: Viewer = { tokenId: 1, name: 'Retry test', role: Role.EDITOR };
let serial = 0;

function context(meter?: RequestMeter): Context {
  return new Context({ em: t.app.orm.em.fork(), dialect: onPostgres ? 'postgresql' : 'sqlite', viewer: editor, meter });
}

/** A meter whose deadline the test can pass by hand. */
function meterWithDeadline(): RequestMeter {
  const meter = new RequestMeter('retry-test', { kind: 'anonymous', id: 'local' }, 'local');
  const health = { up: true, watch: () => () => {}, report: () => {} } as unknown as DatabaseHealth;
  void meter.begin(60_000, health);
  return meter;
}

async function audited(action: string): Promise<number> {
  const rows = await t.app.orm.em.getConnection().execute<{ n: number | string }[]>('select count(*) as n from audit_entry where action = ?', [action]);
  return Number(rows[0].n);
}

function driverError(code: string): Error {
  return Object.assign(new Error(code === '40P01' ? 'deadlock detected' : 'could not serialize access due to concurrent update'), { code });
}

describe('Context.write retries a transaction that lost to a deadlock', () => {
  it.each([
    ['a driver error with SQLSTATE 40P01', () => driverError('40P01')],
    ['a driver error with SQLSTATE 40001', () => driverError('40001')],
    ['a MikroORM DeadlockException', () => new DeadlockException(driverError('40P01'))],
  ])('runs the mutation again after %s, and audits it once', async (_, failure) => {
    const action = `retryProbe${++serial}`;
    let tries = 0;
    const seen: number[] = [];
    const result = await context().write(action, Role.EDITOR, async (tx) => {
      tries += 1;
      // Each try starts from an empty identity map in a transaction of its own.
      seen.push(tx.getUnitOfWork().getIdentityMap().values().length);
      expect(tx.getTransactionContext()).toBeTruthy();
      await tx.getConnection().execute('select 1', [], 'all', tx.getTransactionContext());
      if (tries === 1) throw failure();
      return { value: tries, subject: { type: 'Article', id: 1 } };
    });
    expect(result).toEqual({ value: 2, userErrors: [] });
    expect(tries).toBe(2);
    expect(seen).toEqual([0, 0]);
    expect(await audited(action)).toBe(1);
  });

  it('gives up after three tries and lets the error through, having kept nothing', async () => {
    const action = `retryProbe${++serial}`;
    let tries = 0;
    await expect(
      context().write(action, Role.EDITOR, async () => {
        tries += 1;
        throw driverError('40P01');
      }),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(tries).toBe(3);
    expect(await audited(action)).toBe(0);
  });

  it('does not retry other errors', async () => {
    let tries = 0;
    const unique = context().write(`retryProbe${++serial}`, Role.EDITOR, async () => {
      tries += 1;
      throw new UniqueConstraintViolationException(Object.assign(new Error('duplicate key value'), { code: '23505' }));
    });
    // A unique violation still answers as before: a DUPLICATE user error.
    expect((await unique).userErrors.map((error) => error.code)).toEqual(['DUPLICATE']);
    expect(tries).toBe(1);
    tries = 0;
    await expect(
      context().write(`retryProbe${++serial}`, Role.EDITOR, async () => {
        tries += 1;
        throw Object.assign(new Error('syntax error'), { code: '42601' });
      }),
    ).rejects.toThrow('syntax error');
    expect(tries).toBe(1);
  });

  it('does not retry once the request is past its deadline', async () => {
    const meter = meterWithDeadline();
    const stopped = new Error('past the deadline');
    let tries = 0;
    await expect(
      context(meter).write(`retryProbe${++serial}`, Role.EDITOR, async () => {
        tries += 1;
        meter.interrupt(stopped);
        throw driverError('40P01');
      }),
    ).rejects.toBe(stopped);
    expect(tries).toBe(1);
    meter.finish();
  });

  it.runIf(onPostgres)('survives a real deadlock between two mutations: both commit, each audited once', async () => {
    const action = `retryProbe${++serial}`;
    const tries = [0, 0];
    let arrived = 0;
    let release: () => void = () => {};
    const bothHoldTheirFirstLock = new Promise<void>((resolve) => (release = resolve));
    const lock = (tx: EntityManager, key: number) =>
      tx.getConnection().execute(tx.getKnex().raw('select pg_advisory_xact_lock(?, ?)', [20261205, key]), [], 'all', tx.getTransactionContext());
    // Opposite lock orders: on the first try each takes one lock, waits for the other to take its
    // own, then asks for the other's. PostgreSQL rolls one back; it runs again and commits.
    const mutation = (index: number, first: number, second: number) =>
      context().write(action, Role.EDITOR, async (tx) => {
        tries[index] += 1;
        await lock(tx, first);
        if (tries[index] === 1) {
          if (++arrived === 2) release();
          await bothHoldTheirFirstLock;
        }
        await lock(tx, second);
        return { value: index, subject: { type: 'Article', id: index + 1 } };
      });
    const results = await Promise.all([mutation(0, 1, 2), mutation(1, 2, 1)]);
    expect(results).toEqual([
      { value: 0, userErrors: [] },
      { value: 1, userErrors: [] },
    ]);
    expect(tries.sort()).toEqual([1, 2]);
    expect(await audited(action)).toBe(2);
  });
});
