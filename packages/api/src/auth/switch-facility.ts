import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';

/** Moves the session to another facility the staff member holds a role at. */
export async function switchFacility(ctx: Context, staff: StaffContext, facilityId: string) {
  const role = await ctx.db
    .selectFrom('staffRoles')
    .select('role')
    .where('staffUserId', '=', staff.userId)
    .where('facilityId', '=', facilityId)
    .executeTakeFirst();
  if (!role) {
    await recordAudit(ctx.db, {
      action: 'execute',
      entityType: 'auth_session',
      entityId: staff.sessionId,
      actorStaffUserId: staff.userId,
      facilityId: staff.facility.id,
      outcome: 'failure',
      sourceIp: ctx.request.ip,
      detail: { operation: 'switch_facility', requestedFacilityId: facilityId },
    });
    throw new AppError('NOT_FOUND', 'You do not work at that facility.');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('authSessions')
      .set({ facilityId })
      .where('id', '=', staff.sessionId)
      .execute();
    await recordAudit(trx, {
      action: 'execute',
      entityType: 'auth_session',
      entityId: staff.sessionId,
      actorStaffUserId: staff.userId,
      facilityId,
      outcome: 'success',
      sourceIp: ctx.request.ip,
      detail: { operation: 'switch_facility', fromFacilityId: staff.facility.id },
    });
  });
  return { facilityId };
}
