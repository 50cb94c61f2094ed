import {
  addDays,
  dateInTimeZone,
  isOverdue,
  sessionNeeds,
  zonedTimeToInstant,
} from '@homegroup/core';
import { sql } from 'kysely';
import type { Context, StaffContext } from '../context';
import { facilitySettingsFor } from '../groups/facility-settings';
import { ensureSessions } from '../groups/generate-sessions';

const OVERDUE_LOOKBACK_DAYS = 30;

/**
 * Today at the facility: each session today and what it still needs, and the queue of past
 * sessions still missing attendance or a signature after the facility's grace period.
 */
export async function today(ctx: Context, staff: StaffContext) {
  const now = ctx.now();
  const tz = staff.facility.timeZone;
  const settings = await facilitySettingsFor(ctx.db, staff.facility.id);
  await ensureSessions(ctx.db, staff.facility, now, settings.sessionWindowWeeks);
  const date = dateInTimeZone(now, tz);
  const dayStart = zonedTimeToInstant(date, '00:00', tz);
  const dayEnd = zonedTimeToInstant(addDays(date, 1), '00:00', tz);
  const since = new Date(now.getTime() - OVERDUE_LOOKBACK_DAYS * 86_400_000);

  const rows = await ctx.db
    .selectFrom('groupSessions as s')
    .innerJoin('groups as g', 'g.id', 's.groupId')
    .innerJoin('staffUsers as m', 'm.id', 'g.monitorStaffId')
    .select((eb) => [
      's.id',
      's.startsAt',
      's.durationMinutes',
      's.state',
      's.cancelReason',
      'g.id as groupId',
      'g.name as groupName',
      'g.room',
      'g.monitorStaffId',
      'g.coFacilitatorStaffId',
      'm.displayName as monitorName',
      eb
        .selectFrom('groupEnrolments as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.groupId', '=', 's.groupId')
        .where(sql<boolean>`e.start_date <= (s.starts_at at time zone ${tz})::date`)
        .where(
          sql<boolean>`(e.end_date is null or e.end_date >= (s.starts_at at time zone ${tz})::date)`,
        )
        .as('rosterCount'),
      eb
        .selectFrom('attendanceRecords as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.sessionId', '=', 's.id')
        .as('recordedCount'),
    ])
    .where('s.facilityId', '=', staff.facility.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('s.startsAt', '>=', dayStart), eb('s.startsAt', '<', dayEnd)]),
        eb.and([
          eb('s.startsAt', '>=', since),
          eb('s.startsAt', '<', dayStart),
          eb('s.state', 'in', ['scheduled', 'in_progress', 'completed']),
        ]),
      ]),
    )
    .orderBy('s.startsAt')
    .execute();

  const mine = (r: (typeof rows)[number]) =>
    r.monitorStaffId === staff.userId || r.coFacilitatorStaffId === staff.userId;
  const canOpen = (r: (typeof rows)[number]) =>
    staff.role === 'admin' ||
    staff.role === 'counselor' ||
    mine(r) ||
    settings.monitorsLogAnySession;
  const view = rows.map((r) => ({
    id: r.id,
    groupId: r.groupId,
    groupName: r.groupName,
    room: r.room,
    monitorName: r.monitorName,
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    state: r.state,
    cancelReason: r.cancelReason,
    rosterCount: r.rosterCount ?? 0,
    recordedCount: r.recordedCount ?? 0,
    needs: sessionNeeds(r.state),
    mine: mine(r),
    canOpen: canOpen(r),
  }));
  const endsAt = (r: { startsAt: string; durationMinutes: number }) =>
    new Date(Date.parse(r.startsAt) + r.durationMinutes * 60_000);
  return {
    date,
    overdueAfterHours: settings.overdueAfterHours,
    sessions: view.filter(
      (r) => r.startsAt >= dayStart.toISOString() && r.startsAt < dayEnd.toISOString(),
    ),
    overdue: view
      .filter((r) => isOverdue(r.state, endsAt(r), now, settings.overdueAfterHours))
      .reverse(),
  };
}
