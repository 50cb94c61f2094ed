import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './testing';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe(`concurrent transactions`, () => {
  it('keep the committed rows when a parallel transaction rolls back', async () => {
    const kept = t.db.transaction().execute(async (trx) => {
      await trx.insertInto('organizations').values({ name: 'Kept A' }).execute();
      await pause();
      await trx.insertInto('organizations').values({ name: 'Kept B' }).execute();
    });
    const rolledBack = t.db.transaction().execute(async (trx) => {
      await trx.insertInto('organizations').values({ name: 'Rolled back' }).execute();
      await pause();
      throw new Error('deliberate failure');
    });
    const results = await Promise.allSettled([kept, rolledBack]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const names = await t.db
      .selectFrom('organizations')
      .select('name')
      .where('name', 'in', ['Kept A', 'Kept B', 'Rolled back'])
      .orderBy('name')
      .execute();
    expect(names.map((r) => r.name)).toEqual(['Kept A', 'Kept B']);
  });

  it('lose nothing across many interleaved transactions and plain queries', async () => {
    const work = Array.from({ length: 20 }, (_, i) => [
      t.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('organizations')
          .values({ name: `Batch ${i}` })
          .execute();
        await pause();
        if (i % 2 === 1) throw new Error(`rollback ${i}`);
      }),
      // A plain query sent while the transactions are open must wait, not join one of them.
      t.db
        .insertInto('organizations')
        .values({ name: `Plain ${i}` })
        .execute(),
    ]);
    await Promise.allSettled(work.flat());
    const rows = await t.db
      .selectFrom('organizations')
      .select('name')
      .where((eb) => eb.or([eb('name', 'like', 'Batch %'), eb('name', 'like', 'Plain %')]))
      .execute();
    expect(rows.map((r) => r.name).sort()).toEqual(
      [
        ...Array.from({ length: 10 }, (_, i) => `Batch ${i * 2}`),
        ...Array.from({ length: 20 }, (_, i) => `Plain ${i}`),
      ].sort(),
    );
  });
});
