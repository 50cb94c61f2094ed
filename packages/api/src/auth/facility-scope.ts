import type { FacilityScope } from '@homegroup/db';
import type { Access } from '../access';
import type { Context, StaffContext } from '../context';

/**
 * The facilities the database lets a staff request reach, from its row's facility rule: the
 * facility worked at now; for a director's aggregates, every facility they direct; for their own
 * account, every facility they work at.
 */
export async function facilityScopeFor(
  ctx: Context,
  staff: StaffContext,
  rule: Exclude<Access, { public: true }>['scope'],
): Promise<FacilityScope> {
  if (rule === 'facility' || rule === 'organization') {
    return { facilityIds: [staff.facility.id] };
  }
  let roles = ctx.db
    .selectFrom('staffRoles')
    .select('facilityId')
    .where('staffUserId', '=', staff.userId);
  if (rule === 'directed') roles = roles.where('role', '=', 'admin');
  const ids = new Set([staff.facility.id, ...(await roles.execute()).map((r) => r.facilityId)]);
  return { facilityIds: [...ids].sort() };
}
