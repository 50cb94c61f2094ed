import { ROLE_LABELS } from '@homegroup/core';
import type { Context, StaffContext } from '../context';

/** Staff at the facility who can monitor or co-facilitate a group. */
export async function staffOptions(ctx: Context, staff: StaffContext) {
  const rows = await ctx.db
    .selectFrom('staffRoles as r')
    .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
    .select(['u.id', 'u.displayName', 'r.role'])
    .where('r.facilityId', '=', staff.facility.id)
    .where('u.isActive', '=', true)
    .where('r.role', 'in', ['admin', 'counselor', 'group_monitor'])
    .orderBy('u.displayName')
    .execute();
  return rows.map((r) => ({ ...r, roleLabel: ROLE_LABELS[r.role] }));
}
