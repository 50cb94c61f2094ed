import { boundingBox, type Point } from '@homegroup/core';
import type { Database, Db } from '@homegroup/db';
import type { MeetingSearchInput } from '@homegroup/validators';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Context, StaffContext } from '../context';
import { containsPattern } from '../like-pattern';
import { toMinute } from './meeting-rows';
import { MEETING_COLUMNS, meetingView } from './meeting-view';

/** Great-circle miles from a point, in SQL, so the database can sort by it. */
export function distanceSql(near: Point) {
  return sql<number>`(7917.6 * asin(least(1, sqrt(
    power(sin(radians(meetings.latitude - ${near.latitude}) / 2), 2) +
    cos(radians(${near.latitude})) * cos(radians(meetings.latitude)) *
    power(sin(radians(meetings.longitude - ${near.longitude}) / 2), 2)))))`;
}

type Where = ExpressionBuilder<Database, 'meetings'>;

/** The filters of a directory search, as one SQL condition list. */
function conditions(eb: Where, organizationId: string, input: MeetingSearchInput) {
  const all: Expression<SqlBool>[] = [
    eb('meetings.organizationId', '=', organizationId),
    eb('meetings.retiredAt', 'is', null),
  ];
  if (input.days.length > 0) all.push(eb('meetings.day', 'in', input.days));
  const from = toMinute(input.from);
  const to = toMinute(input.to);
  if (from !== null && to !== null && from > to) {
    // A window across midnight, such as 21:00 to 02:00.
    all.push(eb.or([eb('meetings.startMinute', '>=', from), eb('meetings.startMinute', '<=', to)]));
  } else {
    if (from !== null) all.push(eb('meetings.startMinute', '>=', from));
    if (to !== null) all.push(eb('meetings.startMinute', '<=', to));
  }
  if (input.fellowships.length > 0) all.push(eb('meetings.fellowship', 'in', input.fellowships));
  if (input.types.length > 0)
    all.push(sql<boolean>`meetings.types @> ${sql.val(input.types)}::text[]`);
  if (input.modes.length > 0) all.push(eb('meetings.attendanceMode', 'in', input.modes));
  if (input.language) all.push(sql<boolean>`${input.language} = any(meetings.languages)`);
  if (input.region) all.push(sql<boolean>`${input.region} = any(meetings.regions)`);
  if (input.text) {
    all.push(sql<boolean>`meetings.search_text like ${containsPattern(input.text.toLowerCase())}`);
  }
  if (input.near && input.withinMiles !== null) {
    const box = boundingBox(input.near, input.withinMiles);
    all.push(
      eb('meetings.latitude', '>=', box.minLatitude),
      eb('meetings.latitude', '<=', box.maxLatitude),
      eb('meetings.longitude', '>=', box.minLongitude),
      eb('meetings.longitude', '<=', box.maxLongitude),
      eb(distanceSql(input.near), '<=', input.withinMiles),
    );
  }
  return eb.and(all);
}

/**
 * The directory search: weekday, time window, fellowship, formats, in person or online,
 * language, region, free text and distance, paged and sorted in SQL. With a place to measure
 * from, it also says how many matching meetings have no position in their feed.
 */
export async function searchMeetings(ctx: Context, staff: StaffContext, input: MeetingSearchInput) {
  const org = staff.facility.organizationId;
  const near = input.near;
  const base = (db: Db) => db.selectFrom('meetings').where((eb) => conditions(eb, org, input));
  const sort = input.sort === 'distance' && !near ? 'time' : input.sort;
  let query = base(ctx.db)
    .select(MEETING_COLUMNS)
    .select(near ? distanceSql(near).as('distance') : sql<null>`null`.as('distance'));
  if (sort === 'distance') {
    query = query.orderBy(sql`distance asc nulls last`);
  } else if (sort === 'name') {
    query = query.orderBy('meetings.name');
  } else {
    query = query
      .orderBy(sql`meetings.day asc nulls last`)
      .orderBy(sql`meetings.start_minute asc nulls last`);
  }
  const [rows, count, noPosition] = await Promise.all([
    query
      .orderBy('meetings.name')
      .orderBy('meetings.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    base(ctx.db).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    near && input.withinMiles !== null
      ? ctx.db
          .selectFrom('meetings')
          .where((eb) => conditions(eb, org, { ...input, near: null, withinMiles: null }))
          .where('meetings.latitude', 'is', null)
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      : Promise.resolve({ n: 0 }),
  ]);
  return {
    rows: rows.map((r) => meetingView(r, r.distance)),
    rowCount: count.n,
    /** Meetings that match every other filter but cannot be placed on a map. */
    withoutPosition: noPosition.n,
  };
}
