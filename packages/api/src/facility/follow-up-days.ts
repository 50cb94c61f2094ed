import { DEFAULT_FOLLOW_UP_DAYS, followUpDaysProblem } from '@homegroup/core';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { refuseField } from '../errors';

export async function followUpDaysFor(ctx: Context, staff: StaffContext) {
  const row = await ctx.db
    .selectFrom('facilitySettings')
    .select('followUpDays')
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  return { days: row?.followUpDays ?? [...DEFAULT_FOLLOW_UP_DAYS] };
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
    const before = await trx
      .selectFrom('facilitySettings')
      .select('followUpDays')
      .where('facilityId', '=', staff.facility.id)
      .executeTakeFirst();
    await trx
      .insertInto('facilitySettings')
      .values({ facilityId: staff.facility.id, followUpDays: days, updatedAt: ctx.now() })
      .onConflict((oc) =>
        oc.column('facilityId').doUpdateSet({ followUpDays: days, updatedAt: ctx.now() }),
      )
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'follow_up_settings',
      entityId: staff.facility.id,
      detail: { before: before?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS, after: days },
    });
    return { days };
  });
}
