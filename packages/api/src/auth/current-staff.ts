import { ROLE_LABELS } from '@homegroup/core';
import type { Context, StaffContext } from '../context';

/** What the web app shows of the signed-in staff member: name, role, facility and the others. */
export async function currentStaff(ctx: Context, staff: StaffContext) {
  const facilities = await ctx.db
    .selectFrom('staffRoles as r')
    .innerJoin('facilities as f', 'f.id', 'r.facilityId')
    .select(['f.id', 'f.name', 'r.role'])
    .where('r.staffUserId', '=', staff.userId)
    .orderBy('f.name')
    .execute();
  return {
    userId: staff.userId,
    displayName: staff.displayName,
    email: staff.email,
    role: staff.role,
    roleLabel: ROLE_LABELS[staff.role],
    facility: staff.facility,
    facilities: facilities.map((f) => ({ ...f, roleLabel: ROLE_LABELS[f.role] })),
    expiresAt: staff.expiresAt.toISOString(),
    idleTimeoutMinutes: ctx.settings.session.idleMinutes,
    twoFactorSetupRequired: staff.twoFactorSetupRequired,
  };
}
