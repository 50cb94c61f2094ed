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

  it('gives every kind of group, twelve weeks of sessions and attendance only for real people', async () => {
    const kinds = await t.db.selectFrom('groups').select('kind').distinct().execute();
    expect(kinds).toHaveLength(13);
    const sessions = await t.db
      .selectFrom('groupSessions')
      .select(['state', sql<number>`count(*)::int`.as('n')])
      .groupBy('state')
      .execute();
    const byState = Object.fromEntries(sessions.map((r) => [r.state, r.n]));
    expect(byState.signed).toBeGreaterThan(250);
    expect(byState.cancelled).toBeGreaterThan(0);
    const { n } = await t.db
      .selectFrom('attendanceRecords')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBeGreaterThan(2000);
    // Nobody is recorded at a session of a group they were not on the roster of that day.
    const strays = await sql<{ n: number }>`
      select count(*)::int as n from attendance_records a
      join group_sessions s on s.id = a.session_id
      where not exists (
        select 1 from group_enrolments e
        where e.group_id = s.group_id
          and (e.client_id = a.client_id or e.family_member_id = a.family_member_id)
          and e.start_date <= s.starts_at::date + 1)`.execute(t.db);
    expect(strays.rows[0]?.n).toBe(0);
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
