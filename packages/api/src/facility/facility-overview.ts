import { dateInTimeZone } from '@homegroup/core';
import { sql } from 'kysely';
import type { Context, StaffContext } from '../context';

/** Head counts for the facility's home page: aggregate only, nothing about any one client. */
export async function facilityOverview(ctx: Context, staff: StaffContext) {
  const counts = await ctx.db
    .selectFrom('clients')
    .select([
      sql<number>`count(*) filter (where status = 'in_treatment')::int`.as('inTreatment'),
      sql<number>`count(*) filter (where status = 'alumni')::int`.as('alumni'),
    ])
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirstOrThrow();
  return {
    facility: staff.facility,
    today: dateInTimeZone(ctx.now(), staff.facility.timeZone),
    inTreatment: counts.inTreatment,
    alumni: counts.alumni,
  };
}
