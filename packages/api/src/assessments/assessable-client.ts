import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';

/**
 * A client of the staff member's facility whose assessments they may give or read. Anyone else's
 * client is "not found", the same as one that does not exist, and the refusal is audited.
 */
export async function assessableClient(ctx: Context, staff: StaffContext, clientId: string) {
  const client = await ctx.db
    .selectFrom('clients')
    .select(['id', 'status', 'admissionDate', 'dischargeDate'])
    .where('id', '=', clientId)
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  if (!client) {
    await recordAudit(ctx.db, {
      action: 'read',
      entityType: 'assessment',
      actorStaffUserId: staff.userId,
      facilityId: staff.facility.id,
      outcome: 'failure',
      sourceIp: ctx.request.ip,
      detail: { requestedClientId: clientId },
    });
    throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
  }
  return client;
}
