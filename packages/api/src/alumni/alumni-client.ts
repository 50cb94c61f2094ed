import type { Db } from '@homegroup/db';
import type { StaffContext } from '../context';
import { AppError } from '../errors';

/** What alumni work may see of a client: who they are and how they left. */
export const ALUMNI_CLIENT_COLUMNS = [
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
] as const;

/**
 * The client as alumni work needs them: who they are and how they left, never their clinical
 * notes. Scoped to the staff member's facility; anyone else's client is simply "not found".
 */
export async function alumniClient(db: Db, staff: StaffContext, clientId: string, lock = false) {
  let query = db
    .selectFrom('clients')
    .select([...ALUMNI_CLIENT_COLUMNS, 'version'])
    .where('id', '=', clientId)
    .where('facilityId', '=', staff.facility.id);
  if (lock) query = query.forNoKeyUpdate();
  const client = await query.executeTakeFirst();
  if (!client) throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
  return client;
}
export type AlumniClient = Awaited<ReturnType<typeof alumniClient>>;
