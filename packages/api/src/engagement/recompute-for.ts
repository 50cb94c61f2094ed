import { dateInTimeZone } from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { StaffContext } from '../context';
import { recomputeClientMetrics } from './client-metrics';

/**
 * After a session's attendance or state changes: recompute everyone it counts for (the roster
 * that day and anyone recorded), inside the same transaction, so the caseload is live.
 */
export async function recomputeForSession(
  trx: Db,
  staff: StaffContext,
  now: Date,
  sessionId: string,
): Promise<void> {
  const session = await trx
    .selectFrom('groupSessions')
    .select(['groupId', 'startsAt'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const date = dateInTimeZone(session.startsAt, staff.facility.timeZone);
  const [recorded, rostered] = await Promise.all([
    trx
      .selectFrom('attendanceRecords')
      .select('clientId')
      .where('sessionId', '=', sessionId)
      .where('clientId', 'is not', null)
      .execute(),
    trx
      .selectFrom('groupEnrolments')
      .select('clientId')
      .where('groupId', '=', session.groupId)
      .where('clientId', 'is not', null)
      .where('startDate', '<=', date)
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>=', date)]))
      .execute(),
  ]);
  const ids = [...recorded, ...rostered].map((r) => r.clientId as string);
  await recomputeClientMetrics(
    trx,
    staff.facility,
    ids,
    dateInTimeZone(now, staff.facility.timeZone),
  );
}

/** After a client's own record or enrolments change. */
export async function recomputeForClients(
  trx: Db,
  staff: StaffContext,
  now: Date,
  clientIds: readonly string[],
): Promise<void> {
  await recomputeClientMetrics(
    trx,
    staff.facility,
    clientIds,
    dateInTimeZone(now, staff.facility.timeZone),
  );
}
