import type { Db } from '@homegroup/db';
import type { StaffContext } from '../context';
import { AppError } from '../errors';

/**
 * The client as alumni work needs them: who they are and how they left, never their clinical
 * notes. Scoped to the staff member's facility; anyone else's client is simply "not found".
 */
export async function alumniClient(db: Db, staff: StaffContext, clientId: string, lock = false) {
  let query = db
    .selectFrom('clients')
    .select([
      'id',
      'recordNumber',
      'firstName',
      'lastName',
      'preferredName',
      'pronouns',
      'status',
      'admissionDate',
      'dischargeDate',
      'dischargeType',
      'alumniFollowUp',
      'preferredFellowship',
      'phone',
      'version',
    ])
    .where('id', '=', clientId)
    .where('facilityId', '=', staff.facility.id);
  if (lock) query = query.forUpdate();
  const client = await query.executeTakeFirst();
  if (!client) throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
  return client;
}
export type AlumniClient = Awaited<ReturnType<typeof alumniClient>>;
