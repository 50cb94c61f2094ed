import { dateInTimeZone, stepWorkProblems } from '@homegroup/core';
import type {
  AcknowledgeFlagInput,
  FamilyMemberInput,
  GoalInput,
  GoalNoteInput,
  StepWorkInput,
} from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField, refuseFields } from '../errors';

async function assertClientHere(ctx: Context, staff: StaffContext, clientId: string) {
  const client = await ctx.db
    .selectFrom('clients')
    .select(['id', 'admissionDate'])
    .where('id', '=', clientId)
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  if (!client) throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
  return client;
}

/** The counselor sets one step's status and dates. */
export async function setStepWork(ctx: Context, staff: StaffContext, input: StepWorkInput) {
  await assertClientHere(ctx, staff, input.clientId);
  refuseFields(stepWorkProblems(input, dateInTimeZone(ctx.now(), staff.facility.timeZone)));
  const values = {
    status: input.status,
    startedOn: input.startedOn,
    completedOn: input.completedOn,
    updatedBy: staff.userId,
    updatedAt: ctx.now(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('stepWork')
      .select(['status', 'startedOn', 'completedOn'])
      .where('clientId', '=', input.clientId)
      .where('step', '=', input.step)
      .executeTakeFirst();
    await trx
      .insertInto('stepWork')
      .values({
        ...values,
        clientId: input.clientId,
        facilityId: staff.facility.id,
        step: input.step,
      })
      .onConflict((oc) => oc.columns(['clientId', 'step']).doUpdateSet(values))
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: before ? 'update' : 'create',
      entityType: 'step_work',
      entityId: `${input.clientId}:${input.step}`,
      clientId: input.clientId,
      detail: { step: input.step, before: before ?? null, after: { ...input } },
    });
  });
  return { step: input.step, status: input.status };
}

export async function addGoal(ctx: Context, staff: StaffContext, input: GoalInput) {
  await assertClientHere(ctx, staff, input.clientId);
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  if (input.targetDate && input.targetDate < today) {
    refuseField('targetDate', 'The target date cannot be in the past.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('clientGoals')
      .values({
        clientId: input.clientId,
        facilityId: staff.facility.id,
        text: input.text,
        targetDate: input.targetDate,
        createdBy: staff.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'client_goal',
      entityId: row.id,
      clientId: input.clientId,
    });
    return { goalId: row.id };
  });
}

/** A progress note on a goal, optionally moving its status (achieved, set aside, working). */
export async function addGoalNote(ctx: Context, staff: StaffContext, input: GoalNoteInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const goal = await trx
      .selectFrom('clientGoals')
      .select(['id', 'clientId', 'status'])
      .where('id', '=', input.goalId)
      .where('facilityId', '=', staff.facility.id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!goal) throw new AppError('NOT_FOUND', 'No goal with that link at this facility.');
    const statusAfter = input.status && input.status !== goal.status ? input.status : null;
    await trx
      .insertInto('goalNotes')
      .values({
        goalId: goal.id,
        facilityId: staff.facility.id,
        note: input.note,
        statusAfter,
        authorStaffId: staff.userId,
      })
      .execute();
    if (statusAfter) {
      await trx
        .updateTable('clientGoals')
        .set({ status: statusAfter, updatedAt: ctx.now() })
        .where('id', '=', goal.id)
        .execute();
    }
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'client_goal',
      entityId: goal.id,
      clientId: goal.clientId,
      detail: { note: true, statusAfter },
    });
    return { goalId: goal.id, status: statusAfter ?? goal.status };
  });
}

/** A counselor acknowledges an open flag with a note saying what they did or decided. */
export async function acknowledgeFlag(
  ctx: Context,
  staff: StaffContext,
  input: AcknowledgeFlagInput,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const flag = await trx
      .selectFrom('clientFlags')
      .select(['id', 'clientId', 'rule', 'clearedOn', 'acknowledgedAt'])
      .where('id', '=', input.flagId)
      .where('facilityId', '=', staff.facility.id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!flag) throw new AppError('NOT_FOUND', 'No flag with that link at this facility.');
    if (flag.acknowledgedAt) {
      throw new AppError(
        'CONFLICT',
        'Someone already acknowledged this flag. Reload to see their note.',
      );
    }
    await trx
      .updateTable('clientFlags')
      .set({
        acknowledgedAt: ctx.now(),
        acknowledgedBy: staff.userId,
        acknowledgementNote: input.note,
      })
      .where('id', '=', flag.id)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'client_flag',
      entityId: flag.id,
      clientId: flag.clientId,
      detail: { operation: 'acknowledge', rule: flag.rule },
    });
    return { flagId: flag.id };
  });
}

/** A relative of the client, who may then attend family-system groups. */
export async function addFamilyMember(ctx: Context, staff: StaffContext, input: FamilyMemberInput) {
  await assertClientHere(ctx, staff, input.clientId);
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  if (input.dateOfBirth && input.dateOfBirth >= today) {
    refuseField('dateOfBirth', 'The date of birth must be in the past.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('familyMembers')
      .values({
        ...input,
        facilityId: staff.facility.id,
        preferredName: input.preferredName ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'family_member',
      entityId: row.id,
      clientId: input.clientId,
    });
    return { familyMemberId: row.id };
  });
}
