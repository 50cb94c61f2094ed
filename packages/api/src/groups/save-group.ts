import {
  dateInTimeZone,
  FAMILY_GROUP_MIN_AGE,
  formatConflict,
  isFamilySystemGroup,
} from '@homegroup/core';
import type { GroupInput, GroupUpdateInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField } from '../errors';
import { facilitySettingsFor } from './facility-settings';
import { ensureSessions } from './generate-sessions';

/** Checks shared by a new group and an edit; returns the values to store. */
async function checkedValues(
  ctx: Context,
  staff: StaffContext,
  input: Omit<GroupInput, 'firstSessionDate'>,
) {
  const conflict = formatConflict(input.formatCodes);
  if (conflict) refuseField('formatCodes', conflict);

  const staffIds = [input.monitorStaffId, input.coFacilitatorStaffId].filter(
    (v): v is string => v !== null,
  );
  if (input.coFacilitatorStaffId && input.coFacilitatorStaffId === input.monitorStaffId) {
    refuseField(
      'coFacilitatorStaffId',
      'The co-facilitator must be someone other than the monitor.',
    );
  }
  const found = await ctx.db
    .selectFrom('staffRoles as r')
    .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
    .select('r.staffUserId')
    .where('r.facilityId', '=', staff.facility.id)
    .where('r.staffUserId', 'in', staffIds)
    .where('u.isActive', '=', true)
    .where('r.role', 'in', ['admin', 'counselor', 'group_monitor'])
    .execute();
  const known = new Set(found.map((r) => r.staffUserId));
  if (!known.has(input.monitorStaffId)) {
    refuseField('monitorStaffId', 'Choose a monitor who works at this facility.');
  }
  if (input.coFacilitatorStaffId && !known.has(input.coFacilitatorStaffId)) {
    refuseField('coFacilitatorStaffId', 'Choose a co-facilitator who works at this facility.');
  }

  // Family-system groups are for adults: the floor is 18 whatever was typed.
  const minAge = isFamilySystemGroup(input.kind)
    ? Math.max(input.minAge ?? 0, FAMILY_GROUP_MIN_AGE)
    : input.minAge;

  return {
    name: input.name,
    kind: input.kind,
    formatCodes: input.formatCodes,
    audiences: [...new Set(input.audiences)],
    programTrack: input.programTrack ?? null,
    minAge,
    participation: input.participation,
    enrolment: input.enrolment,
    capacity: input.capacity,
    room: input.room ?? null,
    videoUrl: input.videoUrl,
    scheduleDays: [...new Set(input.scheduleDays)].sort(),
    startTime: input.startTime,
    durationMinutes: input.durationMinutes,
    monitorStaffId: input.monitorStaffId,
    coFacilitatorStaffId: input.coFacilitatorStaffId,
  };
}

async function assertNameFree(ctx: Context, staff: StaffContext, name: string, exceptId?: string) {
  let q = ctx.db
    .selectFrom('groups')
    .select('id')
    .where('facilityId', '=', staff.facility.id)
    .where('archivedAt', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) {
    refuseField('name', 'Another group at this facility already has that name.');
  }
}

export async function createGroup(ctx: Context, staff: StaffContext, input: GroupInput) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  if (input.firstSessionDate < today) {
    refuseField('firstSessionDate', 'A new group’s first session cannot be in the past.');
  }
  const values = await checkedValues(ctx, staff, input);
  await assertNameFree(ctx, staff, values.name);
  const settings = await facilitySettingsFor(ctx.db, staff.facility.id);

  return ctx.db.transaction().execute(async (trx) => {
    const group = await trx
      .insertInto('groups')
      .values({ ...values, facilityId: staff.facility.id, cycleStartDate: input.firstSessionDate })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ensureSessions(trx, staff.facility, ctx.now(), settings.sessionWindowWeeks, group.id);
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'group',
      entityId: group.id,
    });
    return { groupId: group.id };
  });
}

export async function updateGroup(ctx: Context, staff: StaffContext, input: GroupUpdateInput) {
  const existing = await ctx.db
    .selectFrom('groups')
    .select(['id', 'archivedAt'])
    .where('id', '=', input.groupId)
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  if (!existing) throw new AppError('NOT_FOUND', 'No group with that link at this facility.');
  if (existing.archivedAt)
    throw new AppError('CONFLICT', 'This group is archived and cannot be changed.');
  const values = await checkedValues(ctx, staff, input);
  await assertNameFree(ctx, staff, values.name, input.groupId);
  const settings = await facilitySettingsFor(ctx.db, staff.facility.id);

  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('groups')
      .set({ ...values, sessionsThrough: null, updatedAt: ctx.now() })
      .where('id', '=', input.groupId)
      .execute();
    // Future sessions nobody has touched follow the new schedule; others stay as they are.
    await trx
      .deleteFrom('groupSessions')
      .where('groupId', '=', input.groupId)
      .where('state', '=', 'scheduled')
      .where('adHoc', '=', false)
      .where('startsAt', '>', ctx.now())
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('attendanceRecords')
              .select('id')
              .whereRef('attendanceRecords.sessionId', '=', 'groupSessions.id'),
          ),
        ),
      )
      .execute();
    await ensureSessions(
      trx,
      staff.facility,
      ctx.now(),
      settings.sessionWindowWeeks,
      input.groupId,
    );
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'group',
      entityId: input.groupId,
    });
    return { groupId: input.groupId };
  });
}

export async function archiveGroup(ctx: Context, staff: StaffContext, groupId: string) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  return ctx.db.transaction().execute(async (trx) => {
    const archived = await trx
      .updateTable('groups')
      .set({ archivedAt: ctx.now(), updatedAt: ctx.now() })
      .where('id', '=', groupId)
      .where('facilityId', '=', staff.facility.id)
      .where('archivedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!archived)
      throw new AppError('NOT_FOUND', 'No active group with that link at this facility.');
    await trx
      .updateTable('groupSessions')
      .set({ state: 'cancelled', cancelReason: 'Group archived', updatedAt: ctx.now() })
      .where('groupId', '=', groupId)
      .where('state', '=', 'scheduled')
      .where('startsAt', '>', ctx.now())
      .execute();
    await trx
      .updateTable('groupEnrolments')
      .set({ endDate: today, endReason: 'Group archived' })
      .where('groupId', '=', groupId)
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', today)]))
      .where('startDate', '<=', today)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'delete',
      entityType: 'group',
      entityId: groupId,
      detail: { operation: 'archive' },
    });
    return { groupId };
  });
}
