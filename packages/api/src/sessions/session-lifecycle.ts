import { canMove, dateInTimeZone, daysBetween, zonedTimeToInstant } from '@homegroup/core';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { recomputeForSession } from '../engagement/recompute-for';
import { AppError, refuseField } from '../errors';
import { assertCanLogSession, loadSession } from './session-access';

/** The monitor (or co-facilitator, counselor, admin) signs: the session is locked from then on. */
export async function signSession(
  ctx: Context,
  staff: StaffContext,
  input: { sessionId: string; baseVersion: number },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const session = await loadSession(trx, staff, input.sessionId, true);
    await assertCanLogSession(trx, staff, session);
    if (session.state === 'signed')
      throw new AppError('CONFLICT', 'This session is already signed.');
    if (!canMove(session.state, 'signed')) {
      throw new AppError(
        'CONFLICT',
        session.state === 'cancelled'
          ? 'A cancelled session cannot be signed.'
          : 'Save the attendance as taken before signing.',
      );
    }
    if (session.version !== input.baseVersion) {
      throw new AppError(
        'CONFLICT',
        'Someone saved changes to this session since you opened it. Look them over, then sign.',
      );
    }
    await trx
      .updateTable('groupSessions')
      .set({
        state: 'signed',
        signedAt: ctx.now(),
        signedBy: staff.userId,
        version: session.version + 1,
        updatedAt: ctx.now(),
      })
      .where('id', '=', session.id)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'execute',
      entityType: 'group_session',
      entityId: session.id,
      detail: { operation: 'sign' },
    });
    await recomputeForSession(trx, staff, ctx.now(), session.id);
    return { version: session.version + 1 };
  });
}

export async function cancelSession(
  ctx: Context,
  staff: StaffContext,
  input: { sessionId: string; reason: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const session = await loadSession(trx, staff, input.sessionId, true);
    await assertCanLogSession(trx, staff, session);
    if (!canMove(session.state, 'cancelled')) {
      throw new AppError(
        'CONFLICT',
        'Only a session that has not been taken or signed can be cancelled.',
      );
    }
    const entries = await trx
      .selectFrom('attendanceRecords')
      .select('id')
      .where('sessionId', '=', session.id)
      .limit(1)
      .execute();
    if (entries.length > 0) {
      throw new AppError(
        'CONFLICT',
        'Attendance has been entered for this session, so it took place and cannot be cancelled.',
      );
    }
    await trx
      .updateTable('groupSessions')
      .set({
        state: 'cancelled',
        cancelReason: input.reason,
        version: session.version + 1,
        updatedAt: ctx.now(),
      })
      .where('id', '=', session.id)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'group_session',
      entityId: session.id,
      detail: { operation: 'cancel', reason: input.reason },
    });
    return { sessionId: session.id };
  });
}

/** A session outside the schedule: an extra meeting, or one held on another day. */
export async function createAdHocSession(
  ctx: Context,
  staff: StaffContext,
  input: { groupId: string; date: string; startTime: string; durationMinutes: number },
) {
  const group = await ctx.db
    .selectFrom('groups')
    .select(['id', 'monitorStaffId', 'coFacilitatorStaffId', 'archivedAt'])
    .where('id', '=', input.groupId)
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  if (!group) throw new AppError('NOT_FOUND', 'No group with that link at this facility.');
  if (group.archivedAt) throw new AppError('CONFLICT', 'This group is archived.');
  await assertCanLogSession(ctx.db, staff, group);
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  if (daysBetween(input.date, today) > 30) {
    refuseField('date', 'A session can be added up to 30 days after it took place.');
  }
  const startsAt = zonedTimeToInstant(input.date, input.startTime, staff.facility.timeZone);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('groupSessions')
      .values({
        groupId: group.id,
        facilityId: staff.facility.id,
        startsAt,
        durationMinutes: input.durationMinutes,
        adHoc: true,
      })
      .onConflict((oc) => oc.columns(['groupId', 'startsAt']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      throw new AppError('CONFLICT', 'This group already has a session at that date and time.');
    }
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'group_session',
      entityId: row.id,
      detail: { adHoc: true },
    });
    return { sessionId: row.id };
  });
}
