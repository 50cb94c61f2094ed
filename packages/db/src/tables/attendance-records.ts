import type { AttendanceStatus, Participation } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** One person at one session. Exactly one of clientId and familyMemberId. */
export interface AttendanceRecordsTable {
  id: Generated<string>;
  sessionId: string;
  facilityId: string;
  clientId: string | null;
  familyMemberId: string | null;
  status: AttendanceStatus;
  lateMinutes: number | null;
  leftEarlyMinutes: number | null;
  excuseReason: string | null;
  participation: Participation | null;
  engagementRating: number | null;
  individualNote: string | null;
  walkIn: Generated<boolean>;
  /** The session version this entry was last saved in. */
  savedInVersion: number;
  recordedBy: string;
  recordedAt: Generated<Date>;
}
export type AttendanceRecord = Selectable<AttendanceRecordsTable>;
export type NewAttendanceRecord = Insertable<AttendanceRecordsTable>;
