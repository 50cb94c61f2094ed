import type { FlagSettingsInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { markMetricsStale } from '../engagement/client-metrics';
import { flagSettingsFor } from '../engagement/flag-settings';

/** An admin changes the flag thresholds; every client's figures are recomputed on next view. */
export async function updateFlagSettings(
  ctx: Context,
  staff: StaffContext,
  input: FlagSettingsInput,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await flagSettingsFor(trx, staff.facility.id);
    const values = {
      flagMissedInRow: input.missedInRow,
      flagLowAttendancePercent: input.lowAttendancePercent,
      flagAttendanceWindowDays: input.attendanceWindowDays,
      flagEngagementDrop: input.engagementDrop,
      flagEngagementWeeks: input.engagementWeeks,
      flagNoAttendanceDays: input.noAttendanceDays,
      updatedAt: ctx.now(),
    };
    await trx
      .insertInto('facilitySettings')
      .values({ facilityId: staff.facility.id, ...values })
      .onConflict((oc) => oc.column('facilityId').doUpdateSet(values))
      .execute();
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
