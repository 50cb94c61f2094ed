import { ROLE_LABELS, type Role } from '@homegroup/core';
import type { Context, StaffContext } from '../context';

/**
 * Active staff at the facility in `roles`: by default those who can monitor or co-facilitate a
 * group; the caseload and the admission form ask for counselors and admins.
 */
export async function staffOptions(
  ctx: Context,
  staff: StaffContext,
  roles: readonly Role[] = ['admin', 'counselor', 'group_monitor'],
) {
  const rows = await ctx.db
    .selectFrom('staffRoles as r')
    .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
    .select(['u.id', 'u.displayName', 'r.role'])
    .where('r.facilityId', '=', staff.facility.id)
    .where('u.isActive', '=', true)
    .where('r.role', 'in', roles)
    .orderBy('u.displayName')
    .execute();
  return rows.map((r) => ({ ...r, roleLabel: ROLE_LABELS[r.role] }));
}
