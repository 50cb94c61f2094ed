import {
  clientRecordProblems,
  dateInTimeZone,
  dischargeProblems,
  readableDate,
} from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { ClientRecordInput, DischargeInput, UpdateClientInput } from '@homegroup/validators';
import { scheduleFollowUps } from '../alumni/follow-ups';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { recomputeForClients } from '../engagement/recompute-for';
import { AppError, refuseField, refuseFields } from '../errors';

/** Checks that need the database: the counselor works here as a counselor, the number is free. */
async function checkRecord(
  trx: Db,
  staff: StaffContext,
  input: ClientRecordInput,
  today: string,
  clientId: string | null,
) {
  refuseFields(clientRecordProblems(input, today));
  if (input.counselorStaffId) {
    const counselor = await trx
      .selectFrom('staffRoles')
      .select('staffUserId')
      .where('staffUserId', '=', input.counselorStaffId)
      .where('facilityId', '=', staff.facility.id)
      .where('role', 'in', ['counselor', 'admin'])
      .executeTakeFirst();
    if (!counselor) {
      refuseField('counselorStaffId', 'Choose a counselor who works at this facility.');
    }
  }
  let taken = trx
    .selectFrom('clients')
    .select('id')
    .where('facilityId', '=', staff.facility.id)
    .where('recordNumber', '=', input.recordNumber);
  if (clientId) taken = taken.where('id', '<>', clientId);
  if (await taken.executeTakeFirst()) {
    refuseField(
      'recordNumber',
      `Record number ${input.recordNumber} belongs to another client here.`,
    );
  }
}

/** Admits a client: the record starts in treatment. */
export async function admitClient(ctx: Context, staff: StaffContext, input: ClientRecordInput) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  return ctx.db.transaction().execute(async (trx) => {
    await checkRecord(trx, staff, input, today, null);
    const row = await trx
      .insertInto('clients')
      .values({
        ...input,
        facilityId: staff.facility.id,
        status: 'in_treatment',
        dischargeDate: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'client',
      entityId: row.id,
      clientId: row.id,
    });
    await recomputeForClients(trx, staff, ctx.now(), [row.id]);
    return { clientId: row.id };
  });
}

async function lockClient(trx: Db, staff: StaffContext, clientId: string, version: number) {
  const client = await trx
    .selectFrom('clients')
    .select(['id', 'version', 'status', 'admissionDate', 'dischargeDate', 'dateOfBirth'])
    .where('id', '=', clientId)
    .where('facilityId', '=', staff.facility.id)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!client) throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
  if (client.version !== version) {
    throw new AppError(
      'CONFLICT',
      'Someone else changed this record since you opened it. Nothing was saved: reload to see their changes, then make yours again.',
    );
  }
  return client;
}

/** Edits the admission record; the version stops two people overwriting each other. */
export async function updateClient(ctx: Context, staff: StaffContext, input: UpdateClientInput) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  const { clientId, version, ...record } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const client = await lockClient(trx, staff, clientId, version);
    await checkRecord(trx, staff, record, today, clientId);
    if (client.dischargeDate && record.admissionDate > client.dischargeDate) {
      refuseField(
        'admissionDate',
        `The admission date cannot be after the discharge date (${readableDate(client.dischargeDate)}).`,
      );
    }
    await trx
      .updateTable('clients')
      .set({ ...record, version: version + 1, updatedAt: ctx.now() })
      .where('id', '=', clientId)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'client',
      entityId: clientId,
      clientId,
      detail: { fields: Object.keys(record) },
    });
    await recomputeForClients(trx, staff, ctx.now(), [clientId]);
    return { clientId, version: version + 1 };
  });
}

/**
 * Discharges a client: the stay's end and how it ended, alumni follow-up opted in or out, the
 * status becomes alumni, and every group enrolment still open ends on the discharge date.
 */
export async function dischargeClient(ctx: Context, staff: StaffContext, input: DischargeInput) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  return ctx.db.transaction().execute(async (trx) => {
    const client = await lockClient(trx, staff, input.clientId, input.version);
    if (client.status !== 'in_treatment') {
      throw new AppError(
        'CONFLICT',
        `This client was already discharged on ${readableDate(client.dischargeDate ?? '')}.`,
      );
    }
    refuseFields(dischargeProblems(client.admissionDate, input.dischargeDate, today));
    await trx
      .updateTable('clients')
      .set({
        status: 'alumni',
        dischargeDate: input.dischargeDate,
        dischargeType: input.dischargeType,
        alumniFollowUp: input.alumniFollowUp,
        version: input.version + 1,
        updatedAt: ctx.now(),
      })
      .where('id', '=', client.id)
      .execute();
    const ended = await trx
      .updateTable('groupEnrolments')
      .set({ endDate: input.dischargeDate, endReason: 'Discharged' })
      .where('clientId', '=', client.id)
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', input.dischargeDate)]))
      .where('startDate', '<=', input.dischargeDate)
      .returning('id')
      .execute();
    // Enrolments planned to start after the discharge never begin; the audit keeps them.
    const withdrawn = await trx
      .deleteFrom('groupEnrolments')
      .where('clientId', '=', client.id)
      .where('startDate', '>', input.dischargeDate)
      .returning(['id', 'groupId', 'startDate'])
      .execute();
    const followUpsScheduled =
      input.alumniFollowUp === 'opted_in'
        ? await scheduleFollowUps(trx, staff.facility.id, client.id, input.dischargeDate)
        : 0;
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'client',
      entityId: client.id,
      clientId: client.id,
      detail: {
        operation: 'discharge',
        followUpsScheduled,
        dischargeDate: input.dischargeDate,
        dischargeType: input.dischargeType,
        alumniFollowUp: input.alumniFollowUp,
        enrolmentsEnded: ended.length,
        plannedEnrolmentsWithdrawn: withdrawn,
      },
    });
    await recomputeForClients(trx, staff, ctx.now(), [client.id]);
    return { clientId: client.id, version: input.version + 1, enrolmentsEnded: ended.length };
  });
}
