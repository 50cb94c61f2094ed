import {
  type CaseloadRow,
  daysInTreatment,
  daysSober,
  type FlagRule,
  type IsoDate,
  ratio,
} from '@homegroup/core';
import type { Database, Db } from '@homegroup/db';
import type { CaseloadFilters, CaseloadInput, Page } from '@homegroup/validators';
import { type ExpressionBuilder, sql } from 'kysely';
import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { facilityToday, refreshStaleMetrics } from '../engagement/client-metrics';
import { containsPattern } from '../like-pattern';

type Eb = ExpressionBuilder<
  Database & { c: Database['clients']; m: Database['clientMetrics']; s: Database['staffUsers'] },
  'c' | 'm' | 's'
>;

/** The filtered caseload, sorted, as a query; the page and the CSV export both start here. */
export function caseloadQuery(db: Db, staff: StaffContext, f: CaseloadFilters, today: IsoDate) {
  let q = db
    .selectFrom('clients as c')
    .leftJoin('clientMetrics as m', 'm.clientId', 'c.id')
    .leftJoin('staffUsers as s', 's.id', 'c.counselorStaffId')
    .where('c.facilityId', '=', staff.facility.id);
  if (f.status !== 'all') q = q.where('c.status', '=', f.status);
  if (f.counselor === 'mine') q = q.where('c.counselorStaffId', '=', staff.userId);
  else if (f.counselor === 'none') q = q.where('c.counselorStaffId', 'is', null);
  else if (f.counselor !== 'all') q = q.where('c.counselorStaffId', '=', f.counselor);
  if (f.levelOfCare) q = q.where('c.levelOfCare', '=', f.levelOfCare);
  // Flags are read from the flags themselves: the stored figures hold only the engagement ones,
  // and a safety flag raised by an assessment must be found too.
  if (f.flag) {
    const flag = f.flag;
    q = q.where(({ exists, selectFrom }) => {
      let open = selectFrom('clientFlags as f')
        .select('f.id')
        .whereRef('f.clientId', '=', 'c.id')
        .where('f.clearedOn', 'is', null);
      if (flag === 'unacknowledged') open = open.where('f.acknowledgedAt', 'is', null);
      else if (flag !== 'any') open = open.where('f.rule', '=', flag);
      return exists(open);
    });
  }
  if (f.search) {
    const pattern = containsPattern(f.search);
    q = q.where((eb) =>
      eb.or([
        eb('c.firstName', 'ilike', pattern),
        eb('c.lastName', 'ilike', pattern),
        eb('c.preferredName', 'ilike', pattern),
        eb('c.recordNumber', 'ilike', pattern),
      ]),
    );
  }
  const dir = f.direction;
  // Days in treatment and days sober sort by the dates they count from; the values shown are
  // computed by the pure functions in `@homegroup/core`.
  const reverse = dir === 'asc' ? 'desc' : 'asc';
  const order = {
    name: () => sql`lower(c.last_name || ', ' || c.first_name)`,
    counselor: (eb: Eb) => eb.ref('s.displayName'),
    levelOfCare: (eb: Eb) => eb.ref('c.levelOfCare'),
    daysInTreatment: () => sql`coalesce(c.discharge_date, ${today}::date) - c.admission_date`,
    attendanceRate: (eb: Eb) => eb.ref('m.attendanceRate'),
    participationRate: (eb: Eb) => eb.ref('m.participationRate'),
    meanEngagement: (eb: Eb) => eb.ref('m.meanEngagement'),
    engagementTrend: (eb: Eb) => eb.ref('m.engagementTrend'),
    lastAttended: (eb: Eb) => eb.ref('m.lastAttended'),
    daysSober: (eb: Eb) => eb.ref('c.sobrietyDate'),
    flags: () =>
      sql`(select count(*) from client_flags f where f.client_id = c.id and f.cleared_on is null)`,
  }[f.sort];
  const direction = f.sort === 'daysSober' ? reverse : dir;
  return q
    .orderBy(
      (eb) => order(eb as unknown as Eb),
      (ob) => (direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()),
    )
    .orderBy('c.lastName')
    .orderBy('c.firstName')
    .orderBy('c.id');
}

const ROW_COLUMNS = [
  'c.id',
  'c.recordNumber',
  'c.firstName',
  'c.lastName',
  'c.preferredName',
  'c.status',
  'c.levelOfCare',
  'c.admissionDate',
  'c.dischargeDate',
  'c.sobrietyDate',
  's.displayName as counselorName',
  'm.attended',
  'm.expected',
  'm.shared',
  'm.participationRecorded',
  'm.meanEngagement',
  'm.rated',
  'm.engagementTrend',
  'm.lastAttended',
] as const;

/** Fetches rows by id, in the order given, shaped as `CaseloadRow`. */
export async function caseloadRows(
  db: Db,
  facilityId: string,
  ids: readonly string[],
  today: IsoDate,
): Promise<CaseloadRow[]> {
  if (ids.length === 0) return [];
  const [rows, flags] = await Promise.all([
    db
      .selectFrom('clients as c')
      .leftJoin('clientMetrics as m', 'm.clientId', 'c.id')
      .leftJoin('staffUsers as s', 's.id', 'c.counselorStaffId')
      .select(ROW_COLUMNS)
      .where('c.facilityId', '=', facilityId)
      .where('c.id', 'in', ids)
      .execute(),
    db
      .selectFrom('clientFlags')
      .select(['clientId', 'rule', 'acknowledgedAt'])
      .where('clientId', 'in', ids)
      .where('clearedOn', 'is', null)
      .orderBy('raisedOn')
      .execute(),
  ]);
  const flagsBy = new Map<string, { rule: FlagRule; acknowledged: boolean }[]>();
  for (const f of flags) {
    const list = flagsBy.get(f.clientId) ?? [];
    list.push({ rule: f.rule, acknowledged: f.acknowledgedAt !== null });
    flagsBy.set(f.clientId, list);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const rating = r.meanEngagement ?? null;
    return [
      {
        clientId: r.id,
        name: `${r.lastName}, ${r.firstName}${r.preferredName ? ` (${r.preferredName})` : ''}`,
        recordNumber: r.recordNumber,
        status: r.status,
        counselorName: r.counselorName,
        levelOfCare: r.levelOfCare,
        daysInTreatment: daysInTreatment(r.admissionDate, r.dischargeDate, today),
        attendance: ratio(r.attended ?? 0, r.expected ?? 0),
        participation: ratio(r.shared ?? 0, r.participationRecorded ?? 0),
        engagement: {
          numerator: rating === null ? 0 : rating * (r.rated ?? 0),
          denominator: r.rated ?? 0,
          value: rating,
        },
        engagementTrend: r.engagementTrend ?? null,
        lastAttended: r.lastAttended ?? null,
        daysSober: r.sobrietyDate ? daysSober(r.sobrietyDate, today) : null,
        flags: flagsBy.get(r.id) ?? [],
      },
    ];
  });
}

/**
 * One page of the caseload: a counselor's own clients or the whole facility, filtered and sorted
 * on the server. The names shown are a read of each client: one audit event lists them.
 */
export async function caseload(
  ctx: Context,
  staff: StaffContext,
  input: CaseloadInput,
): Promise<Page<CaseloadRow> & { asOf: IsoDate }> {
  const today = facilityToday(staff.facility, ctx.now());
  await refreshStaleMetrics(ctx.db, staff.facility, today);
  const query = caseloadQuery(ctx.db, staff, input, today);
  const [ids, count] = await Promise.all([
    query
      .select('c.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    query.clearOrderBy().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows = await caseloadRows(
    ctx.db,
    staff.facility.id,
    ids.map((r) => r.id),
    today,
  );
  await recordAudit(ctx.db, {
    action: 'read',
    entityType: 'caseload',
    actorStaffUserId: staff.userId,
    facilityId: staff.facility.id,
    outcome: 'success',
    sourceIp: ctx.request.ip,
    detail: { clientIds: rows.map((r) => r.clientId), page: input.page, sort: input.sort },
  });
  return { rows, rowCount: count.n, asOf: today };
}
