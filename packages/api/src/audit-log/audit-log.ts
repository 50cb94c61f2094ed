import { csvLine, dateInTimeZone } from '@homegroup/core';
import type { AuditFilterInput } from '@homegroup/validators';
import { AUDIT_ACTIONS, auditFilterInput } from '@homegroup/validators';
import { sql } from 'kysely';
import { disclosureRows } from '../alumni/disclosure-log';
import { recordStaffAction } from '../audit';
import { withAccess } from '../auth/require-access';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';

/** The most rows one CSV of the audit trail holds; narrow the filters for more. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

/** The start of a facility-local day, as an instant. */
function dayStart(day: string, timeZone: string) {
  return sql<Date>`(${day}::date)::timestamp at time zone ${timeZone}`;
}

/** The facility's audit events matching the filters, newest first, with names for people. */
function filteredEvents(ctx: Context, staff: StaffContext, filter: AuditFilterInput) {
  const tz = staff.facility.timeZone;
  let query = ctx.db
    .selectFrom('auditEvents as a')
    .leftJoin('staffUsers as s', 's.id', 'a.actorStaffUserId')
    .leftJoin('clients as c', (join) =>
      join.onRef('c.id', '=', 'a.clientId').on('c.facilityId', '=', staff.facility.id),
    )
    .where('a.facilityId', '=', staff.facility.id);
  if (filter.clientId) query = query.where('a.clientId', '=', filter.clientId);
  if (filter.staffUserId) query = query.where('a.actorStaffUserId', '=', filter.staffUserId);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.from) query = query.where('a.occurredAt', '>=', dayStart(filter.from, tz));
  if (filter.to) {
    query = query.where(
      'a.occurredAt',
      '<',
      sql<Date>`${dayStart(filter.to, tz)} + interval '1 day'`,
    );
  }
  return query;
}

/** The filtered events with the columns the viewer and the CSV show, newest first. */
function eventRows(ctx: Context, staff: StaffContext, filter: AuditFilterInput) {
  return filteredEvents(ctx, staff, filter)
    .select([
      'a.id',
      'a.occurredAt',
      'a.action',
      'a.entityType',
      'a.entityId',
      'a.outcome',
      'a.sourceIp',
      'a.detail',
      'a.clientId',
      's.displayName as staffName',
      'c.firstName as clientFirstName',
      'c.lastName as clientLastName',
      'c.recordNumber as clientRecordNumber',
    ])
    .orderBy('a.occurredAt', 'desc')
    .orderBy('a.id', 'desc');
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventRows>['execute']>>[number];

function present(row: EventRow) {
  return {
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    outcome: row.outcome,
    sourceIp: row.sourceIp,
    detail: row.detail,
    staffName: row.staffName,
    client: row.clientId
      ? {
          id: row.clientId,
          name: row.clientFirstName ? `${row.clientFirstName} ${row.clientLastName}` : null,
          recordNumber: row.clientRecordNumber,
        }
      : null,
  };
}

/** Looking at the audit trail is itself on the audit trail. */
function auditTheLook(
  ctx: Context,
  staff: StaffContext,
  action: 'read' | 'export',
  filter: AuditFilterInput,
  rows: number,
) {
  return recordStaffAction(ctx, staff, ctx.db, {
    action,
    entityType: 'audit_log',
    clientId: filter.clientId ?? null,
    detail: { filter, rows },
  });
}

/** One page of the admin audit viewer. */
export async function auditEvents(
  ctx: Context,
  staff: StaffContext,
  input: { filter: AuditFilterInput; page: number; pageSize: number },
) {
  const [rows, count] = await Promise.all([
    eventRows(ctx, staff, input.filter)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    filteredEvents(ctx, staff, input.filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  await auditTheLook(ctx, staff, 'read', input.filter, rows.length);
  return { rows: rows.map(present), rowCount: Number(count.n) };
}

/** The choices of the viewer's filters: the facility's staff and the actions. */
export async function auditFilterOptions(ctx: Context, staff: StaffContext) {
  const people = await ctx.db
    .selectFrom('staffRoles as r')
    .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
    .select(['u.id', 'u.displayName'])
    .where('r.facilityId', '=', staff.facility.id)
    .orderBy('u.displayName')
    .execute();
  return { staff: people, actions: AUDIT_ACTIONS };
}

/**
 * A client's accounting of disclosures (42 CFR 2.24 gives patients the right to a list of
 * disclosures): every disclosure made under consent, for the admin viewer.
 */
export async function disclosureAccounting(ctx: Context, staff: StaffContext, clientId: string) {
  const client = await ctx.db
    .selectFrom('clients')
    .select(['id', 'firstName', 'lastName', 'recordNumber'])
    .where('id', '=', clientId)
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  if (!client) throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
  const rows = await disclosureRows(ctx.db, staff, client.id);
  await recordStaffAction(ctx, staff, ctx.db, {
    action: 'read',
    entityType: 'disclosure_log',
    entityId: client.id,
    clientId: client.id,
    detail: { rows: rows.length },
  });
  return {
    client: {
      id: client.id,
      name: `${client.firstName} ${client.lastName}`,
      recordNumber: client.recordNumber,
    },
    disclosures: rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() })),
  };
}

const CSV_HEADER = [
  'When (facility time)',
  'Staff member',
  'Action',
  'Record type',
  'Record id',
  'Client',
  'Record number',
  'Outcome',
  'From address',
  'Detail',
  'Event id',
];

/** The facility's local date and time of an instant, for people reading the CSV. */
function localDateTime(at: Date, timeZone: string) {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${dateInTimeZone(at, timeZone)} ${time}`;
}

/** The filtered audit trail as CSV (`/export/audit.csv`), itself audited as an export. */
export async function auditCsvDownload(ctx: Context, query: Record<string, unknown>) {
  return withAccess(ctx, 'export.auditCsv', async (staff) => {
    const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
    const parsed = auditFilterInput.safeParse({
      clientId: blankToNull(query.clientId),
      staffUserId: blankToNull(query.staffUserId),
      action: blankToNull(query.action),
      from: blankToNull(query.from),
      to: blankToNull(query.to),
    });
    if (!parsed.success) {
      throw new AppError(
        'BAD_INPUT',
        parsed.error.issues[0]?.message ?? 'Those filters are not valid.',
      );
    }
    const filter = parsed.data;
    const rows = await eventRows(ctx, staff, filter).limit(AUDIT_CSV_MAX_ROWS).execute();
    await auditTheLook(ctx, staff, 'export', filter, rows.length);
    const tz = staff.facility.timeZone;
    const lines = [
      `\uFEFF${csvLine(CSV_HEADER)}`,
      ...rows.map((r) =>
        csvLine([
          localDateTime(r.occurredAt, tz),
          r.staffName ?? '',
          r.action,
          r.entityType,
          r.entityId ?? '',
          r.clientFirstName ? `${r.clientFirstName} ${r.clientLastName}` : '',
          r.clientRecordNumber ?? '',
          r.outcome,
          r.sourceIp ?? '',
          JSON.stringify(r.detail),
          String(r.id),
        ]),
      ),
    ];
    return {
      filename: `audit-${dateInTimeZone(ctx.now(), tz)}.csv`,
      chunks: [lines.join('')],
    };
  });
}
