import { dateInTimeZone } from '@homegroup/core';
import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { ENTRY_COLUMNS } from '../sessions/session-people';
import { getClient } from './get-client';

/** A client's group attendance, newest first, for the client page. Audited as a read. */
export async function attendanceHistory(ctx: Context, staff: StaffContext, clientId: string) {
  const client = await getClient(ctx, staff, clientId);
  const rows = await ctx.db
    .selectFrom('attendanceRecords as a')
    .innerJoin('groupSessions as s', 's.id', 'a.sessionId')
    .innerJoin('groups as g', 'g.id', 's.groupId')
    .select([
      's.id as sessionId',
      's.startsAt',
      's.state as sessionState',
      'g.name as groupName',
      ...ENTRY_COLUMNS,
    ])
    .where('a.clientId', '=', client.id)
    .where('a.facilityId', '=', staff.facility.id)
    .orderBy('s.startsAt', 'desc')
    .limit(200)
    .execute();
  await recordAudit(ctx.db, {
    action: 'read',
    entityType: 'attendance_history',
    entityId: client.id,
    clientId: client.id,
    actorStaffUserId: staff.userId,
    facilityId: staff.facility.id,
    outcome: 'success',
    sourceIp: ctx.request.ip,
  });
  return {
    client,
    history: rows.map((r) => ({
      ...r,
      startsAt: r.startsAt.toISOString(),
      date: dateInTimeZone(r.startsAt, staff.facility.timeZone),
    })),
  };
}
