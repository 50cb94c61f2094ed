import { DEFAULT_FOLLOW_UP_DAYS, followUpDaysProblem } from '@homegroup/core';
import type { Db } from '@homegroup/db';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { refuseField } from '../errors';
import { saveFacilitySettings } from './save-facility-settings';

/** The days after discharge when a facility's alumni are called. */
export async function followUpDays(db: Db, facilityId: string): Promise<readonly number[]> {
  const row = await db
    .selectFrom('facilitySettings')
    .select('followUpDays')
    .where('facilityId', '=', facilityId)
    .executeTakeFirst();
  return row?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS;
}

export async function followUpDaysFor(ctx: Context, staff: StaffContext) {
  return { days: [...(await followUpDays(ctx.db, staff.facility.id))] };
}

/**
 * An admin sets when alumni are called after discharge. Alumni discharged from now on get the
 * new schedule; calls already scheduled keep their dates.
 */
export async function updateFollowUpDays(
  ctx: Context,
  staff: StaffContext,
  input: { days: number[] },
) {
  const problem = followUpDaysProblem(input.days);
  if (problem) refuseField('days', problem);
  const days = [...input.days].sort((a, b) => a - b);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await followUpDays(trx, staff.facility.id);
    await saveFacilitySettings(trx, staff.facility.id, { followUpDays: days }, ctx.now());
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'follow_up_settings',
      entityId: staff.facility.id,
      detail: { before, after: days },
    });
    return { days };
  });
}
