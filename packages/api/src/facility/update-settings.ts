import type { FacilitySettingsInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { saveFacilitySettings } from './save-facility-settings';

/** An admin changes how groups work at their facility. Audited with the values before and after. */
export async function updateFacilitySettings(
  ctx: Context,
  staff: StaffContext,
  input: FacilitySettingsInput,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('facilitySettings')
      .select(['monitorsLogAnySession', 'overdueAfterHours', 'sessionWindowWeeks'])
      .where('facilityId', '=', staff.facility.id)
      .executeTakeFirst();
    await saveFacilitySettings(trx, staff.facility.id, input, ctx.now());
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'facility_settings',
      entityId: staff.facility.id,
      detail: { before: before ?? null, after: input },
    });
    return input;
  });
}
