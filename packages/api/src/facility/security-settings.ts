import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { saveFacilitySettings } from './save-facility-settings';

/** The facility's sign-in rules an admin can set. */
export async function securitySettings(ctx: Context, staff: StaffContext) {
  const row = await ctx.db
    .selectFrom('facilitySettings')
    .select('requireAdminTwoFactor')
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  return { requireAdminTwoFactor: row?.requireAdminTwoFactor ?? false };
}

/**
 * An admin requires (or stops requiring) two-step sign-in of the facility's admins. They must use
 * it themselves first, so the rule cannot lock out the person setting it. Audited before and after.
 */
export async function updateSecuritySettings(
  ctx: Context,
  staff: StaffContext,
  input: { requireAdminTwoFactor: boolean },
) {
  if (input.requireAdminTwoFactor) {
    const me = await ctx.db
      .selectFrom('staffUsers')
      .select('totpEnabledAt')
      .where('id', '=', staff.userId)
      .executeTakeFirstOrThrow();
    if (!me.totpEnabledAt) {
      throw new AppError(
        'CONFLICT',
        'Turn on two-step sign-in for your own account first (Account security), then require it of all admins.',
      );
    }
  }
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('facilitySettings')
      .select('requireAdminTwoFactor')
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
