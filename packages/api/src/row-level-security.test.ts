import { type Db, withFacilityScope } from '@homegroup/db';
import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld } from './testing';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

const inA = <T>(fn: () => Promise<T>) => withFacilityScope({ facilityIds: [world.facilityA] }, fn);

async function clientNames(db: Db) {
  // Deliberately unscoped in code: only the database stands between this query and facility B.
  const rows = await db.selectFrom('clients').select('firstName').orderBy('firstName').execute();
  return rows.map((r) => r.firstName);
}

describe('row-level security', () => {
  it('is on, with the facility policy, for every table that has a facility column', async () => {
    const { rows } = await sql<{ name: string; rls: boolean; policies: number }>`
      select c.table_name as name, k.relrowsecurity as rls,
        (select count(*)::int from pg_policies p
          where p.schemaname = current_schema() and p.tablename = c.table_name
            and p.policyname = 'facility_scope') as policies
      from information_schema.columns c
      join pg_class k on k.relname = c.table_name and k.relnamespace = current_schema()::regnamespace
      where c.table_schema = current_schema() and c.column_name = 'facility_id' and k.relkind = 'r'
      order by 1`.execute(t.db);
    expect(rows.length).toBeGreaterThan(25);
    expect(rows.filter((r) => !r.rls || r.policies !== 1).map((r) => r.name)).toEqual([]);
  });

  it('lets a staff request see only its facility’s rows, even through a query with no filter', async () => {
    expect(await clientNames(t.db)).toEqual(['Alpha', 'Bravo']);
    expect(await inA(() => clientNames(t.db))).toEqual(['Alpha']);
    expect(
      await withFacilityScope({ facilityIds: [world.facilityA, world.facilityB] }, () =>
        clientNames(t.db),
      ),
    ).toEqual(['Alpha', 'Bravo']);
    // The connection goes back to the server's own work unscoped.
    expect(await clientNames(t.db)).toEqual(['Alpha', 'Bravo']);
  });

  it('refuses to write another facility’s rows, and changes none of them', async () => {
    await expect(
      inA(() =>
        t.db
          .insertInto('clients')
          .values({
            facilityId: world.facilityB,
            recordNumber: 'B-2',
            firstName: 'Sneaky',
            lastName: 'Insert',
            admissionDate: '2026-11-03',
            status: 'in_treatment',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await inA(() =>
      t.db
        .updateTable('clients')
        .set({ preferredName: 'Changed' })
        .where('id', '=', world.clientB)
        .executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const deleted = await inA(() =>
      t.db.deleteFrom('clients').where('id', '=', world.clientB).executeTakeFirst(),
    );
    expect(Number(deleted.numDeletedRows)).toBe(0);
    // Moving a row of A into B is refused too.
    await expect(
      inA(() =>
        t.db
          .updateTable('clients')
          .set({ facilityId: world.facilityB })
          .where('id', '=', world.clientA)
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const b = await t.db
      .selectFrom('clients')
      .select(['preferredName', 'facilityId'])
      .where('facilityId', '=', world.facilityB)
      .execute();
    expect(b).toEqual([{ preferredName: null, facilityId: world.facilityB }]);
  });

  it('holds inside transactions, and across concurrent requests of different facilities', async () => {
    const inB = <T>(fn: () => Promise<T>) =>
      withFacilityScope({ facilityIds: [world.facilityB] }, fn);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? inA : inB)(() =>
          t.db.transaction().execute(async (trx) => clientNames(trx as unknown as Db)),
        ),
      ),
    );
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 ? ['Alpha'] : ['Bravo'])));
  });

  it('shows a request with no facility nothing at all', async () => {
    expect(() => withFacilityScope({ facilityIds: [] }, () => clientNames(t.db))).toThrow();
    // The role on its own, without the setting, sees no rows.
    const rows = await t.db.connection().execute(async (c) => {
      await sql`set role homegroup_staff`.execute(c);
      try {
        return await clientNames(c);
      } finally {
        await sql`reset role`.execute(c);
      }
    });
    expect(rows).toEqual([]);
  });
});
