import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './create-db';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { createTestDb, type TestDb } from './testing';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('migrations', () => {
  it('are named by ISO timestamp and listed in order', () => {
    const names = Object.keys(migrations);
    for (const name of names) expect(name).toMatch(/^\d{8}T\d{6}Z-[a-z0-9-]+$/);
    expect([...names].sort()).toEqual(names);
  });

  it('bring an empty database to the full schema', async () => {
    const tables = await sql<{ tableName: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.db);
    expect(tables.rows.map((r) => r.tableName).sort()).toEqual(
      expect.arrayContaining([
        'audit_events',
        'auth_sessions',
        'clients',
        'facilities',
        'organizations',
        'sign_in_attempts',
        'staff_roles',
        'staff_users',
      ]),
    );
  });

  it('do nothing the second time', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('run from nothing on a new embedded database', async () => {
    const fresh = await createDb({});
    try {
      expect(await migrateToLatest(fresh.db)).toEqual(Object.keys(migrations));
    } finally {
      await fresh.close();
    }
  });
});

describe('the audit trail', () => {
  it('accepts new events and refuses to change or delete them', async () => {
    const { id } = await t.db
      .insertInto('auditEvents')
      .values({ action: 'read', entityType: 'client', outcome: 'success' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      t.db.updateTable('auditEvents').set({ outcome: 'failure' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('auditEvents').where('id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    const row = await t.db
      .selectFrom('auditEvents')
      .select(['outcome'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe('success');
  });
});

describe('types read back the same on both drivers', () => {
  it('dates as YYYY-MM-DD strings, bigint ids as numbers, timestamps as Dates', async () => {
    const org = await t.db
      .insertInto('organizations')
      .values({ name: 'Types Org' })
      .returning(['id', 'createdAt'])
      .executeTakeFirstOrThrow();
    expect(org.createdAt).toBeInstanceOf(Date);
    const facility = await t.db
      .insertInto('facilities')
      .values({ organizationId: org.id, name: 'Types Facility', timeZone: 'America/Denver' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const client = await t.db
      .insertInto('clients')
      .values({
        facilityId: facility.id,
        recordNumber: 'T-1',
        firstName: 'Test',
        lastName: 'Person',
        admissionDate: '2026-01-31',
        status: 'in_treatment',
      })
      .returning(['admissionDate'])
      .executeTakeFirstOrThrow();
    expect(client.admissionDate).toBe('2026-01-31');
    const attempt = await t.db
      .insertInto('signInAttempts')
      .values({ email: 'x@example.test', succeeded: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(typeof attempt.id).toBe('number');
    const count = await t.db
      .selectFrom('clients')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});
