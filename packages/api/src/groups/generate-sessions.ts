import { addDays, dateInTimeZone, expandSchedule, laterDate } from '@homegroup/core';
import type { Db } from '@homegroup/db';

/**
 * Makes sure every active group at the facility has its scheduled sessions from today through
 * the rolling window. Each group remembers how far it has been generated, so a visit to Today
 * usually finds nothing to do; a session already there (by group and start) is left alone.
 */
export async function ensureSessions(
  db: Db,
  facility: { id: string; timeZone: string },
  now: Date,
  windowWeeks: number,
  groupId?: string,
) {
  const today = dateInTimeZone(now, facility.timeZone);
  const until = addDays(today, windowWeeks * 7);
  let query = db
    .selectFrom('groups')
    .select([
      'id',
      'scheduleDays',
      'startTime',
      'durationMinutes',
      'cycleStartDate',
      'sessionsThrough',
    ])
    .where('facilityId', '=', facility.id)
    .where('archivedAt', 'is', null)
    .where((eb) => eb.or([eb('sessionsThrough', 'is', null), eb('sessionsThrough', '<', until)]));
  if (groupId) query = query.where('id', '=', groupId);
  const groups = await query.execute();
  const rows = groups.flatMap((g) =>
    expandSchedule(
      { days: g.scheduleDays, startTime: g.startTime, durationMinutes: g.durationMinutes },
      laterDate(
        laterDate(today, g.cycleStartDate ?? today),
        g.sessionsThrough ? addDays(g.sessionsThrough, 1) : today,
      ),
      until,
      facility.timeZone,
    ).map((s) => ({
      groupId: g.id,
      facilityId: facility.id,
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
    })),
  );
  if (groups.length === 0) return 0;
  let inserted = 0;
  if (rows.length > 0) {
    const result = await db
      .insertInto('groupSessions')
      .values(rows)
      .onConflict((oc) => oc.columns(['groupId', 'startsAt']).doNothing())
      .executeTakeFirst();
    inserted = Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  await db
    .updateTable('groups')
    .set({ sessionsThrough: until })
    .where(
      'id',
      'in',
      groups.map((g) => g.id),
    )
    .execute();
  return inserted;
}
