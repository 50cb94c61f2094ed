import { dateInTimeZone, rosterName } from '@homegroup/core';
import type { AttendanceRecord, Db } from '@homegroup/db';
import { sql } from 'kysely';

export interface SessionPerson {
  /** 'c:<id>' or 'f:<id>': stable across saves */
  key: string;
  person: { clientId: string } | { familyMemberId: string };
  name: string;
  detail: string;
  onRoster: boolean;
  entry: Pick<
    AttendanceRecord,
    | 'status'
    | 'lateMinutes'
    | 'leftEarlyMinutes'
    | 'excuseReason'
    | 'participation'
    | 'engagementRating'
    | 'individualNote'
    | 'walkIn'
    | 'savedInVersion'
  > | null;
}

/** One person's entry at a session, as every screen that shows it reads it. */
export const ENTRY_COLUMNS = [
  'a.status',
  'a.lateMinutes',
  'a.leftEarlyMinutes',
  'a.excuseReason',
  'a.participation',
  'a.engagementRating',
  'a.individualNote',
  'a.walkIn',
] as const;

export function personKey(p: { clientId?: string | null; familyMemberId?: string | null }) {
  return p.clientId ? `c:${p.clientId}` : `f:${p.familyMemberId}`;
}

/**
 * Everyone who belongs on a session's list: the roster on the session's date, and anyone with an
 * entry (walk-ins, people who have left the group since). Sorted by name.
 */
export async function sessionPeople(
  db: Db,
  session: { id: string; groupId: string; startsAt: Date },
  timeZone: string,
): Promise<SessionPerson[]> {
  const date = dateInTimeZone(session.startsAt, timeZone);
  const [enrolled, records] = await Promise.all([
    db
      .selectFrom('groupEnrolments as e')
      .leftJoin('clients as c', 'c.id', 'e.clientId')
      .leftJoin('familyMembers as f', 'f.id', 'e.familyMemberId')
      .select([
        'e.clientId',
        'e.familyMemberId',
        sql<string>`coalesce(c.first_name, f.first_name)`.as('firstName'),
        sql<string>`coalesce(c.last_name, f.last_name)`.as('lastName'),
        sql<string | null>`coalesce(c.preferred_name, f.preferred_name)`.as('preferredName'),
        'f.relationship',
      ])
      .where('e.groupId', '=', session.groupId)
      .where('e.startDate', '<=', date)
      .where((w) => w.or([w('e.endDate', 'is', null), w('e.endDate', '>=', date)]))
      .execute(),
    db
      .selectFrom('attendanceRecords as a')
      .leftJoin('clients as c', 'c.id', 'a.clientId')
      .leftJoin('familyMembers as f', 'f.id', 'a.familyMemberId')
      .select([
        'a.clientId',
        'a.familyMemberId',
        ...ENTRY_COLUMNS,
        'a.savedInVersion',
        sql<string>`coalesce(c.first_name, f.first_name)`.as('firstName'),
        sql<string>`coalesce(c.last_name, f.last_name)`.as('lastName'),
        sql<string | null>`coalesce(c.preferred_name, f.preferred_name)`.as('preferredName'),
        'f.relationship',
      ])
      .where('a.sessionId', '=', session.id)
      .execute(),
  ]);

  const people = new Map<string, SessionPerson>();
  const base = (r: (typeof enrolled)[number]) => ({
    key: personKey(r),
    person: r.clientId ? { clientId: r.clientId } : { familyMemberId: r.familyMemberId as string },
    name: rosterName(r),
    detail: r.clientId ? 'Client' : `Family (${r.relationship})`,
  });
  for (const r of enrolled) people.set(personKey(r), { ...base(r), onRoster: true, entry: null });
  for (const r of records) {
    const key = personKey(r);
    const entry = {
      status: r.status,
      lateMinutes: r.lateMinutes,
      leftEarlyMinutes: r.leftEarlyMinutes,
      excuseReason: r.excuseReason,
      participation: r.participation,
      engagementRating: r.engagementRating,
      individualNote: r.individualNote,
      walkIn: r.walkIn,
      savedInVersion: r.savedInVersion,
    };
    const existing = people.get(key);
    people.set(key, existing ? { ...existing, entry } : { ...base(r), onRoster: false, entry });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
