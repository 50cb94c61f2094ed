import { sessionState } from '@homegroup/core';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';

/** The staff member's sessions still open: where and when they signed in, and which is this one. */
export async function ownSessions(ctx: Context, staff: StaffContext) {
  const now = ctx.now();
  const rows = await ctx.db
    .selectFrom('authSessions as s')
    .innerJoin('facilities as f', 'f.id', 's.facilityId')
    .select([
      's.id',
      's.createdAt',
      's.lastSeenAt',
      's.sourceIp',
      's.userAgent',
      'f.name as facilityName',
    ])
    .where('s.staffUserId', '=', staff.userId)
    .where('s.endedAt', 'is', null)
    .orderBy('s.lastSeenAt', 'desc')
    .execute();
  return rows
    .filter((r) => sessionState(r, now, ctx.settings.session).state === 'active')
    .map((r) => ({
      id: r.id,
      signedInAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      address: r.sourceIp,
      device: r.userAgent,
      facilityName: r.facilityName,
      current: r.id === staff.sessionId,
    }));
}

/**
 * Ends sessions of the staff member's own: one by id, or every one but this. Audited; a session
 * of someone else's reads as not found.
 */
export async function endOwnSessions(
  ctx: Context,
  staff: StaffContext,
  which: { sessionId: string } | 'others',
) {
  if (which !== 'others' && which.sessionId === staff.sessionId) {
    throw new AppError('BAD_INPUT', 'This is the session you are using. Use Sign out to end it.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    let query = trx
      .updateTable('authSessions')
      .set({ endedAt: ctx.now(), endReason: 'revoked' })
      .where('staffUserId', '=', staff.userId)
      .where('endedAt', 'is', null)
      .where('id', '!=', staff.sessionId);
    if (which !== 'others') query = query.where('id', '=', which.sessionId);
    const ended = await query.returning('id').execute();
    if (which !== 'others' && ended.length === 0) {
      throw new AppError('NOT_FOUND', 'That session has already ended.');
    }
    for (const session of ended) {
      await recordStaffAction(ctx, staff, trx, {
        action: 'update',
        entityType: 'auth_session',
        entityId: session.id,
        detail: { change: 'ended_by_owner' },
      });
    }
    return { ended: ended.length };
  });
}
