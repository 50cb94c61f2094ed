import {
  ATTENDANCE_STATUSES,
  type AttendanceFacts,
  type AttendanceStatus,
  addDays,
  attended,
  dateInTimeZone,
  type GroupEnrolmentPeriod,
  type IsoDate,
  type PersonSession,
  personSessions,
  type SessionFacts,
  toSessionFacts,
} from '@homegroup/core';
import type { Db } from '@homegroup/db';

const ATTENDED_STATUSES = (Object.keys(ATTENDANCE_STATUSES) as AttendanceStatus[]).filter(attended);

export interface Facility {
  id: string;
  timeZone: string;
}

/** Instants safely around the facility's calendar days `from`..`to`; dates are filtered exactly after. */
function around(from: IsoDate, to: IsoDate) {
  return {
    after: new Date(`${addDays(from, -1)}T00:00:00Z`),
    before: new Date(`${addDays(to, 2)}T00:00:00Z`),
  };
}

/**
 * Each client's sessions from `from` to `to` (facility days): the sessions of groups they were on
 * the roster of, and any session they were recorded at. Only selects rows; every rule about what
 * counts lives in `@homegroup/core`.
 */
export async function loadPersonSessions(
  db: Db,
  facility: Facility,
  clientIds: readonly string[],
  from: IsoDate,
  to: IsoDate,
): Promise<Map<string, PersonSession[]>> {
  const result = new Map<string, PersonSession[]>(clientIds.map((id) => [id, []]));
  if (clientIds.length === 0) return result;
  const { after, before } = around(from, to);

  const [enrolments, records] = await Promise.all([
    db
      .selectFrom('groupEnrolments')
      .select(['clientId', 'groupId', 'startDate', 'endDate'])
      .where('facilityId', '=', facility.id)
      .where('clientId', 'in', clientIds)
      .where('startDate', '<=', to)
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>=', from)]))
      .execute(),
    db
      .selectFrom('attendanceRecords as a')
      .innerJoin('groupSessions as s', 's.id', 'a.sessionId')
      .select([
        'a.clientId',
        'a.sessionId',
        'a.status',
        'a.participation',
        'a.engagementRating',
        's.groupId',
        's.startsAt',
        's.state',
      ])
      .where('a.facilityId', '=', facility.id)
      .where('a.clientId', 'in', clientIds)
      .where('s.startsAt', '>=', after)
      .where('s.startsAt', '<', before)
      .execute(),
  ]);

  const groupIds = [...new Set(enrolments.map((e) => e.groupId))];
  const sessions =
    groupIds.length === 0
      ? []
      : await db
          .selectFrom('groupSessions')
          .select(['id', 'groupId', 'startsAt', 'state'])
          .where('groupId', 'in', groupIds)
          .where('startsAt', '>=', after)
          .where('startsAt', '<', before)
          .execute();

  const inRange = (f: SessionFacts) => f.date >= from && f.date <= to;
  const byGroup = new Map<string, SessionFacts[]>();
  for (const s of sessions) {
    const facts = toSessionFacts(s, facility.timeZone);
    if (!inRange(facts)) continue;
    const list = byGroup.get(s.groupId) ?? [];
    list.push(facts);
    byGroup.set(s.groupId, list);
  }
  const enrolmentsByClient = new Map<string, GroupEnrolmentPeriod[]>();
  for (const e of enrolments) {
    const id = e.clientId as string;
    const list = enrolmentsByClient.get(id) ?? [];
    list.push({ groupId: e.groupId, startDate: e.startDate, endDate: e.endDate });
    enrolmentsByClient.set(id, list);
  }
  const recordsByClient = new Map<
    string,
    { facts: SessionFacts[]; map: Map<string, AttendanceFacts> }
  >();
  for (const r of records) {
    const id = r.clientId as string;
    const facts = toSessionFacts(
      { id: r.sessionId, groupId: r.groupId, startsAt: r.startsAt, state: r.state },
      facility.timeZone,
    );
    if (!inRange(facts)) continue;
    const entry = recordsByClient.get(id) ?? {
      facts: [] as SessionFacts[],
      map: new Map<string, AttendanceFacts>(),
    };
    entry.facts.push(facts);
    entry.map.set(r.sessionId, {
      status: r.status,
      participation: r.participation,
      engagementRating: r.engagementRating,
    });
    recordsByClient.set(id, entry);
  }

  for (const clientId of clientIds) {
    const mine = enrolmentsByClient.get(clientId) ?? [];
    const own = recordsByClient.get(clientId);
    const candidates = new Map<string, SessionFacts>();
    for (const e of mine)
      for (const f of byGroup.get(e.groupId) ?? []) candidates.set(f.sessionId, f);
    for (const f of own?.facts ?? []) candidates.set(f.sessionId, f);
    result.set(clientId, personSessions([...candidates.values()], mine, own?.map ?? new Map()));
  }
  return result;
}

/**
 * The last facility day each client attended a session before `before`. An aggregate in SQL for
 * speed, used only when the window itself has no attended session; a test proves it agrees with
 * `lastAttended` over the whole history.
 */
export async function lastAttendedBefore(
  db: Db,
  facility: Facility,
  clientIds: readonly string[],
  before: IsoDate,
): Promise<Map<string, IsoDate>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('attendanceRecords as a')
    .innerJoin('groupSessions as s', 's.id', 'a.sessionId')
    .select(['a.clientId', (eb) => eb.fn.max('s.startsAt').as('last')])
    .where('a.facilityId', '=', facility.id)
    .where('a.clientId', 'in', clientIds)
    .where('a.status', 'in', ATTENDED_STATUSES)
    .where('s.state', '<>', 'cancelled')
    .where('s.startsAt', '<', new Date(`${addDays(before, 1)}T00:00:00Z`))
    .groupBy('a.clientId')
    .execute();
  const result = new Map<string, IsoDate>();
  for (const r of rows) {
    const date = dateInTimeZone(new Date(r.last), facility.timeZone);
    if (date < before) result.set(r.clientId as string, date);
  }
  return result;
}
