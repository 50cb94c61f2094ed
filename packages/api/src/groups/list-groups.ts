import { dateInTimeZone, GROUP_KINDS } from '@homegroup/core';
import { sql } from 'kysely';
import type { Context, StaffContext } from '../context';
import { describeSchedule } from './describe-schedule';

/** The facility's groups, active ones first, with who monitors them and how many are enrolled. */
export async function listGroups(ctx: Context, staff: StaffContext, includeArchived: boolean) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  let query = ctx.db
    .selectFrom('groups as g')
    .innerJoin('staffUsers as m', 'm.id', 'g.monitorStaffId')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.kind',
      'g.formatCodes',
      'g.scheduleDays',
      'g.startTime',
      'g.durationMinutes',
      'g.capacity',
      'g.enrolment',
      'g.room',
      'g.archivedAt',
      'm.displayName as monitorName',
      eb
        .selectFrom('groupEnrolments as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.groupId', '=', 'g.id')
        .where('e.startDate', '<=', today)
        .where((w) => w.or([w('e.endDate', 'is', null), w('e.endDate', '>=', today)]))
        .as('enrolled'),
    ])
    .where('g.facilityId', '=', staff.facility.id);
  if (!includeArchived) query = query.where('g.archivedAt', 'is', null);
  const rows = await query.orderBy('g.name').execute();
  return rows.map((r) => ({
    ...r,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    enrolled: r.enrolled ?? 0,
    kindLabel: GROUP_KINDS[r.kind].label,
    schedule: describeSchedule(r),
  }));
}
