import type { Db } from '@homegroup/db';
import type { StaffContext } from '../context';
import { AppError } from '../errors';
import { facilitySettingsFor } from '../groups/facility-settings';

/**
 * Who may open and log a session: admins and counselors at the facility; a group monitor for the
 * groups they monitor or co-facilitate, or for any group when the facility allows it.
 */
export async function canLogSession(
  db: Db,
  staff: StaffContext,
  group: { monitorStaffId: string; coFacilitatorStaffId: string | null },
): Promise<boolean> {
  if (staff.role === 'admin' || staff.role === 'counselor') return true;
  if (staff.role !== 'group_monitor') return false;
  if (group.monitorStaffId === staff.userId || group.coFacilitatorStaffId === staff.userId) {
    return true;
  }
  return (await facilitySettingsFor(db, staff.facility.id)).monitorsLogAnySession;
}

export async function assertCanLogSession(
  db: Db,
  staff: StaffContext,
  group: { monitorStaffId: string; coFacilitatorStaffId: string | null },
) {
  if (!(await canLogSession(db, staff, group))) {
    throw new AppError(
      'FORBIDDEN',
      'Only this group’s monitor or co-facilitator, a counselor or an admin can log this session.',
    );
  }
}

/** A session of the staff member's facility, with its group; "not found" for anything else. */
export async function loadSession(
  db: Db,
  staff: StaffContext,
  sessionId: string,
  forUpdate = false,
) {
  let q = db
    .selectFrom('groupSessions as s')
    .innerJoin('groups as g', 'g.id', 's.groupId')
    .select([
      's.id',
      's.groupId',
      's.startsAt',
      's.durationMinutes',
      's.state',
      's.cancelReason',
      's.topic',
      's.stepFocus',
      's.reading',
      's.sharedNote',
      's.adHoc',
      's.signedAt',
      's.signedBy',
      's.version',
      's.detailsVersion',
      'g.name as groupName',
      'g.kind',
      'g.room',
      'g.videoUrl',
      'g.audiences',
      'g.minAge',
      'g.monitorStaffId',
      'g.coFacilitatorStaffId',
    ])
    .where('s.id', '=', sessionId)
    .where('s.facilityId', '=', staff.facility.id);
  if (forUpdate) q = q.forNoKeyUpdate('s');
  const session = await q.executeTakeFirst();
  if (!session) throw new AppError('NOT_FOUND', 'No session with that link at this facility.');
  return session;
}
