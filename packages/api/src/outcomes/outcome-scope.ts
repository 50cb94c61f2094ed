import { type DateRange, dateRangeProblem } from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { OutcomeFiltersInput } from '@homegroup/validators';
import type { StaffContext } from '../context';
import { refuseField } from '../errors';

/** What the dashboard counts over, checked against what the staff member may see. */
export interface OutcomeScope {
  range: DateRange;
  facilities: { id: string; name: string; timeZone: string }[];
  programTrack: string | null;
  levelOfCare: string | null;
  counselorId: string | null;
  groupId: string | null;
  /** true when the view is the counselor's own caseload. */
  ownCaseload: boolean;
}

/**
 * The facilities a staff member may chart: as a director, every facility of their organisation
 * where they are one; otherwise only the facility they are working at.
 */
export async function chartableFacilities(db: Db, staff: StaffContext) {
  if (staff.role !== 'admin') {
    return [
      { id: staff.facility.id, name: staff.facility.name, timeZone: staff.facility.timeZone },
    ];
  }
  return db
    .selectFrom('staffRoles as r')
    .innerJoin('facilities as f', 'f.id', 'r.facilityId')
    .select(['f.id', 'f.name', 'f.timeZone'])
    .where('r.staffUserId', '=', staff.userId)
    .where('r.role', '=', 'admin')
    .where('f.organizationId', '=', staff.facility.organizationId)
    .orderBy('f.name')
    .execute();
}

/**
 * Checks every filter: a range the wrong way round or over five years, a facility the staff
 * member does not direct, a counselor or group not at the chosen facilities. Counselors always
 * see their own caseload.
 */
export async function outcomeScope(
  db: Db,
  staff: StaffContext,
  input: OutcomeFiltersInput,
): Promise<OutcomeScope> {
  const range = { from: input.from, to: input.to };
  const rangeProblem = dateRangeProblem(range);
  if (rangeProblem) refuseField('to', rangeProblem);

  const allowed = await chartableFacilities(db, staff);
  const wanted = input.facilityIds?.length ? input.facilityIds : [staff.facility.id];
  const facilities = allowed.filter((f) => wanted.includes(f.id));
  if (facilities.length !== new Set(wanted).size) {
    refuseField('facilityIds', 'You can chart only the facilities you direct.');
  }
  const facilityIds = facilities.map((f) => f.id);

  const ownCaseload = staff.role === 'counselor';
  if (ownCaseload && input.counselorId && input.counselorId !== staff.userId) {
    refuseField('counselorId', 'Counselors see the outcomes of their own caseload only.');
  }
  const counselorId = ownCaseload ? staff.userId : (input.counselorId ?? null);
  if (counselorId && !ownCaseload) {
    const works = await db
      .selectFrom('staffRoles')
      .select('staffUserId')
      .where('staffUserId', '=', counselorId)
      .where('facilityId', 'in', facilityIds)
      .executeTakeFirst();
    if (!works)
      refuseField('counselorId', 'That counselor does not work at the chosen facilities.');
  }
  if (input.groupId) {
    const group = await db
      .selectFrom('groups')
      .select('id')
      .where('id', '=', input.groupId)
      .where('facilityId', 'in', facilityIds)
      .executeTakeFirst();
    if (!group) refuseField('groupId', 'That group is not at the chosen facilities.');
  }
  return {
    range,
    facilities,
    programTrack: input.programTrack ?? null,
    levelOfCare: input.levelOfCare ?? null,
    counselorId,
    groupId: input.groupId ?? null,
    ownCaseload,
  };
}
