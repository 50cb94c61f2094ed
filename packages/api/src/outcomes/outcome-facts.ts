import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  addDays,
  attended,
  type ClientWeekAttendance,
  type FollowUpAnswers,
  type FollowUpFacts,
  type OutcomeFacts,
  type ReferredClient,
  type ScoreFacts,
  type SessionsHeldWeek,
  type StayFacts,
} from '@homegroup/core';
import type { Db } from '@homegroup/db';
import { type RawBuilder, sql } from 'kysely';
import type { OutcomeScope } from './outcome-scope';

// The attendance rate's own definition (core's `attended`), turned into SQL lists once.
const ATTENDED = (Object.keys(ATTENDANCE_STATUSES) as AttendanceStatus[]).filter(attended);
/** Session states at which attendance counts as taken: a rostered client with no entry missed it. */
const TAKEN = ['completed', 'signed'];

function list(values: readonly string[]): RawBuilder<unknown> {
  return sql.join(values.map((v) => sql.lit(v)));
}

/** The client filters (program track, level of care, counselor, group) on clients `c`. */
function clientFilter(scope: OutcomeScope): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [
    sql`c.facility_id in (${sql.join(scope.facilities.map((f) => f.id))})`,
  ];
  if (scope.programTrack) parts.push(sql`c.program_track = ${scope.programTrack}`);
  if (scope.levelOfCare) parts.push(sql`c.level_of_care = ${scope.levelOfCare}`);
  if (scope.counselorId) parts.push(sql`c.counselor_staff_id = ${scope.counselorId}`);
  if (scope.groupId) {
    parts.push(sql`exists (select 1 from group_enrolments ge where ge.client_id = c.id
      and ge.group_id = ${scope.groupId} and ge.start_date <= ${scope.range.to}::date
      and (ge.end_date is null or ge.end_date >= ${scope.range.from}::date))`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

function facilityIds(scope: OutcomeScope) {
  return sql.join(scope.facilities.map((f) => f.id));
}

/** Stays overlapping the range (those admitted in it are among them). */
async function stays(db: Db, scope: OutcomeScope): Promise<StayFacts[]> {
  const { rows } = await sql<StayFacts>`
    select c.id as "clientId", c.admission_date::text as "admissionDate",
      c.discharge_date::text as "dischargeDate", c.discharge_type as "dischargeType"
    from clients c
    where ${clientFilter(scope)} and c.admission_date <= ${scope.range.to}::date
      and (c.discharge_date is null or c.discharge_date >= ${scope.range.from}::date)`.execute(db);
  return rows;
}

/**
 * Each client's weeks of group sessions, counted the way the attendance rate counts them:
 * entries at sessions not cancelled, plus the roster of sessions whose attendance was taken
 * for anyone with no entry (they missed it).
 */
async function attendanceFacts(db: Db, scope: OutcomeScope) {
  const { from, to } = scope.range;
  // Sessions are stored as instants; widen by a day each side, then cut by the local date.
  const after = new Date(`${addDays(from, -1)}T00:00:00Z`);
  const before = new Date(`${addDays(to, 2)}T00:00:00Z`);
  const group = scope.groupId ? sql`and gs.group_id = ${scope.groupId}` : sql``;
  const sessions = sql`
    select * from (
      select gs.id, gs.group_id, gs.state, (gs.starts_at at time zone f.time_zone)::date as day
      from group_sessions gs join facilities f on f.id = gs.facility_id
      where gs.facility_id in (${facilityIds(scope)}) and gs.state <> 'cancelled'
        and gs.starts_at >= ${after} and gs.starts_at < ${before} ${group}
    ) s where s.day between ${from}::date and ${to}::date`;
  const [weeks, held] = await Promise.all([
    // Materialised steps keep the plan simple whatever the planner's statistics say: sessions,
    // entries, roster and the clients in scope are each computed once, then joined by hash.
    sql<ClientWeekAttendance>`
      with s as materialized (${sessions}),
      records as materialized (
        select s.id as session_id, s.day, ar.client_id,
          ar.status in (${list(ATTENDED)}) as came,
          case when ar.status in (${list(ATTENDED)}) then ar.engagement_rating end as rating
        from s join attendance_records ar on ar.session_id = s.id
        where ar.client_id is not null
      ),
      roster as materialized (
        select s.id as session_id, s.day, ge.client_id
        from s join group_enrolments ge on ge.group_id = s.group_id and ge.client_id is not null
          and ge.start_date <= s.day and (ge.end_date is null or ge.end_date >= s.day)
        where s.state in (${list(TAKEN)})
      ),
      -- An entry counts as recorded; a rostered client with no entry at a taken session missed it.
      person_sessions as (
        select coalesce(r.day, ro.day) as day, coalesce(r.client_id, ro.client_id) as client_id,
          coalesce(r.came, false) as came, r.rating
        from records r full join roster ro
          on ro.session_id = r.session_id and ro.client_id = r.client_id
      ),
      scoped as materialized (select c.id from clients c where ${clientFilter(scope)})
      select ps.client_id as "clientId", date_trunc('week', ps.day)::date::text as week,
        (count(*) filter (where ps.came))::int as attended, count(*)::int as expected,
        coalesce(sum(ps.rating), 0)::int as "ratingSum", count(ps.rating)::int as "ratingCount"
      from person_sessions ps
      where ps.client_id in (select id from scoped)
      group by ps.client_id, date_trunc('week', ps.day)`.execute(db),
    sql<SessionsHeldWeek>`
      with s as (${sessions})
      select date_trunc('week', s.day)::date::text as week, count(*)::int as held
      from s where s.state in (${list(TAKEN)}) group by 1`.execute(db),
  ]);
  return { clientWeeks: weeks.rows, sessionsHeld: held.rows };
}

/** Clients given a referral in the range, and how far any of their referrals got. */
async function referred(db: Db, scope: OutcomeScope): Promise<ReferredClient[]> {
  const { rows } = await sql<ReferredClient>`
    select r.client_id as "clientId",
      bool_or(r.first_attended_on is not null) as "firstMeeting",
      bool_or(exists (select 1 from referral_events ev
        where ev.referral_id = r.id and ev.status = 'attending')) as attending
    from referrals r join clients c on c.id = r.client_id
      join facilities f on f.id = r.facility_id
    where r.facility_id in (${facilityIds(scope)}) and ${clientFilter(scope)}
      and (r.created_at at time zone f.time_zone)::date between ${scope.range.from}::date and ${scope.range.to}::date
    group by r.client_id`.execute(db);
  return rows;
}

/** Follow-up calls due in the range, with the answer about use from the call that reached them. */
async function calls(db: Db, scope: OutcomeScope): Promise<FollowUpFacts[]> {
  const { rows } = await sql<FollowUpFacts>`
    select t.client_id as "clientId", t.days_after_discharge as "daysAfterDischarge",
      t.due_on::text as "dueOn", t.status,
      (select a.abstinent from follow_up_attempts a where a.task_id = t.id and a.outcome = 'reached'
        order by a.attempted_at desc limit 1) as abstinent
    from follow_up_tasks t join clients c on c.id = t.client_id
    where t.facility_id in (${facilityIds(scope)}) and ${clientFilter(scope)}
      and t.due_on between ${scope.range.from}::date and ${scope.range.to}::date`.execute(db);
  return rows;
}

/** Answers given on follow-up calls that reached the alumnus in the range. */
async function callAnswers(db: Db, scope: OutcomeScope): Promise<FollowUpAnswers[]> {
  const { rows } = await sql<FollowUpAnswers>`
    select a.client_id as "clientId", (a.attempted_at at time zone f.time_zone)::date::text as "attemptedOn",
      a.abstinent, a.housing, a.work_or_school as "workOrSchool",
      a.community_meetings as "communityMeetings", a.has_sponsor as "hasSponsor"
    from follow_up_attempts a join clients c on c.id = a.client_id
      join facilities f on f.id = a.facility_id
    where a.facility_id in (${facilityIds(scope)}) and ${clientFilter(scope)} and a.outcome = 'reached'
      and (a.attempted_at at time zone f.time_zone)::date between ${scope.range.from}::date and ${scope.range.to}::date`.execute(
    db,
  );
  return rows;
}

const SCORE_COLUMNS = sql`a.client_id as "clientId", a.instrument_code as instrument, a.occasion,
  a.administered_on::text as "administeredOn", a.total_score as total,
  a.subscale_scores as subscales, a.answers, c.discharge_date::text as "dischargeDate"`;

/** BARC-10 scores of the clients discharged in the range, at any time. */
async function barcScores(db: Db, scope: OutcomeScope): Promise<ScoreFacts[]> {
  const { rows } = await sql<ScoreFacts>`
    select ${SCORE_COLUMNS}
    from assessments a join clients c on c.id = a.client_id
    where ${clientFilter(scope)} and a.instrument_code = 'barc10'
      and c.discharge_date between ${scope.range.from}::date and ${scope.range.to}::date`.execute(
    db,
  );
  return rows;
}

/** Scores given at discharge or at follow-up in the range. */
async function alumniScores(db: Db, scope: OutcomeScope): Promise<ScoreFacts[]> {
  const { rows } = await sql<ScoreFacts>`
    select ${SCORE_COLUMNS}
    from assessments a join clients c on c.id = a.client_id
    where a.facility_id in (${facilityIds(scope)}) and ${clientFilter(scope)}
      and a.occasion in ('discharge', 'follow_up')
      and a.administered_on between ${scope.range.from}::date and ${scope.range.to}::date`.execute(
    db,
  );
  return rows;
}

/**
 * Everything the indicators count, read straight from the records (no nightly batch): a saved
 * attendance or follow-up call shows in the next read.
 */
export async function outcomeFacts(db: Db, scope: OutcomeScope): Promise<OutcomeFacts> {
  const [s, attendance, r, c, answers, barc, alumni] = await Promise.all([
    stays(db, scope),
    attendanceFacts(db, scope),
    referred(db, scope),
    calls(db, scope),
    callAnswers(db, scope),
    barcScores(db, scope),
    alumniScores(db, scope),
  ]);
  return {
    stays: s,
    ...attendance,
    referred: r,
    calls: c,
    callAnswers: answers,
    barcScores: barc,
    alumniScores: alumni,
  };
}
