import type { Context, StaffContext } from '../context';
import { chartableFacilities } from './outcome-scope';

/** What the dashboard's filters offer: only what the staff member may chart. */
export async function outcomeFilterOptions(ctx: Context, staff: StaffContext) {
  const facilities = await chartableFacilities(ctx.db, staff);
  const ids = facilities.map((f) => f.id);
  const [tracks, counselors, groups] = await Promise.all([
    ctx.db
      .selectFrom('clients')
      .select('programTrack')
      .distinct()
      .where('facilityId', 'in', ids)
      .where('programTrack', 'is not', null)
      .orderBy('programTrack')
      .execute(),
    staff.role === 'counselor'
      ? Promise.resolve([
          { id: staff.userId, displayName: staff.displayName, facilityId: staff.facility.id },
        ])
      : ctx.db
          .selectFrom('staffRoles as r')
          .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
          .select(['u.id', 'u.displayName', 'r.facilityId'])
          .where('r.facilityId', 'in', ids)
          .where('r.role', 'in', ['counselor', 'admin'])
          .orderBy('u.displayName')
          .execute(),
    ctx.db
      .selectFrom('groups')
      .select(['id', 'name', 'facilityId'])
      .where('facilityId', 'in', ids)
      .where('archivedAt', 'is', null)
      .orderBy('name')
      .execute(),
  ]);
  return {
    facilities: facilities.map((f) => ({ id: f.id, name: f.name })),
    currentFacilityId: staff.facility.id,
    ownCaseload: staff.role === 'counselor',
    programTracks: tracks.map((t) => t.programTrack as string),
    counselors,
    groups,
  };
}
