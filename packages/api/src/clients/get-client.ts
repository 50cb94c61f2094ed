import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { CLIENT_SUMMARY_COLUMNS } from './client-columns';

/**
 * One client of the staff member's current facility. A client elsewhere is "not found", the same
 * as one that does not exist, so the answer reveals nothing. Both outcomes are audited.
 */
export async function getClient(ctx: Context, staff: StaffContext, clientId: string) {
  const client = await ctx.db
    .selectFrom('clients')
    .select(CLIENT_SUMMARY_COLUMNS)
    .where('id', '=', clientId)
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  await recordAudit(ctx.db, {
    action: 'read',
    entityType: 'client',
    entityId: clientId,
    clientId: client ? clientId : null,
    actorStaffUserId: staff.userId,
    facilityId: staff.facility.id,
    outcome: client ? 'success' : 'failure',
    sourceIp: ctx.request.ip,
    detail: client ? {} : { requestedClientId: clientId },
  });
  if (!client) throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
  return client;
}
