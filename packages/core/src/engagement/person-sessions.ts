import { dateInTimeZone, type IsoDate } from '../dates';
import type { AttendanceStatus, Participation } from '../groups/attendance';
import { attended } from '../groups/attendance';
import type { EnrolmentPeriod } from '../groups/enrolment';
import type { GroupSessionState } from '../groups/session-state';

/** A session of a group, with its date in the facility's time zone. */
export interface SessionFacts {
  sessionId: string;
  groupId: string;
  /** YYYY-MM-DD in the facility's time zone. */
  date: IsoDate;
  /** ISO instant, to order sessions within a day. */
  startsAt: string;
  state: GroupSessionState;
}

/** What was recorded for one person at one session. */
export interface AttendanceFacts {
  status: AttendanceStatus;
  participation: Participation | null;
  engagementRating: number | null;
}

export interface GroupEnrolmentPeriod extends EnrolmentPeriod {
  groupId: string;
}

/** One session from one person's point of view: on the roster that day, or recorded as there. */
export interface PersonSession extends SessionFacts {
  rostered: boolean;
  record: AttendanceFacts | null;
}

/**
 * How a session counts for the person:
 * - `attended`: present, late or left early;
 * - `excused`: absent with a reason;
 * - `missed`: absent without an excuse, or not recorded although attendance was taken;
 * - `cancelled`: the session did not take place;
 * - `pending`: attendance not taken yet and nothing recorded for the person.
 */
export type SessionOutcome = 'attended' | 'excused' | 'missed' | 'cancelled' | 'pending';

export function outcomeOf(s: PersonSession): SessionOutcome {
  if (s.state === 'cancelled') return 'cancelled';
  if (s.record) {
    if (attended(s.record.status)) return 'attended';
    return s.record.status === 'absent_excused' ? 'excused' : 'missed';
  }
  return s.state === 'completed' || s.state === 'signed' ? 'missed' : 'pending';
}

/** Expected and held: the sessions that count in an attendance rate's denominator. */
export function counts(outcome: SessionOutcome): boolean {
  return outcome === 'attended' || outcome === 'excused' || outcome === 'missed';
}

/**
 * The sessions one person was expected at (on the roster of the group that day) or recorded at
 * (a walk-in), oldest first. `sessions` may include other groups' sessions; they are left out.
 */
export function personSessions(
  sessions: readonly SessionFacts[],
  enrolments: readonly GroupEnrolmentPeriod[],
  records: ReadonlyMap<string, AttendanceFacts>,
): PersonSession[] {
  const byGroup = new Map<string, GroupEnrolmentPeriod[]>();
  for (const e of enrolments) {
    const list = byGroup.get(e.groupId) ?? [];
    list.push(e);
    byGroup.set(e.groupId, list);
  }
  const result: PersonSession[] = [];
  for (const s of sessions) {
    const rostered = (byGroup.get(s.groupId) ?? []).some(
      (e) => e.startDate <= s.date && (e.endDate === null || e.endDate >= s.date),
    );
    const record = records.get(s.sessionId) ?? null;
    if (rostered || record) result.push({ ...s, rostered, record });
  }
  return result.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
}

/** A stored session as `SessionFacts`: its date is the calendar day in the facility's time zone. */
export function toSessionFacts(
  row: { id: string; groupId: string; startsAt: Date; state: GroupSessionState },
  timeZone: string,
): SessionFacts {
  return {
    sessionId: row.id,
    groupId: row.groupId,
    date: dateInTimeZone(row.startsAt, timeZone),
    startsAt: row.startsAt.toISOString(),
    state: row.state,
  };
}
