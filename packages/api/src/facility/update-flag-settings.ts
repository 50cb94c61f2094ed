import type { FlagSettingsInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { markMetricsStale } from '../engagement/client-metrics';
import { flagSettingsFor } from '../engagement/flag-settings';
import { saveFacilitySettings } from './save-facility-settings';

/** An admin changes the flag thresholds; every client's figures are recomputed on next view. */
export async function updateFlagSettings(
  ctx: Context,
  staff: StaffContext,
  input: FlagSettingsInput,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await flagSettingsFor(trx, staff.facility.id);
    await saveFacilitySettings(
      trx,
      staff.facility.id,
      {
        flagMissedInRow: input.missedInRow,
        flagLowAttendancePercent: input.lowAttendancePercent,
        flagAttendanceWindowDays: input.attendanceWindowDays,
        flagEngagementDrop: input.engagementDrop,
        flagEngagementWeeks: input.engagementWeeks,
        flagNoAttendanceDays: input.noAttendanceDays,
      },
      ctx.now(),
    );
    await markMetricsStale(trx, staff.facility.id);
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'flag_settings',
      entityId: staff.facility.id,
      detail: { before, after: input },
    });
    return input;
  });
}
