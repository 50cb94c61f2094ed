import { BARC10, type InstrumentDefinition, PHQ9, scoreAssessment } from '@homegroup/core';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing';
import {
  SCALE_ADMIN_EMAIL,
  SCALE_FACILITY_NAME,
  type ScaleSeedResult,
  scaleCounselorEmail,
  scaleFacilityName,
  seedScale,
} from './scale';

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
async function none(query: RawBuilder<unknown>, db = t.db) {
  const { rows } = await query.execute(db);
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

  it('gives counselors who can sign in, a director, and a counselor to every client', async () => {
    const staff = await t.db
      .selectFrom('staffUsers as u')
      .innerJoin('staffRoles as r', 'r.staffUserId', 'u.id')
      .select(['u.email', 'u.passwordHash', 'r.role', 'r.facilityId'])
      .orderBy('u.email')
      .execute();
    expect(staff.length).toBeGreaterThanOrEqual(3);
    for (const s of staff) {
      expect(s).toMatchObject({
        role: s.email === SCALE_ADMIN_EMAIL ? 'admin' : 'counselor',
        facilityId: result.facilityId,
      });
    }
    expect(result.adminEmail).toBe(SCALE_ADMIN_EMAIL);
    expect(staff.filter((s) => s.role === 'admin')).toHaveLength(1);
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
      const blank = { facilityId: '', facilityIds: [] };
      expect({ ...second, ...blank }).toEqual({ ...result, ...blank });
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

describe('scale seed with many facilities', () => {
  let m: TestDb;
  let world: ScaleSeedResult;
  const FACILITIES = 3;
  const PER_FACILITY = 40;

  beforeAll(async () => {
    m = await createTestDb();
    world = await seedScale(m.db, {
      today,
      facilities: FACILITIES,
      clientsPerFacility: PER_FACILITY,
      hashPassword: async (password) => `test-hash:${password}`,
    });
  });
  afterAll(async () => {
    await m.close();
  });

  const count = async (table: string, where = sql`true`) =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(m.db)
    ).rows[0]?.n;

  it('builds the facilities of one organisation, each with its clients, staff and groups', async () => {
    const facilities = await m.db
      .selectFrom('facilities')
      .select(['id', 'name', 'organizationId', 'timeZone'])
      .orderBy('name')
      .execute();
    expect(facilities.map((f) => f.name)).toEqual(
      Array.from({ length: FACILITIES }, (_, i) => scaleFacilityName(i + 1, FACILITIES)),
    );
    expect(facilities.map((f) => f.id)).toEqual(world.facilityIds);
    expect(world.facilityId).toBe(world.facilityIds[0]);
    expect(new Set(facilities.map((f) => f.organizationId)).size).toBe(1);
    expect(await count('facility_settings')).toBe(FACILITIES);

    expect(world.clients).toBe(FACILITIES * PER_FACILITY);
    expect(await count('clients')).toBe(world.clients);
    const perFacility = await m.db
      .selectFrom('clients')
      .select(['facilityId', sql<number>`count(*)::int`.as('n')])
      .groupBy('facilityId')
      .execute();
    expect(perFacility).toHaveLength(FACILITIES);
    for (const f of perFacility) expect(f.n).toBe(PER_FACILITY);
    expect(await count('clients', sql`facility_id is null`)).toBe(0);
    expect(await count('groups')).toBe(world.groups);
    expect(world.groups).toBe(FACILITIES * 6);
    expect(await count('group_sessions')).toBe(world.sessions);
    expect(await count('group_enrolments')).toBe(world.enrolments);
    expect(world.enrolments / world.clients).toBeGreaterThanOrEqual(2);
    expect(world.enrolments / world.clients).toBeLessThanOrEqual(3);
    // About a year of sessions and ~105 attendance records per client.
    expect(await count('attendance_records')).toBe(world.attendance);
    expect(world.attendance).toBeGreaterThanOrEqual(80 * world.clients);
    expect(world.attendance).toBeLessThanOrEqual(140 * world.clients);
  });

  it('keeps every client, group, session and record at one facility', async () => {
    expect(
      await none(
        sql`
          select c.id from clients c
          left join staff_roles r on r.staff_user_id = c.counselor_staff_id
            and r.facility_id = c.facility_id and r.role = 'counselor'
          where r.staff_user_id is null`,
        m.db,
      ),
    ).toEqual([]);
    expect(
      await none(
        sql`
          select e.id from group_enrolments e
          join groups g on g.id = e.group_id join clients c on c.id = e.client_id
          where g.facility_id <> e.facility_id or c.facility_id <> e.facility_id
          union all
          select s.id from group_sessions s join groups g on g.id = s.group_id
          where s.facility_id <> g.facility_id
          union all
          select a.id from attendance_records a
          join group_sessions s on s.id = a.session_id join clients c on c.id = a.client_id
          where a.facility_id <> s.facility_id or a.facility_id <> c.facility_id`,
        m.db,
      ),
    ).toEqual([]);
    // Admissions over the last year; every discharge type and several tracks and levels.
    const clients = await m.db
      .selectFrom('clients')
      .select(['admissionDate', 'dischargeType', 'programTrack', 'levelOfCare'])
      .execute();
    for (const c of clients) {
      expect(c.admissionDate > '2025-11-21' && c.admissionDate <= today).toBe(true);
    }
    expect(new Set(clients.map((c) => c.dischargeType))).toEqual(
      new Set([null, 'completed', 'ama', 'administrative', 'transfer']),
    );
    expect(new Set(clients.map((c) => c.programTrack)).size).toBe(4);
    expect(new Set(clients.map((c) => c.levelOfCare)).size).toBeGreaterThanOrEqual(4);
    expect(
      await none(
        sql`select id from group_sessions
          where starts_at < ${today}::date - 366 or starts_at > ${today}::date + 29`,
        m.db,
      ),
    ).toEqual([]);
  });

  it('makes one director, admin at every facility, and counselors at one each', async () => {
    const roles = await m.db
      .selectFrom('staffUsers as u')
      .innerJoin('staffRoles as r', 'r.staffUserId', 'u.id')
      .select(['u.email', 'u.passwordHash', 'r.role', 'r.facilityId'])
      .execute();
    const director = roles.filter((r) => r.email === world.adminEmail);
    expect(director.every((r) => r.role === 'admin')).toBe(true);
    expect(director.map((r) => r.facilityId).sort()).toEqual([...world.facilityIds].sort());
    expect(director[0]?.passwordHash).toBe('test-hash:homegroup-demo');
    const counselors = roles.filter((r) => r.email !== world.adminEmail);
    expect(counselors.every((r) => r.role === 'counselor')).toBe(true);
    expect(new Set(counselors.map((r) => r.email)).size).toBe(counselors.length);
    for (const id of world.facilityIds) {
      expect(counselors.filter((r) => r.facilityId === id).length).toBeGreaterThanOrEqual(2);
    }
    expect(counselors.find((r) => r.email === world.counselorEmail)?.facilityId).toBe(
      world.facilityId,
    );
  });

  it('owes follow-up calls at 7, 30, 60 and 90 days, closed by the calls made', async () => {
    expect(await count('follow_up_tasks')).toBe(world.followUpTasks);
    expect(await count('follow_up_attempts')).toBe(world.followUpAttempts);
    // Every opted-in alumnus, four calls each, due the days after discharge.
    expect(
      await none(
        sql`
          select c.id from clients c
          left join follow_up_tasks t on t.client_id = c.id
          where c.facility_id <> coalesce(t.facility_id, c.facility_id)
            or (c.alumni_follow_up = 'opted_in') <> (t.id is not null)
            or t.due_on <> c.discharge_date + t.days_after_discharge
          union all
          select client_id from follow_up_tasks group by client_id
          having array_agg(days_after_discharge order by days_after_discharge) <> '{7,30,60,90}'`,
        m.db,
      ),
    ).toEqual([]);
    const statuses = await m.db
      .selectFrom('followUpTasks')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .groupBy('status')
      .execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['open', 'done', 'declined']));
    // Done: reached once, with answers; declined: one declined call; both closed at that call.
    // Nothing due in the last week is closed, and no call is made after today.
    expect(
      await none(
        sql`
          select t.id from follow_up_tasks t
          left join follow_up_attempts a on a.task_id = t.id
            and a.outcome = case t.status when 'done' then 'reached' when 'declined' then 'declined' end
          where (t.status in ('done', 'declined'))
              <> (a.id is not null and t.closed_at = a.attempted_at and t.closed_by is not null)
            or (t.status <> 'open' and t.due_on > ${today}::date - 7)
          union all
          select a.id from follow_up_attempts a join follow_up_tasks t on t.id = a.task_id
          where a.client_id <> t.client_id or a.facility_id <> t.facility_id
            or a.attempted_at < t.due_on or a.attempted_at > ${today}::date
            or (a.outcome = 'reached') <> (a.abstinent is not null)
          union all
          select task_id from follow_up_attempts where outcome = 'reached'
          group by task_id having count(*) > 1`,
        m.db,
      ),
    ).toEqual([]);
  });

  it('refers alumni, with every status a referral passed through', async () => {
    expect(await count('referrals')).toBe(world.referrals);
    expect(await count('referral_events')).toBe(world.referralEvents);
    expect(world.referrals).toBeGreaterThan(0);
    expect(
      await none(
        sql`
          select r.id from referrals r
          join clients c on c.id = r.client_id
          join lateral (select count(*)::int as n,
              (array_agg(e.status order by e.occurred_on desc, e.id desc))[1] as last,
              max(e.occurred_on) as last_on,
              min(e.occurred_on) filter (where e.status = 'first_attended') as first_on,
              (array_agg(e.status order by e.occurred_on, e.id))[1] as first
            from referral_events e where e.referral_id = r.id) e on true
          where r.facility_id <> c.facility_id or c.discharge_date is null
            or r.status <> e.last or r.status_on <> e.last_on or r.version <> e.n
            or e.first <> 'suggested'
            or r.first_attended_on is distinct from e.first_on
            or r.status_on > ${today}::date`,
        m.db,
      ),
    ).toEqual([]);
    const statuses = await m.db.selectFrom('referrals').select('status').distinct().execute();
    expect(statuses.length).toBeGreaterThanOrEqual(5);
  });

  it('scores BARC-10 and PHQ-9 answers to the totals, bands and flags stored', async () => {
    const rows = await m.db
      .selectFrom('assessments as a')
      .innerJoin('clients as c', 'c.id', 'a.clientId')
      .leftJoin('followUpTasks as t', 't.id', 'a.followUpTaskId')
      .select([
        'a.instrumentCode',
        'a.occasion',
        'a.administeredOn',
        'a.answers',
        'a.totalScore',
        'a.band',
        'a.safetyConcern',
        'a.facilityId',
        'c.facilityId as clientFacility',
        'c.admissionDate',
        'c.dischargeDate',
        't.daysAfterDischarge',
      ])
      .execute();
    expect(rows.length).toBe(world.assessments);
    const defs: Record<string, InstrumentDefinition> = { barc10: BARC10, phq9: PHQ9 };
    const seen = new Set<string>();
    for (const r of rows) {
      seen.add(`${r.instrumentCode} ${r.occasion}`);
      const def = defs[r.instrumentCode];
      if (!def) throw new Error(`unexpected instrument ${r.instrumentCode}`);
      const score = scoreAssessment(def, r.answers);
      expect(r.totalScore).toBe(score.total);
      expect(r.band).toBe(score.band?.label);
      expect(r.safetyConcern).toBe(score.safety.length > 0);
      expect(r.facilityId).toBe(r.clientFacility);
      if (r.occasion === 'admission') {
        expect(r.administeredOn >= r.admissionDate && r.administeredOn <= today).toBe(true);
      } else if (r.occasion === 'discharge') {
        expect(r.administeredOn).toBe(r.dischargeDate);
      } else {
        expect(r).toMatchObject({ instrumentCode: 'barc10', daysAfterDischarge: 90 });
      }
    }
    expect(seen).toEqual(
      new Set([
        'barc10 admission',
        'phq9 admission',
        'barc10 discharge',
        'phq9 discharge',
        'barc10 follow_up',
      ]),
    );
  });
});
