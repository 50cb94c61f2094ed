import { addDays, dateInTimeZone, expandSchedule, laterDate } from '@homegroup/core';
import type { Db } from '@homegroup/db';

/**
 * Makes sure every active group at the facility has its scheduled sessions from today through
 * the rolling window. Idempotent: a session already there (by group and start) is left alone,
 * so running it on every visit to Today costs one insert that mostly does nothing.
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
    .select(['id', 'scheduleDays', 'startTime', 'durationMinutes', 'cycleStartDate'])
    .where('facilityId', '=', facility.id)
    .where('archivedAt', 'is', null);
  if (groupId) query = query.where('id', '=', groupId);
  const groups = await query.execute();
  const rows = groups.flatMap((g) =>
    expandSchedule(
      { days: g.scheduleDays, startTime: g.startTime, durationMinutes: g.durationMinutes },
      laterDate(today, g.cycleStartDate ?? today),
      until,
      facility.timeZone,
    ).map((s) => ({
      groupId: g.id,
      facilityId: facility.id,
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
    })),
  );
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('groupSessions')
    .values(rows)
    .onConflict((oc) => oc.columns(['groupId', 'startsAt']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}
