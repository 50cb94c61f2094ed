import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing';
import { SCALE_FACILITY_NAME, type ScaleSeedResult, scaleCounselorEmail, seedScale } from './scale';

let t: TestDb;
let result: ScaleSeedResult;
const today = '2026-11-21';

beforeAll(async () => {
  t = await createTestDb();
  // An empty database: the seed makes its own organisation.
  result = await seedScale(t.db, {
    today,
    scale: 0.01,
    hashPassword: async (password) => `test-hash:${password}`,
  });
});
afterAll(async () => {
  await t.close();
});

/** Rows of a query that should find nothing. */
async function none(query: RawBuilder<unknown>) {
  const { rows } = await query.execute(t.db);
  return rows;
}

describe('scale seed', () => {
  it('builds one facility in proportion to the scale: 50 clients, ≥ 200 records each', async () => {
    expect(result.clients).toBe(50);
    expect(result.attendance).toBeGreaterThanOrEqual(200 * result.clients);
    expect(result.counselorEmail).toBe(scaleCounselorEmail(1));

    const facilities = await t.db
      .selectFrom('facilities')
      .select(['id', 'name', 'timeZone'])
      .execute();
    expect(facilities).toEqual([
      { id: result.facilityId, name: SCALE_FACILITY_NAME, timeZone: 'America/Denver' },
    ]);
    const count = async (table: 'clients' | 'attendanceRecords' | 'groups' | 'groupSessions') =>
      (
        await t.db
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .where('facilityId', '=', result.facilityId)
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count('clients')).toBe(50);
    expect(await count('attendanceRecords')).toBe(result.attendance);
    expect(await count('groups')).toBe(result.groups);
    expect(await count('groupSessions')).toBe(result.sessions);
    // Two years and four weeks of (nearly) daily sessions per group.
    expect(result.sessions / result.groups).toBeGreaterThan(700);
    expect(result.enrolments / result.clients).toBeGreaterThanOrEqual(3);
    expect(result.enrolments / result.clients).toBeLessThanOrEqual(5);
  });

  it('gives counselors who can sign in, and a counselor to every client', async () => {
    const staff = await t.db
      .selectFrom('staffUsers as u')
      .innerJoin('staffRoles as r', 'r.staffUserId', 'u.id')
      .select(['u.email', 'u.passwordHash', 'r.role', 'r.facilityId'])
      .orderBy('u.email')
      .execute();
    expect(staff.length).toBeGreaterThanOrEqual(2);
    for (const s of staff) {
      expect(s).toMatchObject({ role: 'counselor', facilityId: result.facilityId });
    }
    expect(staff.find((s) => s.email === result.counselorEmail)?.passwordHash).toBe(
      'test-hash:homegroup-demo',
    );
    expect(
      await none(sql`
        select c.id from clients c
        left join staff_roles r on r.staff_user_id = c.counselor_staff_id
          and r.facility_id = c.facility_id
        where r.staff_user_id is null`),
    ).toEqual([]);
  });

  it('keeps stays, statuses and dates consistent', async () => {
    const clients = await t.db
      .selectFrom('clients')
      .select([
        'status',
        'admissionDate',
        'dischargeDate',
        'dischargeType',
        'sobrietyDate',
        'levelOfCare',
      ])
      .execute();
    expect(clients.some((c) => c.status === 'in_treatment')).toBe(true);
    expect(clients.some((c) => c.status === 'alumni')).toBe(true);
    for (const c of clients) {
      expect(c.admissionDate >= '2024-11-21' && c.admissionDate <= today).toBe(true);
      expect(c.sobrietyDate !== null && c.sobrietyDate <= today).toBe(true);
      expect(c.levelOfCare).not.toBeNull();
      if (c.status === 'alumni') {
        expect(c.dischargeDate !== null && c.dischargeDate < today).toBe(true);
        expect(c.dischargeType).not.toBeNull();
      } else {
        expect(c.dischargeDate).toBeNull();
        expect(c.dischargeType).toBeNull();
      }
    }
    // Stays of 30 to 90 days; enrolments cover exactly the stay.
    expect(
      await none(sql`
        select id from clients
        where discharge_date is not null and discharge_date - admission_date not between 30 and 90`),
    ).toEqual([]);
    expect(
      await none(sql`
        select e.id from group_enrolments e join clients c on c.id = e.client_id
        where e.start_date <> c.admission_date
          or e.end_date is distinct from c.discharge_date`),
    ).toEqual([]);
    // Sessions before today are signed or cancelled; from today on, scheduled.
    expect(
      await none(sql`
        select id from group_sessions
        where ((starts_at at time zone 'America/Denver')::date < ${today}::date)
          <> (state in ('signed', 'cancelled'))
          or (state = 'signed') <> (signed_at is not null)`),
    ).toEqual([]);
  });

  it('records attendance only at signed sessions on the roster during the stay', async () => {
    expect(
      await none(sql`
        select a.id from attendance_records a
        join group_sessions s on s.id = a.session_id
        join clients c on c.id = a.client_id
        left join group_enrolments e on e.client_id = a.client_id and e.group_id = s.group_id
          and (s.starts_at at time zone 'America/Denver')::date between e.start_date
            and coalesce(e.end_date, ${today}::date)
        where e.id is null or s.state <> 'signed'
          or (s.starts_at at time zone 'America/Denver')::date >= ${today}::date
          or a.facility_id <> s.facility_id or c.facility_id <> a.facility_id`),
    ).toEqual([]);
    // Every reference resolves (the seed inserts these rows without per-row key checks).
    expect(
      await none(sql`
        select a.id from attendance_records a
        left join group_sessions s on s.id = a.session_id
        left join clients c on c.id = a.client_id
        left join staff_users u on u.id = a.recorded_by
        left join facilities f on f.id = a.facility_id
        where s.id is null or c.id is null or u.id is null or f.id is null
          or a.family_member_id is not null`),
    ).toEqual([]);
  });

  it('fills each status with the details it needs, mostly present', async () => {
    expect(
      await none(sql`
        select id from attendance_records
        where (status = 'late') <> (late_minutes is not null)
          or (status = 'left_early') <> (left_early_minutes is not null)
          or (status = 'absent_excused') <> (excuse_reason is not null)
          or (status in ('present', 'late', 'left_early')) <> (participation is not null)
          or (status in ('present', 'late', 'left_early')) <> (engagement_rating is not null)
          or saved_in_version <> 1`),
    ).toEqual([]);
    const mix = await t.db
      .selectFrom('attendanceRecords')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .groupBy('status')
      .execute();
    const share = (status: string) =>
      (mix.find((m) => m.status === status)?.n ?? 0) / result.attendance;
    expect(share('present')).toBeGreaterThan(0.7);
    expect(share('present')).toBeLessThan(0.9);
    for (const status of ['late', 'left_early', 'absent_excused', 'absent_unexcused']) {
      expect(share(status)).toBeGreaterThan(0.01);
    }
  });

  it('is deterministic: the same scale and day give the same figures', async () => {
    const again = await createTestDb();
    try {
      const second = await seedScale(again.db, { today, scale: 0.01, analyze: false });
      expect({ ...second, facilityId: '' }).toEqual({ ...result, facilityId: '' });
      const digest = async (db: TestDb['db']) =>
        (
          await sql<{ d: string }>`
            select md5(string_agg(c.record_number || c.first_name || c.admission_date || a.status
              || coalesce(a.engagement_rating, 0), ',' order by c.record_number, s.starts_at, g.name)) as d
            from attendance_records a
            join clients c on c.id = a.client_id
            join group_sessions s on s.id = a.session_id
            join groups g on g.id = s.group_id`.execute(db)
        ).rows[0]?.d;
      expect(await digest(again.db)).toBe(await digest(t.db));
    } finally {
      await again.close();
    }
  });
});
