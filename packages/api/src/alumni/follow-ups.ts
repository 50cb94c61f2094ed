import {
  dateInTimeZone,
  FOLLOW_UP_GRACE_DAYS,
  followUpSchedule,
  followUpUrgency,
  readableDate,
  UPCOMING_LOOKAHEAD_DAYS,
} from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { FollowUpAttemptInput, FollowUpChoiceInput } from '@homegroup/validators';
import { sql } from 'kysely';
import { recordAudit, recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField } from '../errors';
import { followUpDays } from '../facility/follow-up-days';
import { alumniClient } from './alumni-client';

const OPTED_OUT =
  'This alumnus opted out of follow-up. Homegroup will not schedule or record calls to them.';

/**
 * Creates the follow-up calls owed to a newly discharged alumnus who opted in, on the facility's
 * schedule. Called inside the discharge's transaction; calls already created are left alone.
 */
export async function scheduleFollowUps(
  trx: Db,
  facilityId: string,
  clientId: string,
  dischargeDate: string,
) {
  const days = await followUpDays(trx, facilityId);
  const schedule = followUpSchedule(dischargeDate, days);
  if (schedule.length === 0) return 0;
  const created = await trx
    .insertInto('followUpTasks')
    .values(
      schedule.map((s) => ({
        facilityId,
        clientId,
        daysAfterDischarge: s.daysAfterDischarge,
        dueOn: s.dueOn,
        status: 'open' as const,
        closedAt: null,
        closedBy: null,
        cancelReason: null,
      })),
    )
    .onConflict((oc) => oc.columns(['clientId', 'daysAfterDischarge']).doNothing())
    .returning('id')
    .execute();
  return created.length;
}

/**
 * Opting out is honoured at once: every open call is cancelled. Opting back in schedules the
 * calls whose dates are still ahead.
 */
export async function setFollowUpChoice(
  ctx: Context,
  staff: StaffContext,
  input: FollowUpChoiceInput,
) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  return ctx.db.transaction().execute(async (trx) => {
    const client = await alumniClient(trx, staff, input.clientId, true);
    if (client.status !== 'alumni' || !client.dischargeDate) {
      throw new AppError(
        'BAD_INPUT',
        'Follow-up starts at discharge; this client is still in treatment.',
      );
    }
    await trx
      .updateTable('clients')
      .set({
        alumniFollowUp: input.choice,
        phone: input.phone,
        version: client.version + 1,
        updatedAt: ctx.now(),
      })
      .where('id', '=', client.id)
      .execute();
    let cancelled = 0;
    let scheduled = 0;
    if (input.choice === 'opted_out') {
      const rows = await trx
        .updateTable('followUpTasks')
        .set({
          status: 'cancelled',
          cancelReason: 'Opted out of follow-up',
          closedAt: ctx.now(),
          closedBy: staff.userId,
        })
        .where('clientId', '=', client.id)
        .where('status', '=', 'open')
        .returning('id')
        .execute();
      cancelled = rows.length;
    } else if (client.alumniFollowUp !== 'opted_in') {
      const days = await followUpDays(trx, staff.facility.id);
      const ahead = followUpSchedule(client.dischargeDate, days).filter((s) => s.dueOn >= today);
      for (const s of ahead) {
        const row = await trx
          .insertInto('followUpTasks')
          .values({
            facilityId: staff.facility.id,
            clientId: client.id,
            daysAfterDischarge: s.daysAfterDischarge,
            dueOn: s.dueOn,
            status: 'open',
            closedAt: null,
            closedBy: null,
            cancelReason: null,
          })
          .onConflict((oc) =>
            oc
              .columns(['clientId', 'daysAfterDischarge'])
              .doUpdateSet({ status: 'open', cancelReason: null, closedAt: null, closedBy: null }),
          )
          .returning('id')
          .execute();
        scheduled += row.length;
      }
    }
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'client',
      entityId: client.id,
      clientId: client.id,
      detail: {
        operation: 'follow_up_choice',
        choice: input.choice,
        cancelled,
        scheduled,
        phoneChanged: input.phone !== client.phone,
      },
    });
    return { cancelled, scheduled };
  });
}

/** The coordinator's queue: calls due and overdue (or coming up), oldest first. */
export async function followUpQueue(
  ctx: Context,
  staff: StaffContext,
  input: { page: number; pageSize: number; show: 'due' | 'upcoming' | 'all_open' },
) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  // Opt-out is honoured everywhere, even for a call left open by mistake.
  const open = ctx.db
    .selectFrom('followUpTasks as t')
    .innerJoin('clients as c', 'c.id', 't.clientId')
    .where('t.facilityId', '=', staff.facility.id)
    .where('t.status', '=', 'open')
    .where('c.alumniFollowUp', '=', 'opted_in');
  const ahead = sql<string>`${today}::date + ${sql.lit(UPCOMING_LOOKAHEAD_DAYS)}`;
  const graceEnd = sql<string>`${today}::date - ${sql.lit(FOLLOW_UP_GRACE_DAYS)}`;
  const base = open.where((eb) =>
    input.show === 'due'
      ? eb('t.dueOn', '<=', today)
      : input.show === 'upcoming'
        ? eb.and([eb('t.dueOn', '>', today), eb('t.dueOn', '<=', ahead)])
        : eb.val(true),
  );
  const [rows, count, counts] = await Promise.all([
    base
      .select([
        't.id',
        't.clientId',
        't.daysAfterDischarge',
        't.dueOn',
        'c.firstName',
        'c.lastName',
        'c.preferredName',
        'c.recordNumber',
        'c.dischargeDate',
        'c.phone',
        (eb) =>
          eb
            .selectFrom('followUpAttempts as a')
            .whereRef('a.taskId', '=', 't.id')
            .select(sql<number>`count(*)::int`.as('n'))
            .as('attempts'),
        (eb) =>
          eb
            .selectFrom('followUpAttempts as a')
            .whereRef('a.taskId', '=', 't.id')
            .select('a.outcome')
            .orderBy('a.attemptedAt', 'desc')
            .limit(1)
            .as('lastOutcome'),
      ])
      .orderBy('t.dueOn')
      .orderBy('c.lastName')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    open
      .select([
        sql<number>`count(*) filter (where t.due_on <= ${graceEnd})::int`.as('overdue'),
        sql<number>`count(*) filter (where t.due_on <= ${today}::date and t.due_on > ${graceEnd})::int`.as(
          'due',
        ),
        sql<number>`count(*) filter (where t.due_on > ${today}::date and t.due_on <= ${ahead})::int`.as(
          'upcoming',
        ),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  await recordAudit(ctx.db, {
    action: 'read',
    entityType: 'follow_up_queue',
    actorStaffUserId: staff.userId,
    facilityId: staff.facility.id,
    outcome: 'success',
    sourceIp: ctx.request.ip,
    detail: { clientIds: [...new Set(rows.map((r) => r.clientId))] },
  });
  return {
    today,
    counts,
    rowCount: count.n,
    rows: rows.map((r) => ({
      ...r,
      attempts: r.attempts ?? 0,
      urgency: followUpUrgency(r.dueOn, today),
    })),
  };
}

/**
 * Records one call. Reached closes the call with the alumnus's answers; declined closes it
 * without; no answer and wrong number leave it open for another try.
 */
export async function recordFollowUpAttempt(
  ctx: Context,
  staff: StaffContext,
  input: FollowUpAttemptInput,
) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  if (input.attemptedOn > today) refuseField('attemptedOn', 'The call cannot be in the future.');
  return ctx.db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom('followUpTasks')
      .selectAll()
      .where('id', '=', input.taskId)
      .where('facilityId', '=', staff.facility.id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!task)
      throw new AppError('NOT_FOUND', 'No follow-up call with that link at this facility.');
    const client = await alumniClient(trx, staff, task.clientId);
    if (client.alumniFollowUp !== 'opted_in') throw new AppError('BAD_INPUT', OPTED_OUT);
    if (task.status !== 'open') {
      throw new AppError(
        'CONFLICT',
        `This call is already closed (${task.status}). Refresh to see who recorded it.`,
      );
    }
    if (client.dischargeDate && input.attemptedOn < client.dischargeDate) {
      refuseField(
        'attemptedOn',
        `The call cannot be before the discharge (${readableDate(client.dischargeDate)}).`,
      );
    }
    const reached = input.outcome === 'reached';
    const attempt = await trx
      .insertInto('followUpAttempts')
      .values({
        taskId: task.id,
        facilityId: staff.facility.id,
        clientId: task.clientId,
        outcome: input.outcome,
        attemptedAt: new Date(`${input.attemptedOn}T12:00:00Z`),
        note: input.note,
        communityMeetings: reached ? input.communityMeetings : null,
        hasSponsor: reached ? input.hasSponsor : null,
        abstinent: reached ? input.abstinent : null,
        housing: reached ? input.housing : null,
        workOrSchool: reached ? input.workOrSchool : null,
        madeBy: staff.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const closes = reached || input.outcome === 'declined';
    if (closes) {
      await trx
        .updateTable('followUpTasks')
        .set({ status: reached ? 'done' : 'declined', closedAt: ctx.now(), closedBy: staff.userId })
        .where('id', '=', task.id)
        .execute();
    }
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'follow_up_attempt',
      entityId: attempt.id,
      clientId: task.clientId,
      detail: { taskId: task.id, outcome: input.outcome, closed: closes },
    });
    return { attemptId: attempt.id, taskStatus: closes ? (reached ? 'done' : 'declined') : 'open' };
  });
}
