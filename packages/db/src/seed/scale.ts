import { sql } from 'kysely';
import type { Db } from '../create-db';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './demo';
import { FIRST_NAMES, SURNAMES } from './names';
import { EXCUSES, TOPICS } from './session-words';

/**
 * A large fictional facility for benchmarks: at `scale` 1, 5,000 clients admitted over two years
 * and over a million attendance records. Built with set-based SQL (`insert … select`), so even
 * embedded PostgreSQL builds it in well under a minute. Deterministic: every choice comes from a
 * hash of stable keys (record numbers, group names, dates), never from `random()`.
 */

export const SCALE_FACILITY_NAME = 'Scale Test Facility';
export const SCALE_TIME_ZONE = 'America/Denver';
/** The password of the scale counselors when `hashPassword` is given (demo data only). */
export const SCALE_PASSWORD = DEMO_PASSWORD;

export function scaleCounselorEmail(n: number) {
  return `scale-counselor-${n}@${DEMO_EMAIL_DOMAIN}`;
}

export interface ScaleSeedOptions {
  /** YYYY-MM-DD: admissions fall in the two years before it; sessions before it are signed. */
  today: string;
  /** 1 = 5,000 clients, ~25 counselors, ~80 groups, ≥ 1,000,000 attendance records. */
  scale: number;
  /** Hashes the counselors' password (SCALE_PASSWORD); without it nobody can sign in as them. */
  hashPassword?: (password: string) => Promise<string>;
  /** Gather planner statistics afterwards, as one would after any bulk load. Default true. */
  analyze?: boolean;
  /** Told how long each step took, e.g. to print while benchmarking. */
  onStep?: (step: string, ms: number) => void;
}

export interface ScaleSeedResult {
  facilityId: string;
  clients: number;
  attendance: number;
  counselorEmail: string;
  groups: number;
  sessions: number;
  enrolments: number;
}

const DAYS_OF_HISTORY = 730;
/** Sessions are generated this far ahead, as the app's rolling window (4 weeks) would. */
const DAYS_AHEAD = 28;

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

/** A PostgreSQL array literal, for passing a list as one text parameter. */
function arrayLiteral(values: readonly string[]) {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}
const textArray = (values: readonly string[]) => sql`${arrayLiteral(values)}::text[]`;

/** A deterministic pseudo-random integer in [0, 2^32) from a text key (hashtext is stable). */
const hash = (key: ReturnType<typeof sql>, salt: string) =>
  sql`(hashtext(${key} || ${sql.lit(`:${salt}`)})::bigint + 2147483648)`;
/** … in [0, m). */
const pick = (key: ReturnType<typeof sql>, salt: string, m: number) =>
  sql`(${hash(key, salt)} % ${sql.lit(m)})::int`;

/**
 * Adds one fictional facility, "Scale Test Facility", to the first organisation (made if there is
 * none), on top of whatever is there: counselors, groups meeting (nearly) daily for two years,
 * clients of 30–90-day stays each on 3–5 groups' rosters, and their attendance. About 15 % of
 * clients drift in their last two weeks (absences, falling engagement), so flags exist. Stored
 * engagement figures are not built: the first caseload view computes them.
 */
export async function seedScale(db: Db, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const { today, scale } = options;
  if (!(scale > 0)) throw new Error('seedScale: scale must be positive');
  const clientCount = Math.max(1, Math.round(5000 * scale));
  const groupCount = Math.max(6, Math.round(80 * scale));
  const counselorCount = Math.max(2, Math.round(25 * scale));
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
    const facility = await trx
      .insertInto('facilities')
      .values({ organizationId: org.id, name: SCALE_FACILITY_NAME, timeZone: tz })
      .returning('id')
      .executeTakeFirstOrThrow();
    const f = facility.id;
    const fid = sql`${f}::uuid`;
    await trx.insertInto('facilitySettings').values({ facilityId: f }).execute();

    // Counselors, who also monitor the groups.
    const staff = await trx
      .insertInto('staffUsers')
      .values(
        Array.from({ length: counselorCount }, (_, i) => ({
          organizationId: org.id,
          email: scaleCounselorEmail(i + 1),
          displayName: `Scale Counselor ${i + 1}`,
          passwordHash,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    const counselorIds = Array.from({ length: counselorCount }, (_, i) => {
      const row = staff.find((s) => s.email === scaleCounselorEmail(i + 1));
      if (!row) throw new Error('seedScale: a counselor was not inserted');
      return row.id;
    });
    await trx
      .insertInto('staffRoles')
      .values(counselorIds.map((id) => ({ staffUserId: id, facilityId: f, role: 'counselor' })))
      .execute();
    const counselors = sql`${arrayLiteral(counselorIds)}::uuid[]`;

    // Groups: three in four meet every day, the rest Monday to Saturday.
    await sql`
      insert into groups (facility_id, name, kind, format_codes, audiences, participation,
        enrolment, room, schedule_days, start_time, duration_minutes, sessions_through,
        monitor_staff_id)
      select ${fid}, 'Scale Group ' || lpad(g::text, 3, '0'),
        (${textArray(GROUP_KINDS)})[1 + g % ${sql.lit(GROUP_KINDS.length)}],
        '{C,D}', '{clients}',
        case when g % 5 = 0 then 'mandatory' else 'optional' end,
        'open', 'Room ' || (1 + g % 12),
        case when g % 4 = 3 then '{1,2,3,4,5,6}'::int[] else '{0,1,2,3,4,5,6}'::int[] end,
        (${textArray(GROUP_TIMES)})[1 + g % ${sql.lit(GROUP_TIMES.length)}],
        60, ${day(DAYS_AHEAD)},
        (${counselors})[1 + g % ${counselorCount}::int]
      from generate_series(1, ${groupCount}::int) g
    `.execute(trx);
    const groupRows = await trx
      .selectFrom('groups')
      .select(['id', 'name'])
      .where('facilityId', '=', f)
      .orderBy('name')
      .execute();
    const groups = sql`${arrayLiteral(groupRows.map((g) => g.id))}::uuid[]`;

    // Sessions from two years ago to four weeks ahead: signed before today, 2 % cancelled.
    const sessionKey = sql`g.name || d::date::text`;
    const key = sql`key`;
    step('facility, counselors, groups');
    const sessions = await sql`
      insert into group_sessions (group_id, facility_id, starts_at, duration_minutes, state,
        cancel_reason, topic, step_focus, signed_at, signed_by)
      select id, ${fid}, starts_at, 60, state,
        case when state = 'cancelled' then 'Monitor out sick, no cover' end,
        case when state = 'signed' then (${textArray(TOPICS)})[1 + ${pick(key, 'topic', TOPICS.length)}] end,
        case when state = 'signed' then 1 + ${pick(key, 'step', 12)} end,
        case when state = 'signed' then starts_at + interval '80 minutes' end,
        case when state = 'signed' then monitor_staff_id end
      from (
        select g.id, g.monitor_staff_id, ${sessionKey} as key,
          (d::date + g.start_time::time) at time zone ${tz} as starts_at,
          case
            when d::date >= ${today}::date then 'scheduled'
            when ${pick(sessionKey, 'cancel', 100)} < 2 then 'cancelled'
            else 'signed'
          end as state
        from groups g
        cross join generate_series(${day(-DAYS_OF_HISTORY)}::timestamp,
          ${day(DAYS_AHEAD)}::timestamp, interval '1 day') d
        where g.facility_id = ${f} and extract(dow from d)::int = any (g.schedule_days)
      ) s
    `.execute(trx);
    step('sessions');

    // Clients admitted uniformly over two years, staying 30–90 days; in treatment if the stay
    // reaches today, alumni otherwise.
    const rn = sql`rn`;
    await sql`
      insert into clients (facility_id, record_number, first_name, last_name, admission_date,
        discharge_date, status, date_of_birth, pronouns, primary_substances, level_of_care,
        program_track, counselor_staff_id, sobriety_date, preferred_fellowship, discharge_type,
        alumni_follow_up, support_person, support_since)
      select ${fid}, rn,
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
        (${counselors})[1 + ${pick(rn, 'counselor', counselorCount)}],
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
        select rn, admission, ${pick(rn, 'substances', SUBSTANCE_SETS.length)} as substances,
          case when admission + stay < ${today}::date then admission + stay end as discharge
        from (
          select rn,
            ${today}::date - ${pick(rn, 'admitted', DAYS_OF_HISTORY)} as admission,
            30 + ${pick(rn, 'stay', 61)} as stay
          from (select 'ST-' || lpad(n::text, 6, '0') as rn
            from generate_series(1, ${clientCount}::int) n) numbered
        ) stays
      ) c
    `.execute(trx);
    step('clients');

    // Each client on 3–5 distinct groups' rosters for the whole stay.
    const enrolments = await sql`
      insert into group_enrolments (group_id, facility_id, client_id, start_date, end_date,
        end_reason, created_by)
      select (${groups})[1 + (p.first + j * p.step) % ${groupCount}::int], ${fid}, c.id,
        c.admission_date, c.discharge_date,
        case when c.discharge_date is not null then 'Discharged' end, c.counselor_staff_id
      from clients c
      cross join lateral (select
        ${pick(sql`c.record_number`, 'group', groupCount)} as first,
        1 + ${pick(sql`c.record_number`, 'group-step', Math.floor(groupCount / 5))} as step,
        3 + ${pick(sql`c.record_number`, 'group-count', 3)} as k) p
      cross join lateral generate_series(0, p.k - 1) j
      where c.facility_id = ${f}
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
    // less in their last two weeks, and miss everything in their last five days.
    const attendance = await sql`
      insert into attendance_records (session_id, facility_id, client_id, status, late_minutes,
        left_early_minutes, excuse_reason, participation, engagement_rating, saved_in_version,
        recorded_by, recorded_at)
      select session_id, ${fid}, client_id, status,
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
          select s.id as session_id, c.id as client_id, s.starts_at,
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
          where c.facility_id = ${f} and s.state = 'signed'
        ) rows
      ) decided
    `.execute(trx);
    if (superuser.rows[0]?.on) {
      await sql`set local session_replication_role = origin`.execute(trx);
    }
    step('attendance');

    return {
      facilityId: f,
      clients: clientCount,
      attendance: Number(attendance.numAffectedRows ?? 0),
      counselorEmail: scaleCounselorEmail(1),
      groups: groupRows.length,
      sessions: Number(sessions.numAffectedRows ?? 0),
      enrolments: Number(enrolments.numAffectedRows ?? 0),
    };
  });
  if (options.analyze ?? true) {
    await sql`analyze clients, groups, group_enrolments, group_sessions, attendance_records, staff_users, staff_roles`.execute(
      db,
    );
    step('analyze');
  }
  return result;
}
