import { ageOn, peakEnrolment, periodsOverlap } from '@homegroup/core';
import type { EnrolInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { recomputeForClients } from '../engagement/recompute-for';
import { AppError, refuseField } from '../errors';
import { eligibilityProblem, resolvePerson } from '../people/resolve-person';

/**
 * Puts a person on a group's roster. Refuses overlapping enrolment, a full group, a person the
 * group is not for, and joining a closed group mid-cycle unless a reason is given. One
 * transaction: the roster is never left half-changed.
 */
export async function enrol(ctx: Context, staff: StaffContext, input: EnrolInput) {
  if (input.endDate && input.endDate < input.startDate) {
    refuseField('endDate', 'The end date must be on or after the start date.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    // Locking the group row serialises enrolments, so two at once cannot both take the last place.
    const group = await trx
      .selectFrom('groups')
      .select([
        'id',
        'audiences',
        'minAge',
        'enrolment',
        'capacity',
        'cycleStartDate',
        'archivedAt',
      ])
      .where('id', '=', input.groupId)
      .where('facilityId', '=', staff.facility.id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!group) throw new AppError('NOT_FOUND', 'No group with that link at this facility.');
    if (group.archivedAt) throw new AppError('CONFLICT', 'This group is archived.');
    const person = await resolvePerson(trx, staff.facility.id, input.person);

    const problem = eligibilityProblem(person, group, input.startDate, ageOn);
    if (problem) refuseField('person', problem);

    const periods = await trx
      .selectFrom('groupEnrolments')
      .select(['clientId', 'familyMemberId', 'startDate', 'endDate'])
      .where('groupId', '=', group.id)
      .execute();
    const added = { startDate: input.startDate, endDate: input.endDate };
    const own = periods.filter(
      (p) =>
        (person.clientId && p.clientId === person.clientId) ||
        (person.familyMemberId && p.familyMemberId === person.familyMemberId),
    );
    if (own.some((p) => periodsOverlap(p, added))) {
      refuseField(
        'startDate',
        `${person.rosterName} is already on this group’s roster for those dates.`,
      );
    }
    if (group.capacity !== null && peakEnrolment(periods, added) > group.capacity) {
      refuseField(
        'person',
        `This group is full: it holds ${group.capacity} and that many are enrolled for those dates.`,
      );
    }
    const midCycle =
      group.enrolment === 'closed' &&
      group.cycleStartDate !== null &&
      input.startDate > group.cycleStartDate;
    if (midCycle && !input.overrideReason) {
      refuseField(
        'overrideReason',
        'This group is closed and its cycle has begun. Give a reason to enrol someone mid-cycle.',
      );
    }

    const row = await trx
      .insertInto('groupEnrolments')
      .values({
        groupId: group.id,
        facilityId: staff.facility.id,
        clientId: person.clientId,
        familyMemberId: person.familyMemberId,
        startDate: input.startDate,
        endDate: input.endDate,
        overrideReason: midCycle ? (input.overrideReason ?? null) : null,
        createdBy: staff.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'group_enrolment',
      entityId: row.id,
      clientId: person.clientId,
      detail: { groupId: group.id, familyMemberId: person.familyMemberId },
    });
    if (person.clientId) await recomputeForClients(trx, staff, ctx.now(), [person.clientId]);
    return { enrolmentId: row.id };
  });
}

export async function endEnrolment(
  ctx: Context,
  staff: StaffContext,
  input: { enrolmentId: string; endDate: string; reason?: string | null | undefined },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom('groupEnrolments')
      .select(['id', 'startDate', 'endDate', 'clientId'])
      .where('id', '=', input.enrolmentId)
      .where('facilityId', '=', staff.facility.id)
      .executeTakeFirst();
    if (!e) throw new AppError('NOT_FOUND', 'No enrolment with that link at this facility.');
    if (input.endDate < e.startDate)
      refuseField('endDate', 'The end date must be on or after the start date.');
    await trx
      .updateTable('groupEnrolments')
      .set({ endDate: input.endDate, endReason: input.reason ?? null })
      .where('id', '=', e.id)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'group_enrolment',
      entityId: e.id,
      clientId: e.clientId,
      detail: { endDate: input.endDate },
    });
    if (e.clientId) await recomputeForClients(trx, staff, ctx.now(), [e.clientId]);
    return { enrolmentId: e.id };
  });
}
