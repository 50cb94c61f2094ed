import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing';
import { isSeeded, seedDemo } from './demo';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const fakeHash = async (password: string) => `test-hash:${password}`;

describe('demo seed', () => {
  it('fills an empty database once with two facilities, every role and ~210 clients', async () => {
    expect(await isSeeded(t.db)).toBe(false);
    const result = await seedDemo(t.db, { hashPassword: fakeHash, today: '2026-11-21' });
    expect(await isSeeded(t.db)).toBe(true);
    expect(result.clients).toBe(210);

    const facilities = await t.db.selectFrom('facilities').select(['name', 'timeZone']).execute();
    expect(facilities).toHaveLength(2);

    const roles = await t.db.selectFrom('staffRoles').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual([
      'admin',
      'alumni_coordinator',
      'counselor',
      'group_monitor',
    ]);

    const byStatus = await t.db
      .selectFrom('clients')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .groupBy('status')
      .orderBy('status')
      .execute();
    expect(byStatus).toEqual([
      { status: 'alumni', n: 150 },
      { status: 'in_treatment', n: 60 },
    ]);

    const badDates = await t.db
      .selectFrom('clients')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('admissionDate', '>', '2026-11-21'),
          eb('dischargeDate', '>', '2026-11-21'),
          eb.and([eb('status', '=', 'alumni'), eb('dischargeDate', 'is', null)]),
        ]),
      )
      .execute();
    expect(badDates).toEqual([]);
  });

  it('is deterministic: the same names and dates for the same day', async () => {
    const other = await createTestDb();
    try {
      await seedDemo(other.db, { hashPassword: fakeHash, today: '2026-11-21' });
      const pick = (db: TestDb['db']) =>
        db
          .selectFrom('clients')
          .select(['recordNumber', 'firstName', 'lastName', 'preferredName', 'admissionDate'])
          .orderBy('recordNumber')
          .execute();
      expect(await pick(other.db)).toEqual(await pick(t.db));
    } finally {
      await other.close();
    }
  });
});
