import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from '@homegroup/core';
import type { Db } from '@homegroup/db';

/** A facility's flag thresholds; the defaults where none were saved. */
export async function flagSettingsFor(db: Db, facilityId: string): Promise<FlagSettings> {
  const row = await db
    .selectFrom('facilitySettings')
    .select([
      'flagMissedInRow as missedInRow',
      'flagLowAttendancePercent as lowAttendancePercent',
      'flagAttendanceWindowDays as attendanceWindowDays',
      'flagEngagementDrop as engagementDrop',
      'flagEngagementWeeks as engagementWeeks',
      'flagNoAttendanceDays as noAttendanceDays',
    ])
    .where('facilityId', '=', facilityId)
    .executeTakeFirst();
  return row ?? DEFAULT_FLAG_SETTINGS;
}
