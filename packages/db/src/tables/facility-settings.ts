import type { Generated, Selectable, Updateable } from 'kysely';

export interface FacilitySettingsTable {
  facilityId: string;
  /** false: monitors log only the sessions they monitor; true: any session at the facility. */
  monitorsLogAnySession: Generated<boolean>;
  /** A past session still lacking attendance or a signature after this long is overdue. */
  overdueAfterHours: Generated<number>;
  /** How far ahead sessions are generated from each group's schedule. */
  sessionWindowWeeks: Generated<number>;
  /** Flag thresholds (see `FlagSettings` in `@homegroup/core`). */
  flagMissedInRow: Generated<number>;
  flagLowAttendancePercent: Generated<number>;
  flagAttendanceWindowDays: Generated<number>;
  flagEngagementDrop: Generated<number>;
  flagEngagementWeeks: Generated<number>;
  flagNoAttendanceDays: Generated<number>;
  /** Follow-up calls after discharge, in days (7, 30, 60, 90 by default). */
  followUpDays: Generated<number[]>;
  /** Admins must sign in with a two-step code. */
  requireAdminTwoFactor: Generated<boolean>;
  updatedAt: Generated<Date>;
}
export type FacilitySettings = Selectable<FacilitySettingsTable>;
export type FacilitySettingsUpdate = Updateable<FacilitySettingsTable>;
