import { BARC10, DEFAULT_FOLLOW_UP_DAYS, type InstrumentDefinition, PHQ9 } from '@homegroup/core';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Db } from '../create-db';
import type { Database } from '../tables';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './demo';
import { FIRST_NAMES, SURNAMES } from './names';
import { EXCUSES, TOPICS } from './session-words';

/**
 * Large fictional worlds for benchmarks, built with set-based SQL (`insert … select`), so even
 * embedded PostgreSQL builds them in minutes at most. Deterministic: every choice comes from a
 * hash of stable keys (record numbers, group names, dates), never from `random()`.
 *
 * - `scale`: one facility, "Scale Test Facility": at scale 1, 5,000 clients admitted over two
 *   years and over a million attendance records (the caseload benchmark).
 * - `facilities` × `clientsPerFacility`: many facilities of one organisation over a year, e.g. 50
 *   × 500 = 25,000 clients and ≥ 2,500,000 attendance records (the outcome dashboard benchmark).
 *
 * Both come with a director who is admin at every facility, follow-up calls, referrals and
 * BARC-10 / PHQ-9 assessments, so every outcome indicator has something to count.
 */

export const SCALE_FACILITY_NAME = 'Scale Test Facility';
export const SCALE_TIME_ZONE = 'America/Denver';
/** The password of the scale staff when `hashPassword` is given (demo data only). */
export const SCALE_PASSWORD = DEMO_PASSWORD;

export function scaleCounselorEmail(n: number) {
  return `scale-counselor-${n}@${DEMO_EMAIL_DOMAIN}`;
}
/** The director, admin at every facility of the scale world. */
export const SCALE_ADMIN_EMAIL = `scale-director@${DEMO_EMAIL_DOMAIN}`;

/** The name of facility `n` (from 1) of a many-facility world. */
export function scaleFacilityName(n: number, of: number) {
  return `Scale Facility ${String(n).padStart(of >= 100 ? 3 : 2, '0')}`;
}

export interface ScaleSeedOptions {
  /** YYYY-MM-DD: admissions fall in the history before it; sessions before it are signed. */
  today: string;
  /**
   * One facility, "Scale Test Facility": 1 = 5,000 clients admitted over two years, ~25
   * counselors, ~80 groups, ≥ 1,000,000 attendance records. Give this or `facilities`.
   */
  scale?: number;
  /**
   * Many facilities ("Scale Facility 01" …) of one organisation, each with `clientsPerFacility`
   * clients admitted over the last year (`daysOfHistory`), about one counselor per 100 clients
   * and one group per 30, each client on 2–3 groups: ~105 attendance records per client.
   */
  facilities?: number;
  /** With `facilities`; default 500. */
  clientsPerFacility?: number;
  /** Days of admissions and signed sessions before `today`: 730 with `scale`, else 365. */
  daysOfHistory?: number;
  /** Hashes the staff's password (SCALE_PASSWORD); without it nobody can sign in as them. */
  hashPassword?: (password: string) => Promise<string>;
  /** Gather planner statistics afterwards, as one would after any bulk load. Default true. */
  analyze?: boolean;
  /** Told how long each step took, e.g. to print while benchmarking. */
  onStep?: (step: string, ms: number) => void;
}

export interface ScaleSeedResult {
  /** The first facility (the only one with `scale`). */
  facilityId: string;
  /** Every facility, in name order. */
  facilityIds: string[];
  clients: number;
  attendance: number;
  counselorEmail: string;
  /** Admin at every facility. */
  adminEmail: string;
  groups: number;
  sessions: number;
  enrolments: number;
  followUpTasks: number;
  followUpAttempts: number;
  referrals: number;
  referralEvents: number;
  assessments: number;
}

/** What differs between the one-facility world and the many-facility one. */
interface Shape {
  facilityNames: string[];
  clientsPerFacility: number;
  groupsPerFacility: number;
  counselorsPerFacility: number;
  daysOfHistory: number;
  /** Record number of client `n` at facility `fi` (SQL on columns `fi`, `n`). */
  recordNumber: RawBuilder<unknown>;
  /** Name of group `g` at facility `fi` (SQL on columns `fi`, `g`). */
  groupName: RawBuilder<unknown>;
  /** Days group `g` meets (SQL on column `g`). */
  scheduleDays: RawBuilder<unknown>;
  /** Each client is on `rosterMin` + [0, `rosterSpread`) groups. */
  rosterMin: number;
  rosterSpread: number;
}

function shapeOf(options: ScaleSeedOptions): Shape {
  if (options.facilities !== undefined) {
    const { facilities } = options;
    const perFacility = options.clientsPerFacility ?? 500;
    if (!(Number.isInteger(facilities) && facilities > 0)) {
      throw new Error('seedScale: facilities must be a positive whole number');
    }
    if (!(Number.isInteger(perFacility) && perFacility > 0)) {
      throw new Error('seedScale: clientsPerFacility must be a positive whole number');
    }
    const width = facilities >= 100 ? 3 : 2;
    return {
      facilityNames: Array.from({ length: facilities }, (_, i) =>
        scaleFacilityName(i + 1, facilities),
      ),
      clientsPerFacility: perFacility,
      groupsPerFacility: Math.max(6, Math.round(perFacility / 30)),
      counselorsPerFacility: Math.max(2, Math.round(perFacility / 100)),
      daysOfHistory: options.daysOfHistory ?? 365,
      recordNumber: sql`'S' || lpad(fi::text, ${sql.lit(width)}, '0') || '-' || lpad(n::text, 5, '0')`,
      groupName: sql`'Scale Group ' || lpad(fi::text, ${sql.lit(width)}, '0') || '-' || lpad(g::text, 3, '0')`,
      // One in four meets every day, the rest Monday to Friday.
      scheduleDays: sql`case when g % 4 = 0 then '{0,1,2,3,4,5,6}'::int[]
        else '{1,2,3,4,5}'::int[] end`,
      rosterMin: 2,
      rosterSpread: 2,
    };
  }
  const { scale } = options;
  if (scale === undefined || !(scale > 0)) {
    throw new Error('seedScale: scale must be positive (or give facilities)');
  }
  return {
    facilityNames: [SCALE_FACILITY_NAME],
    clientsPerFacility: Math.max(1, Math.round(5000 * scale)),
    groupsPerFacility: Math.max(6, Math.round(80 * scale)),
    counselorsPerFacility: Math.max(2, Math.round(25 * scale)),
    daysOfHistory: options.daysOfHistory ?? 730,
    recordNumber: sql`'ST-' || lpad(n::text, 6, '0')`,
    groupName: sql`'Scale Group ' || lpad(g::text, 3, '0')`,
    // Three in four meet every day, the rest Monday to Saturday.
    scheduleDays: sql`case when g % 4 = 3 then '{1,2,3,4,5,6}'::int[]
      else '{0,1,2,3,4,5,6}'::int[] end`,
    rosterMin: 3,
    rosterSpread: 3,
  };
}

/** Sessions are generated this far ahead, as the app's rolling window (4 weeks) would. */
const DAYS_AHEAD = 28;
const DIRECTORY_MEETINGS = 200;

const LEVELS_IN_TREATMENT = ['3.5', '3.5', '3.7', '3.1', '2.5', '2.1'];
const LEVELS_ALUMNI = ['2.1', '1'];
/** Substance sets and the fellowship each one usually leads to. */
const SUBSTANCE_SETS: [string, string][] = [
  ['alcohol', 'aa'],
  ['alcohol,cannabis', 'aa'],
  ['opioids', 'na'],
  ['opioids,sedatives', 'na'],
  ['stimulants', 'ca'],
  ['methamphetamine', 'cma'],
  ['alcohol,stimulants', 'aa'],
];
const TRACKS = ['Residential core', 'Young adults', 'Dual diagnosis', 'Professionals'];
const PRONOUNS = ['she/her', 'he/him', 'they/them'];
const DISCHARGES = [
  'completed',
  'completed',
  'completed',
  'completed',
  'ama',
  'ama',
  'administrative',
  'transfer',
];
const GROUP_TIMES = [
  '07:30',
  '09:00',
  '10:30',
  '12:00',
  '13:30',
  '15:00',
  '16:30',
  '18:00',
  '19:30',
];
const GROUP_KINDS = ['aa', 'aa', 'na', 'na', 'ca', 'cma', 'smart_recovery', 'other_twelve_step'];
const HOUSING = [
  'stable',
  'stable',
  'stable',
  'family',
  'family',
  'sober_living',
  'sober_living',
  'unstable',
  'treatment',
  'homeless',
];
const WORK = ['working', 'working', 'working', 'school', 'both', 'looking', 'looking', 'neither'];

/** A PostgreSQL array literal, for passing a list as one text parameter. */
function arrayLiteral(values: readonly string[]) {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}
const textArray = (values: readonly string[]) => sql`${arrayLiteral(values)}::text[]`;
const uuidArray = (values: readonly string[]) => sql`${arrayLiteral(values)}::uuid[]`;

/** A deterministic pseudo-random integer in [0, 2^32) from a text key (hashtext is stable). */
const hash = (key: RawBuilder<unknown>, salt: string) =>
  sql`(hashtext(${key} || ${sql.lit(`:${salt}`)})::bigint + 2147483648)`;
/** … in [0, m). */
const pick = (key: RawBuilder<unknown>, salt: string, m: number) =>
  sql`(${hash(key, salt)} % ${sql.lit(m)})::int`;

/** The band label an instrument gives `total` (SQL on column `total`), as the app stores it. */
function bandCase(def: InstrumentDefinition) {
  return sql`case ${sql.join(
    def.bands.map(
      (b) => sql`when total between ${sql.lit(b.from)} and ${sql.lit(b.to)} then ${b.label}`,
    ),
    sql` `,
  )} end`;
}

type Trx = Transaction<Database>;

/**
 * Adds the scale world on top of whatever is there, in the first organisation (made if there is
 * none): facilities with counselors who also monitor the groups, groups meeting (nearly) daily,
 * clients of 30–90-day stays each on several groups' rosters and their attendance. About 15 % of
 * clients drift in their last two weeks (absences, falling engagement), so flags exist. Then the
 * outcome records: follow-up calls, referrals and assessments. Stored engagement figures are not
 * built: the first caseload view computes them.
 */
export async function seedScale(db: Db, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const { today } = options;
  const shape = shapeOf(options);
  const {
    clientsPerFacility: perFacility,
    groupsPerFacility: groupCount,
    counselorsPerFacility: counselorCount,
  } = shape;
  const history = shape.daysOfHistory;
  const passwordHash = options.hashPassword
    ? await options.hashPassword(SCALE_PASSWORD)
    : 'scale-seed:no-password';
  const tz = SCALE_TIME_ZONE;
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    options.onStep?.(name, now - last);
    last = now;
  };
  const day = (offset: number) => sql`(${today}::date + ${offset}::int)`;
  const local = (date: RawBuilder<unknown>, time: string) =>
    sql`((${date})::date + ${sql.lit(time)}::time) at time zone ${tz}`;

  const result = await db.transaction().execute(async (trx) => {
    let org = await trx
      .selectFrom('organizations')
      .select('id')
      .orderBy('createdAt')
      .orderBy('id')
      .executeTakeFirst();
    org ??= await trx
      .insertInto('organizations')
      .values({ name: 'Scale Test Organisation (fictional)' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const made = await trx
      .insertInto('facilities')
      .values(shape.facilityNames.map((name) => ({ organizationId: org.id, name, timeZone: tz })))
      .returning(['id', 'name'])
      .execute();
    const facilityIds = shape.facilityNames.map((name) => {
      const row = made.find((f) => f.name === name);
      if (!row) throw new Error('seedScale: a facility was not inserted');
      return row.id;
    });
    await trx
      .insertInto('facilitySettings')
      .values(facilityIds.map((facilityId) => ({ facilityId })))
      .execute();
    const facilities = uuidArray(facilityIds);
    const inWorld = (column: RawBuilder<unknown>) => sql`${column} = any (${facilities})`;
    /** Joins facility index `fi` (from 1) to rows whose facility is `column`. */
    const facilityIndex = (column: RawBuilder<unknown>) =>
      sql`join unnest(${facilities}) with ordinality as fx(id, fi) on fx.id = ${column}`;

    // Counselors, who also monitor the groups, numbered through the facilities in order; and the
    // director, admin at every facility.
    const emails = Array.from({ length: facilityIds.length * counselorCount }, (_, i) =>
      scaleCounselorEmail(i + 1),
    );
    const staff = await trx
      .insertInto('staffUsers')
      .values([
        ...emails.map((email, i) => ({
          organizationId: org.id,
          email,
          displayName: `Scale Counselor ${i + 1}`,
          passwordHash,
        })),
        {
          organizationId: org.id,
          email: SCALE_ADMIN_EMAIL,
          displayName: 'Scale Director',
          passwordHash,
        },
      ])
      .returning(['id', 'email'])
      .execute();
    const staffId = (email: string) => {
      const row = staff.find((s) => s.email === email);
      if (!row) throw new Error('seedScale: a staff member was not inserted');
      return row.id;
    };
    const counselorIds = emails.map(staffId);
    const adminId = staffId(SCALE_ADMIN_EMAIL);
    await trx
      .insertInto('staffRoles')
      .values([
        ...counselorIds.map((id, i) => ({
          staffUserId: id,
          facilityId: facilityIds[Math.floor(i / counselorCount)] as string,
          role: 'counselor' as const,
        })),
        ...facilityIds.map((facilityId) => ({
          staffUserId: adminId,
          facilityId,
          role: 'admin' as const,
        })),
      ])
      .execute();
    const counselors = uuidArray(counselorIds);
    /** Counselor `k` (from 0) of facility `fi` (SQL). */
    const counselorAt = (fi: RawBuilder<unknown>, k: RawBuilder<unknown>) =>
      sql`(${counselors})[(${fi} - 1) * ${sql.lit(counselorCount)} + 1 + ${k}]`;

    // Groups.
    await sql`
      insert into groups (facility_id, name, kind, format_codes, audiences, participation,
        enrolment, room, schedule_days, start_time, duration_minutes, sessions_through,
        monitor_staff_id)
      select facility_id, ${shape.groupName},
        (${textArray(GROUP_KINDS)})[1 + g % ${sql.lit(GROUP_KINDS.length)}],
        '{C,D}', '{clients}',
        case when g % 5 = 0 then 'mandatory' else 'optional' end,
        'open', 'Room ' || (1 + g % 12),
        ${shape.scheduleDays},
        (${textArray(GROUP_TIMES)})[1 + g % ${sql.lit(GROUP_TIMES.length)}],
        60, ${day(DAYS_AHEAD)},
        ${counselorAt(sql`fi`, sql`g % ${sql.lit(counselorCount)}`)}
      from (select fx.id as facility_id, fx.fi::int as fi
        from unnest(${facilities}) with ordinality as fx(id, fi)) f
      cross join generate_series(1, ${groupCount}::int) g
    `.execute(trx);
    const groupRows = await sql<{ id: string }>`
      select id from groups where ${inWorld(sql`facility_id`)}
      order by array_position(${facilities}, facility_id), name
    `.execute(trx);
    const groups = uuidArray(groupRows.rows.map((g) => g.id));

    // Sessions from the start of the history to four weeks ahead: signed before today, 2 %
    // cancelled.
    const sessionKey = sql`g.name || d::date::text`;
    const key = sql`key`;
    step('facilities, staff, groups');
    const sessions = await sql`
      insert into group_sessions (group_id, facility_id, starts_at, duration_minutes, state,
        cancel_reason, topic, step_focus, signed_at, signed_by)
      select id, facility_id, starts_at, 60, state,
        case when state = 'cancelled' then 'Monitor out sick, no cover' end,
        case when state = 'signed' then (${textArray(TOPICS)})[1 + ${pick(key, 'topic', TOPICS.length)}] end,
        case when state = 'signed' then 1 + ${pick(key, 'step', 12)} end,
        case when state = 'signed' then starts_at + interval '80 minutes' end,
        case when state = 'signed' then monitor_staff_id end
      from (
        select g.id, g.facility_id, g.monitor_staff_id, ${sessionKey} as key,
          (d::date + g.start_time::time) at time zone ${tz} as starts_at,
          case
            when d::date >= ${today}::date then 'scheduled'
            when ${pick(sessionKey, 'cancel', 100)} < 2 then 'cancelled'
            else 'signed'
          end as state
        from groups g
        cross join generate_series(${day(-history)}::timestamp,
          ${day(DAYS_AHEAD)}::timestamp, interval '1 day') d
        where ${inWorld(sql`g.facility_id`)} and extract(dow from d)::int = any (g.schedule_days)
      ) s
    `.execute(trx);
    step('sessions');

    // Clients admitted uniformly over the history, staying 30–90 days; in treatment if the stay
    // reaches today, alumni otherwise.
    const rn = sql`rn`;
    await sql`
      insert into clients (facility_id, record_number, first_name, last_name, admission_date,
        discharge_date, status, date_of_birth, pronouns, primary_substances, level_of_care,
        program_track, counselor_staff_id, sobriety_date, preferred_fellowship, discharge_type,
        alumni_follow_up, support_person, support_since)
      select facility_id, rn,
        (${textArray(FIRST_NAMES)})[1 + ${pick(rn, 'first', FIRST_NAMES.length)}],
        (${textArray(SURNAMES)})[1 + ${pick(rn, 'last', SURNAMES.length)}],
        admission, discharge,
        case when discharge is null then 'in_treatment' else 'alumni' end,
        ${today}::date - (6570 + ${pick(rn, 'born', 47 * 365)}),
        case when ${pick(rn, 'pronouns', 5)} < 3
          then (${textArray(PRONOUNS)})[1 + ${pick(rn, 'pronouns', 5)}] end,
        string_to_array((${textArray(SUBSTANCE_SETS.map((s) => s[0]))})[1 + substances], ','),
        case when discharge is null
          then (${textArray(LEVELS_IN_TREATMENT)})[1 + ${pick(rn, 'level', LEVELS_IN_TREATMENT.length)}]
          else (${textArray(LEVELS_ALUMNI)})[1 + ${pick(rn, 'level', LEVELS_ALUMNI.length)}] end,
        (${textArray(TRACKS)})[1 + ${pick(rn, 'track', TRACKS.length)}],
        ${counselorAt(sql`fi`, pick(rn, 'counselor', counselorCount))},
        case when discharge is not null and ${pick(rn, 'relapse', 100)} < 15
          then least(${today}::date, discharge + 10 + ${pick(rn, 'relapse-days', 51)})
          else admission - ${pick(rn, 'sober', 7)} end,
        case when ${pick(rn, 'smart', 100)} < 15 then 'smart'
          else (${textArray(SUBSTANCE_SETS.map((s) => s[1]))})[1 + substances] end,
        case when discharge is not null
          then (${textArray(DISCHARGES)})[1 + ${pick(rn, 'discharge', DISCHARGES.length)}] end,
        case when discharge is not null then
          case when ${pick(rn, 'follow-up', 100)} < 70 then 'opted_in' else 'opted_out' end end,
        case when ${pick(rn, 'support', 100)} < (case when discharge is null then 35 else 60 end)
          then case when ${pick(rn, 'smart', 100)} < 15 then 'mentor' else 'sponsor' end end,
        case when ${pick(rn, 'support', 100)} < (case when discharge is null then 35 else 60 end)
          then coalesce(discharge, ${today}::date) - (3 + ${pick(rn, 'support-since', 18)}) end
      from (
        select facility_id, fi, rn, admission,
          ${pick(rn, 'substances', SUBSTANCE_SETS.length)} as substances,
          case when admission + stay < ${today}::date then admission + stay end as discharge
        from (
          select facility_id, fi, rn,
            ${today}::date - ${pick(rn, 'admitted', history)} as admission,
            30 + ${pick(rn, 'stay', 61)} as stay
          from (select fx.id as facility_id, fx.fi::int as fi, ${shape.recordNumber} as rn
            from unnest(${facilities}) with ordinality as fx(id, fi)
            cross join generate_series(1, ${perFacility}::int) n) numbered
        ) stays
      ) c
    `.execute(trx);
    step('clients');

    // Each client on distinct groups' rosters (at their facility) for the whole stay.
    const enrolments = await sql`
      insert into group_enrolments (group_id, facility_id, client_id, start_date, end_date,
        end_reason, created_by)
      select (${groups})[(fx.fi::int - 1) * ${sql.lit(groupCount)} + 1
          + (p.first + j * p.step) % ${groupCount}::int],
        c.facility_id, c.id,
        c.admission_date, c.discharge_date,
        case when c.discharge_date is not null then 'Discharged' end, c.counselor_staff_id
      from clients c
      ${facilityIndex(sql`c.facility_id`)}
      cross join lateral (select
        ${pick(sql`c.record_number`, 'group', groupCount)} as first,
        1 + ${pick(sql`c.record_number`, 'group-step', Math.floor(groupCount / 5))} as step,
        ${sql.lit(shape.rosterMin)} + ${pick(sql`c.record_number`, 'group-count', shape.rosterSpread)} as k) p
      cross join lateral generate_series(0, p.k - 1) j
    `.execute(trx);
    step('enrolments');

    // Checking the foreign keys of a million new rows one by one takes half the time of this
    // insert. Every id below comes from a join on the row it references, inside this
    // transaction, so for this one statement a superuser skips those checks (and any other
    // trigger: attendance_records has none). The test checks the references afterwards.
    const superuser = await sql<{ on: boolean }>`
      select current_setting('is_superuser') = 'on' as on
    `.execute(trx);
    if (superuser.rows[0]?.on) {
      await sql`set local session_replication_role = replica`.execute(trx);
    }

    // Attendance at every signed session on the roster during the stay. `u` decides the status;
    // `bias` makes some clients come less than others; drifting clients come less and engage
    // less in their last two weeks, and miss everything in their last five days. Stored in the
    // order staff record them, session by session through time, as the heap of a real facility
    // is laid out (the records of a session or a week sit together on disk).
    const attendance = await sql`
      insert into attendance_records (session_id, facility_id, client_id, status, late_minutes,
        left_early_minutes, excuse_reason, participation, engagement_rating, saved_in_version,
        recorded_by, recorded_at)
      select session_id, facility_id, client_id, status,
        case when status = 'late' then 2 + (v / 100) % 20 end,
        case when status = 'left_early' then 5 + (v / 100) % 30 end,
        case when status = 'absent_excused'
          then (${textArray(EXCUSES)})[1 + (v / 3000) % ${sql.lit(EXCUSES.length)}] end,
        case when status in ('present', 'late', 'left_early') then
          case when (v / 7) % 100 < 35 + 3 * bias then 'shared' else 'listened' end end,
        case when status in ('present', 'late', 'left_early') then
          greatest(1, least(5, engagement + (v / 11) % 3 - 1 - fade)) end,
        1, monitor, starts_at + interval '60 minutes'
      from (
        select *,
          case
            when drifting and days_left < 5 then 'absent_unexcused'
            when drifting and days_left < 14 then
              case when u < 25 then 'present' when u < 30 then 'late'
                when u < 40 then 'absent_excused' else 'absent_unexcused' end
            when u + bias < 86 then 'present'
            when u + bias < 90 then 'late'
            when u + bias < 92 then 'left_early'
            when u + bias < 97 then 'absent_excused'
            else 'absent_unexcused'
          end as status,
          case when drifting and days_left < 7 then 2 when drifting and days_left < 14 then 1
            else 0 end as fade
        from (
          select s.id as session_id, c.id as client_id, c.facility_id, s.starts_at,
            g.monitor_staff_id as monitor, v, v % 100 as u,
            coalesce(c.discharge_date, ${today}::date - 1)
              - (s.starts_at at time zone ${tz})::date as days_left,
            ${pick(sql`c.record_number`, 'bias', 10)} as bias,
            ${pick(sql`c.record_number`, 'drift', 100)} < 15 as drifting,
            2 + ${pick(sql`c.record_number`, 'engagement', 3)} as engagement
          from clients c
          join group_enrolments e on e.client_id = c.id
          join groups g on g.id = e.group_id
          join group_sessions s on s.group_id = e.group_id
            and s.starts_at >= (e.start_date::timestamp at time zone ${tz})
            and s.starts_at < ((least(coalesce(e.end_date, ${today}::date - 1),
              ${today}::date - 1) + 1)::timestamp at time zone ${tz})
          cross join lateral (select
            ${hash(sql`c.record_number || g.name || extract(epoch from s.starts_at)::bigint::text`, 'att')} as v) h
          where ${inWorld(sql`c.facility_id`)} and s.state = 'signed'
        ) rows
      ) decided
      order by starts_at, session_id, client_id
    `.execute(trx);
    if (superuser.rows[0]?.on) {
      await sql`set local session_replication_role = origin`.execute(trx);
    }
    step('attendance');

    const followUps = await seedFollowUps(trx, { today, tz, inWorld, local });
    step('follow-up calls');
    const referrals = await seedReferrals(trx, {
      today,
      tz,
      orgId: org.id,
      adminId,
      inWorld,
      local,
    });
    step('referrals');
    const assessments = await seedAssessments(trx, { today, tz, inWorld, local });
    step('assessments');

    return {
      facilityId: facilityIds[0] as string,
      facilityIds,
      clients: perFacility * facilityIds.length,
      attendance: Number(attendance.numAffectedRows ?? 0),
      counselorEmail: scaleCounselorEmail(1),
      adminEmail: SCALE_ADMIN_EMAIL,
      groups: groupRows.rows.length,
      sessions: Number(sessions.numAffectedRows ?? 0),
      enrolments: Number(enrolments.numAffectedRows ?? 0),
      ...followUps,
      ...referrals,
      assessments,
    };
  });
  if (options.analyze ?? true) {
    await sql`analyze facilities, clients, groups, group_enrolments, group_sessions,
      attendance_records, staff_users, staff_roles, follow_up_tasks, follow_up_attempts,
      meetings, referrals, referral_events, assessments`.execute(db);
    step('analyze');
  }
  return result;
}

interface StepInput {
  today: string;
  tz: string;
  /** `column` is one of the world's facilities. */
  inWorld: (column: RawBuilder<unknown>) => RawBuilder<unknown>;
  /** The instant of a local date and time at the facilities. */
  local: (date: RawBuilder<unknown>, time: string) => RawBuilder<unknown>;
}

/**
 * Follow-up calls at 7, 30, 60 and 90 days for every alumnus who opted in: those due a week ago
 * or more mostly done (reached, sometimes after a missed call) with their answers, some declined,
 * a few left open; recent ones open, some tried; the rest ahead.
 */
async function seedFollowUps(trx: Trx, { today, inWorld, local }: StepInput) {
  const key = sql`key`;
  const { rows } = await sql<{ tasks: number; attempts: number }>`
    with planned as (
      select c.id as client_id, c.facility_id, c.counselor_staff_id as staff_id,
        c.discharge_date, c.sobriety_date, c.support_person, d,
        c.record_number || ':' || d as key, c.discharge_date + d as due_on,
        ${today}::date - (c.discharge_date + d) as late
      from clients c
      cross join unnest(${`{${DEFAULT_FOLLOW_UP_DAYS.join(',')}}`}::int[]) d
      where ${inWorld(sql`c.facility_id`)} and c.discharge_date is not null
        and c.alumni_follow_up = 'opted_in'
    ),
    decided as (
      select *,
        case
          when late < 7 then 'open'
          when u < (case when late <= 40 then 15 else 5 end) then 'open'
          when u < (case when late <= 40 then 23 else 13 end) then 'declined'
          else 'done'
        end as status,
        due_on + ${pick(key, 'first', 4)} as first_on,
        ${pick(key, 'retry', 100)} < 25 as retried
      from (select *, ${pick(key, 'task', 100)} as u from planned) p
    ),
    plan as (
      select *,
        case when status = 'done' and retried then first_on + 1 + ${pick(key, 'second', 2)}
          else first_on end as close_on,
        case
          when status = 'done' and retried then 'no_answer'
          when status = 'open' and first_on < ${today}::date
            and ${pick(key, 'tried', 100)} < (case when late < 7 then 30 else 60 end)
            then case when late >= 7 and ${pick(key, 'wrong', 100)} < 25 then 'wrong_number'
              else 'no_answer' end
        end as missed
      from decided
    ),
    answered as (
      select *,
        case
          when sobriety_date > discharge_date and close_on >= sobriety_date - 10 then 'no'
          when ${pick(key, 'abstinent', 100)} < 85 then 'yes'
          when ${pick(key, 'abstinent', 100)} < 93 then 'declined'
          else 'no'
        end as abstinent
      from plan
    ),
    made_tasks as (
      insert into follow_up_tasks (facility_id, client_id, days_after_discharge, due_on, status,
        closed_at, closed_by, created_at)
      select facility_id, client_id, d, due_on, status,
        case when status in ('done', 'declined') then ${local(sql`close_on`, '16:30')} end,
        case when status in ('done', 'declined') then staff_id end,
        ${local(sql`discharge_date`, '17:00')}
      from answered
      returning id, client_id, days_after_discharge
    ),
    made_attempts as (
      insert into follow_up_attempts (task_id, facility_id, client_id, outcome, attempted_at,
        note, community_meetings, has_sponsor, abstinent, housing, work_or_school, made_by)
      select t.id, p.facility_id, p.client_id, a.outcome, a.at,
        case when a.outcome = 'declined'
          then 'Said things are fine and would rather not talk.' end,
        case when a.outcome = 'reached' then
          case when p.abstinent = 'yes' then 3 + ${pick(sql`p.key`, 'meetings', 18)}
            else ${pick(sql`p.key`, 'meetings', 7)} end end,
        case when a.outcome = 'reached' then
          coalesce(p.support_person = 'sponsor', false) or ${pick(sql`p.key`, 'sponsor', 100)} < 35 end,
        case when a.outcome = 'reached' then p.abstinent end,
        case when a.outcome = 'reached'
          then (${textArray(HOUSING)})[1 + ${pick(sql`p.key`, 'housing', HOUSING.length)}] end,
        case when a.outcome = 'reached'
          then (${textArray(WORK)})[1 + ${pick(sql`p.key`, 'work', WORK.length)}] end,
        p.staff_id
      from made_tasks t
      join answered p on p.client_id = t.client_id and p.d = t.days_after_discharge
      cross join lateral (values
        (p.missed, ${local(sql`p.first_on`, '10:15')}, p.missed is not null),
        ('reached', ${local(sql`p.close_on`, '16:30')}, p.status = 'done'),
        ('declined', ${local(sql`p.close_on`, '16:30')}, p.status = 'declined')
      ) a(outcome, at, made)
      where a.made
      returning 1
    )
    select (select count(*) from made_tasks)::int as tasks,
      (select count(*) from made_attempts)::int as attempts
  `.execute(trx);
  return { followUpTasks: rows[0]?.tasks ?? 0, followUpAttempts: rows[0]?.attempts ?? 0 };
}

/**
 * A small meeting directory, and a referral for most alumni around their discharge: to a
 * directory meeting (or, one in ten, an online alternative), with every status it passed
 * through up to today: attending at 30 days, first meeting, accepted, suggested, declined or lost.
 */
async function seedReferrals(trx: Trx, input: StepInput & { orgId: string; adminId: string }) {
  const { today, tz, inWorld, local, orgId, adminId } = input;
  const source = await trx
    .insertInto('meetingSources')
    .values({
      organizationId: orgId,
      name: `Scale seed directory ${today}`,
      kind: 'manual',
      url: null,
      fellowship: 'aa',
      defaultTimeZone: tz,
      lastImportedAt: null,
      createdBy: adminId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meetings = await sql<{ id: string }>`
    insert into meetings (organization_id, source_id, slug, fellowship, name, day, start_minute,
      end_minute, time_zone, attendance_mode, location, city, search_text, content_hash)
    select ${orgId}::uuid, ${source.id}::uuid, 'scale-' || lpad(m::text, 4, '0'), 'aa',
      'Scale Meeting ' || m, m % 7, 360 + (m * 37) % 900, 420 + (m * 37) % 900, ${tz},
      (array['in_person', 'in_person', 'online', 'hybrid'])[1 + m % 4],
      'Hall ' || (m % 40), 'Testville', lower('Scale Meeting ' || m || ' hall ' || (m % 40)),
      md5('scale meeting ' || m)
    from generate_series(1, ${DIRECTORY_MEETINGS}::int) m
    order by m
    returning id
  `.execute(trx);
  const meetingIds = uuidArray(meetings.rows.map((m) => m.id));
  const rn = sql`rn`;

  const { rows } = await sql<{ referrals: number; events: number }>`
    with planned as (
      select c.id as client_id, c.facility_id, c.counselor_staff_id as staff_id,
        c.record_number as rn, d0,
        case
          when u < 30 then 'attending' when u < 50 then 'first_attended'
          when u < 62 then 'accepted' when u < 72 then 'suggested'
          when u < 87 then 'declined' else 'lost_contact'
        end as goal,
        d0 + 1 + ${pick(rn, 'accepted', 3)} as accepted_on,
        ${pick(rn, 'alternative', 10)} = 0 as alternative,
        (${meetingIds})[1 + ${pick(rn, 'meeting', DIRECTORY_MEETINGS)}] as meeting_id
      from (select c.*, c.record_number as rn,
          greatest(c.admission_date, c.discharge_date - ${pick(sql`c.record_number`, 'referred-on', 6)}) as d0,
          ${pick(sql`c.record_number`, 'referral-goal', 100)} as u
        from clients c
        where ${inWorld(sql`c.facility_id`)} and c.discharge_date is not null
          and ${pick(sql`c.record_number`, 'referred', 100)} < 60) c
    ),
    steps as (
      select p.client_id, p.facility_id, p.staff_id, s.ord, s.status, s.occurred_on
      from planned p
      cross join lateral (select accepted_on + 3 + ${pick(rn, 'first-meeting', 10)} as first_on) f
      cross join lateral (values
        (1, 'suggested', p.d0, true),
        (2, 'accepted', p.accepted_on,
          p.goal in ('accepted', 'first_attended', 'attending', 'lost_contact')),
        (2, 'declined', p.d0 + 2 + ${pick(rn, 'declined', 5)}, p.goal = 'declined'),
        (3, 'first_attended', f.first_on, p.goal in ('first_attended', 'attending')),
        (3, 'lost_contact', p.accepted_on + 14 + ${pick(rn, 'lost', 20)}, p.goal = 'lost_contact'),
        (4, 'attending', f.first_on + 30, p.goal = 'attending')
      ) s(ord, status, occurred_on, on_path)
      where s.on_path and s.occurred_on <= ${today}::date
    ),
    summary as (
      select client_id, count(*)::int as n,
        (array_agg(status order by ord desc))[1] as status,
        max(occurred_on) as status_on,
        min(occurred_on) filter (where status = 'first_attended') as first_attended_on
      from steps group by client_id
    ),
    made_referrals as (
      insert into referrals (facility_id, client_id, meeting_id, alternative_name,
        alternative_details, status, status_on, first_attended_on, match_reasons, version,
        created_by, created_at)
      select p.facility_id, p.client_id,
        case when not p.alternative then p.meeting_id end,
        case when p.alternative then 'SMART Recovery online' end,
        case when p.alternative then 'Online meetings most evenings.' end,
        s.status, s.status_on, s.first_attended_on,
        case when p.alternative then '{"Not a Twelve Step programme, as asked"}'::text[]
          else '{"Preferred fellowship"}'::text[] end,
        s.n, p.staff_id, ${local(sql`p.d0`, '11:00')}
      from planned p join summary s on s.client_id = p.client_id
      returning id, client_id
    ),
    made_events as (
      insert into referral_events (referral_id, facility_id, status, occurred_on, recorded_by,
        recorded_at)
      select r.id, s.facility_id, s.status, s.occurred_on, s.staff_id,
        ${local(sql`s.occurred_on`, '12:00')}
      from made_referrals r join steps s on s.client_id = r.client_id
      order by r.id, s.ord
      returning 1
    )
    select (select count(*) from made_referrals)::int as referrals,
      (select count(*) from made_events)::int as events
  `.execute(trx);
  return { referrals: rows[0]?.referrals ?? 0, referralEvents: rows[0]?.events ?? 0 };
}

/** A client's BARC-10 at admission (SQL on their record number `rn`). */
const barcAtAdmission = (rn: RawBuilder<unknown>) => sql`(22 + ${pick(rn, 'barc', 21)})`;
/** … and at discharge: up more for those who completed. */
const barcAtDischarge = (rn: RawBuilder<unknown>, dischargeType: RawBuilder<unknown>) =>
  sql`least(60, ${barcAtAdmission(rn)} + case when ${dischargeType} = 'completed'
    then 8 + ${pick(rn, 'barc-gain', 10)} else 1 + ${pick(rn, 'barc-gain', 8)} end)`;

/**
 * BARC-10 and PHQ-9 at admission (nine in ten clients) and at discharge (most who completed,
 * fewer who left otherwise), and BARC-10 at the 90-day call when it reached them (most). Recovery
 * capital rises and depression falls in treatment, more for those who completed; the 90-day
 * BARC-10 falls for those who used again. Answers are spread over the items so that they score
 * exactly the stored total, band and safety flag (PHQ-9 item 9).
 */
async function seedAssessments(trx: Trx, { today, inWorld, local }: StepInput) {
  const rn = sql`rn`;
  const barcIds = textArray(BARC10.items.map((i) => i.id));
  const phqIds = textArray(PHQ9.items.filter((i) => i.id !== '9').map((i) => i.id));
  /** Inserts the assessments `given` (client_id, facility_id, staff_id, rn, instrument, occasion,
   * administered_on, total, task_id), with answers that score `total`. */
  const insert = async (given: RawBuilder<unknown>) => {
    const inserted = await sql`
      insert into assessments (facility_id, client_id, instrument_code, instrument_version,
        occasion, administered_on, follow_up_task_id, answers, total_score, band, safety_concern,
        administered_by, recorded_at)
      select facility_id, client_id, instrument, 1, occasion, administered_on, task_id,
        case when instrument = 'barc10' then
          (select jsonb_object_agg((${barcIds})[i],
              1 + (total - 10) / 10 + case when (i + shift) % 10 < (total - 10) % 10 then 1 else 0 end)
            from generate_series(1, 10) i)
        else
          (select jsonb_object_agg((${phqIds})[i],
              (total - item9) / 8 + case when (i + shift) % 8 < (total - item9) % 8 then 1 else 0 end)
            from generate_series(1, 8) i) || jsonb_build_object('9', item9)
        end,
        total,
        case when instrument = 'barc10' then ${bandCase(BARC10)} else ${bandCase(PHQ9)} end,
        coalesce(item9 >= 1, false),
        staff_id, ${local(sql`administered_on`, '12:00')}
      from (
        select g.*, ${pick(sql`g.rn || g.instrument || g.occasion`, 'spread', 10)} as shift,
          case when g.instrument = 'phq9' then
            case when g.total > 24 then g.total - 24
              when g.total >= 10 and ${pick(sql`g.rn || g.occasion`, 'item-9', 100)} < 8 then 1
              else 0 end
          end as item9
        from (${given}) g
      ) answered
    `.execute(trx);
    return Number(inserted.numAffectedRows ?? 0);
  };

  const inTreatment = await insert(sql`
    select s.client_id, s.facility_id, s.staff_id, s.rn, x.instrument, x.occasion,
      x.administered_on, x.total, null::uuid as task_id
    from (
      select c.id as client_id, c.facility_id, c.counselor_staff_id as staff_id, c.rn,
        c.admission_date, c.discharge_date,
        ${barcAtAdmission(rn)} as barc_admission,
        ${barcAtDischarge(rn, sql`c.discharge_type`)} as barc_discharge,
        6 + ${pick(rn, 'phq', 16)} as phq_admission,
        greatest(0, 6 + ${pick(rn, 'phq', 16)} - case when c.discharge_type = 'completed'
          then 4 + ${pick(rn, 'phq-drop', 8)} else ${pick(rn, 'phq-drop', 6)} end)
          as phq_discharge,
        ${pick(rn, 'assessed', 100)} < 92 as at_admission,
        c.discharge_date is not null and ${pick(rn, 'assessed-discharge', 100)} < (
          case c.discharge_type when 'completed' then 90 when 'transfer' then 70
            when 'administrative' then 50 else 25 end) as at_discharge
      from (select c.*, c.record_number as rn from clients c
        where ${inWorld(sql`c.facility_id`)}) c
    ) s
    cross join lateral (values
      ('barc10', 'admission',
        least(s.admission_date + ${pick(rn, 'admission-day', 3)}, ${today}::date),
        s.barc_admission, s.at_admission),
      ('phq9', 'admission',
        least(s.admission_date + ${pick(rn, 'admission-day', 3)}, ${today}::date),
        s.phq_admission, s.at_admission),
      ('barc10', 'discharge', s.discharge_date, s.barc_discharge, s.at_discharge),
      ('phq9', 'discharge', s.discharge_date, s.phq_discharge, s.at_discharge)
    ) x(instrument, occasion, administered_on, total, given)
    where x.given
  `);
  const atNinetyDays = await insert(sql`
    select c.id as client_id, c.facility_id, c.counselor_staff_id as staff_id, c.rn,
      'barc10' as instrument, 'follow_up' as occasion,
      (a.attempted_at at time zone ${SCALE_TIME_ZONE})::date as administered_on,
      greatest(10, least(60, ${barcAtDischarge(rn, sql`c.discharge_type`)}
        + case when a.abstinent = 'no' then -6 - ${pick(rn, 'barc-ninety', 6)}
          else ${pick(rn, 'barc-ninety', 7)} - 2 end)) as total,
      t.id as task_id
    from follow_up_tasks t
    join follow_up_attempts a on a.task_id = t.id and a.outcome = 'reached'
    join (select c.*, c.record_number as rn from clients c) c on c.id = t.client_id
    where ${inWorld(sql`t.facility_id`)} and t.days_after_discharge = 90
      and ${pick(rn, 'assessed-ninety', 100)} < 85
  `);
  return inTreatment + atNinetyDays;
}
